package dev.salesmeter.command;

import dev.salesmeter.core.FollowUpKind;
import dev.salesmeter.core.Money;
import dev.salesmeter.core.Percentage;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.RepMention;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A command's arguments, typed and validated. Slack and the console fill it from a line of text
 * ({@link TextArguments}); Discord fills it from typed options. Handlers read only this.
 *
 * @param text the customer's name, a cost's label or a command name, by the command's syntax
 * @param date when the logged step happened, if not now
 * @param eventNumber the event a {@code /void} or {@code /edit} names
 * @param label a cost's label given as {@code label:} ({@code /edit})
 * @param crossSell {@code cross-sell:yes|no} ({@code /edit})
 * @param followUpKind {@code kind:call|visit} ({@code /edit})
 */
public record CommandArguments(
    Optional<String> text,
    Optional<Money> amount,
    Optional<Period> period,
    Optional<RepMention> rep,
    Optional<Instant> date,
    Optional<Percentage> margin,
    Optional<String> source,
    Optional<String> reason,
    List<String> products,
    Set<Flag> flags,
    Optional<Long> eventNumber,
    Optional<String> label,
    Optional<Boolean> crossSell,
    Optional<FollowUpKind> followUpKind) {

  public static final CommandArguments NONE =
      new CommandArguments(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          List.of(),
          Set.of(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());

  public CommandArguments {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(rep, "rep");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(margin, "margin");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(reason, "reason");
    products = List.copyOf(products);
    flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    Objects.requireNonNull(eventNumber, "eventNumber");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(crossSell, "crossSell");
    Objects.requireNonNull(followUpKind, "followUpKind");
  }

  public boolean has(Flag flag) {
    return flags.contains(flag);
  }
}
