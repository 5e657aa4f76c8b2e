package dev.salesmeter.transfer;

import dev.salesmeter.command.CommandSpec;
import dev.salesmeter.command.Flag;
import dev.salesmeter.command.OptionKey;
import dev.salesmeter.command.Syntax;
import dev.salesmeter.core.EventKind;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of event a row may be, and which fields each takes, read from the command registry: a
 * row of kind {@code sale} (or {@code verkoop}) takes what {@code /sale} takes, so the file format
 * and the commands never drift apart.
 */
final class Kinds {
  private final List<CommandSpec> commands;
  private final Map<EventKind, Set<Field>> fields = new EnumMap<>(EventKind.class);

  /**
   * @param commands the logging commands ({@code CommandRegistry.loggingCommands})
   */
  Kinds(List<CommandSpec> commands) {
    this.commands = commands;
    for (CommandSpec spec : commands) {
      kindOf(spec).ifPresent(kind -> fields.put(kind, fieldsOf(spec)));
    }
  }

  /** The kind a word names, in English or Dutch, in any case. */
  Optional<EventKind> of(String word) {
    return commands.stream().filter(spec -> spec.isCalled(word)).findFirst().flatMap(Kinds::kindOf);
  }

  /** Whether a row of the kind takes a value in the field. */
  boolean takes(EventKind kind, Field field) {
    return fields.getOrDefault(kind, Set.of()).contains(field);
  }

  /** The kinds' words, English and Dutch, for an error. */
  String words() {
    return String.join(
        ", ",
        commands.stream()
            .filter(spec -> kindOf(spec).isPresent())
            .map(spec -> spec.name() + "/" + spec.dutchName())
            .toList());
  }

  private static Optional<EventKind> kindOf(CommandSpec spec) {
    return Arrays.stream(EventKind.values())
        .filter(kind -> kind.code().equals(spec.name()))
        .findFirst();
  }

  private static Set<Field> fieldsOf(CommandSpec spec) {
    Set<Field> taken = EnumSet.noneOf(Field.class);
    Syntax syntax = spec.syntax();
    if (syntax == Syntax.CUSTOMER || syntax == Syntax.CUSTOMER_AMOUNT) {
      taken.add(Field.CUSTOMER);
    }
    if (syntax == Syntax.CUSTOMER_AMOUNT
        || syntax == Syntax.LABEL_AMOUNT
        || syntax == Syntax.PERIOD_AMOUNT) {
      taken.add(Field.AMOUNT);
    }
    if (syntax == Syntax.LABEL_AMOUNT) {
      taken.add(Field.LABEL);
    }
    if (syntax == Syntax.PERIOD_AMOUNT) {
      taken.addAll(List.of(Field.PERIOD_START, Field.PERIOD_END, Field.PERIOD_UNIT));
      if (spec.takesRep()) {
        taken.addAll(List.of(Field.TARGET_REP, Field.TARGET_REP_ID));
      }
    }
    if (syntax == Syntax.EVENT_NUMBER) {
      taken.add(Field.VOIDS);
    }
    Map<OptionKey, Field> options =
        Map.of(
            OptionKey.SOURCE, Field.SOURCE,
            OptionKey.REASON, Field.REASON,
            OptionKey.MARGIN, Field.MARGIN,
            OptionKey.PRODUCTS, Field.PRODUCTS);
    options.forEach(
        (option, field) -> {
          if (spec.options().contains(option)) {
            taken.add(field);
          }
        });
    if (spec.flags().contains(Flag.CROSS_SELL)) {
      taken.add(Field.CROSS_SELL);
    }
    if (spec.flags().contains(Flag.CALL)) {
      taken.add(Field.FOLLOWUP);
    }
    return taken;
  }
}
