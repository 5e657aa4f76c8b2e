package dev.salesmeter.command;

import dev.salesmeter.core.Money;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.RepMention;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a command's typed options (Discord's) into the same arguments {@link TextArguments} reads
 * from a line, through the same checks: a Discord user gets the errors a Slack user gets.
 *
 * <p>Values are keyed by the parameter's English name ({@link CommandSpec#parameters()}): text as
 * {@link String}, amounts and percentages as {@link BigDecimal}, event numbers as {@link Long}, a
 * person as {@link RepMention}, a flag as {@link Boolean}.
 */
public final class TypedArguments {
  private final ZoneId zone;
  private final Instant now;

  /**
   * @param zone the workspace's time zone, for dates and periods
   * @param now the time of the request
   */
  public TypedArguments(ZoneId zone, Instant now) {
    this.zone = zone;
    this.now = now;
  }

  public CommandArguments parse(CommandSpec spec, Map<String, Object> values) {
    Set<String> known =
        spec.parameters().stream().map(Parameter::name).collect(Collectors.toUnmodifiableSet());
    for (String name : values.keySet()) {
      if (!known.contains(name)) {
        throw new InvalidInput("error.unknownOption", name, spec.name(), String.join(", ", known));
      }
    }
    LocalDate today = LocalDate.ofInstant(now, zone);
    boolean edit = spec.syntax() == Syntax.EVENT_EDIT;
    Optional<String> text =
        switch (spec.syntax()) {
          case CUSTOMER, CUSTOMER_AMOUNT ->
              Optional.of(
                  TextValues.name(required(values, "customer", Term.CUSTOMER), Term.CUSTOMER));
          case LABEL_AMOUNT -> text(values, "label").map(v -> TextValues.name(v, Term.LABEL));
          case COMMAND_NAME -> text(values, "command");
          case FIGURE_PERIOD -> text(values, "figure").map(v -> TextValues.name(v, Term.FIGURE));
          case RANKING -> phrase(List.of(text(values, "period"), text(values, "by")), Term.PERIOD);
          case WEEK -> phrase(List.of(text(values, "week")), Term.PERIOD);
          case SCHEDULE ->
              phrase(
                  List.of(text(values, "action"), text(values, "routine"), text(values, "when")),
                  Term.PERIOD);
          case DASHBOARD -> phrase(List.of(text(values, "option")), Term.TEXT);
          case API_TOKEN -> phrase(List.of(text(values, "task"), text(values, "name")), Term.TEXT);
          case EVENT_EDIT ->
              text(values, OptionKey.CUSTOMER.english())
                  .map(v -> TextValues.name(v, Term.CUSTOMER));
          case EVENT_NUMBER, PERIOD_AMOUNT -> Optional.empty();
        };
    Optional<Money> amount = Optional.empty();
    if (spec.syntax() == Syntax.CUSTOMER_AMOUNT
        || spec.syntax() == Syntax.LABEL_AMOUNT
        || spec.syntax() == Syntax.PERIOD_AMOUNT) {
      if (!(values.get("amount") instanceof BigDecimal units)) {
        throw new InvalidInput("error.amountMissing");
      }
      amount = Optional.of(AmountParser.of(units));
    } else if (spec.syntax() == Syntax.EVENT_EDIT
        && values.get("amount") instanceof BigDecimal units) {
      amount = Optional.of(AmountParser.of(units));
    }
    Optional<Period> period = Optional.empty();
    if (spec.syntax() == Syntax.PERIOD_AMOUNT) {
      period =
          Optional.of(
              PeriodParser.parse(
                  TextValues.name(required(values, "period", Term.PERIOD), Term.PERIOD), today));
    } else if (spec.syntax() == Syntax.FIGURE_PERIOD || spec.syntax() == Syntax.EVENT_EDIT) {
      period =
          text(values, "period")
              .map(v -> PeriodParser.parse(TextValues.name(v, Term.PERIOD), today));
    }
    Set<Flag> flags = EnumSet.noneOf(Flag.class);
    for (Flag flag : spec.flags()) {
      if (Boolean.TRUE.equals(values.get(flag.english()))) {
        flags.add(flag);
      }
    }
    Optional<Long> eventNumber = Optional.empty();
    if (values.get("event") instanceof Long number) {
      if (number < 1) {
        throw new InvalidInput("error.eventNumberInvalid", number.toString());
      }
      eventNumber = Optional.of(number);
    }
    if (spec.syntax() == Syntax.EVENT_EDIT) {
      if (!(values.get(Parameter.EDITED.name()) instanceof Long number) || number < 1) {
        throw new InvalidInput("error.editNumberMissing");
      }
      eventNumber = Optional.of(number);
    }
    return new CommandArguments(
        text,
        amount,
        period,
        Optional.ofNullable(values.get("rep")).map(RepMention.class::cast),
        text(values, OptionKey.DATE.english()).map(v -> DateParser.parse(v, zone, now)),
        Optional.ofNullable(values.get(OptionKey.MARGIN.english()))
            .map(v -> TextValues.margin(((BigDecimal) v).stripTrailingZeros().toPlainString())),
        text(values, OptionKey.SOURCE.english()).map(v -> TextValues.name(v, Term.SOURCE)),
        text(values, OptionKey.REASON.english()).map(v -> TextValues.name(v, Term.REASON)),
        text(values, OptionKey.PRODUCTS.english()).map(TextValues::products).orElse(List.of()),
        flags,
        eventNumber,
        edit
            ? text(values, OptionKey.LABEL.english()).map(v -> TextValues.name(v, Term.LABEL))
            : Optional.empty(),
        edit
            ? text(values, OptionKey.CROSS_SELL.english())
                .map(v -> TextValues.yesOrNo(v, OptionKey.CROSS_SELL.english()))
            : Optional.empty(),
        edit
            ? text(values, OptionKey.KIND.english())
                .map(v -> TextValues.followUpKind(v, OptionKey.KIND.english()))
            : Optional.empty());
  }

  /** A text value; an option given but blank reads as an empty one, which the checks refuse. */
  private static Optional<String> text(Map<String, Object> values, String name) {
    return Optional.ofNullable(values.get(name)).map(String.class::cast);
  }

  private static String required(Map<String, Object> values, String name, Term what) {
    return text(values, name).orElseThrow(() -> new InvalidInput("error.empty", what));
  }

  /** The words a phrase handler reads, as a line would give them. */
  private static Optional<String> phrase(List<Optional<String>> parts, Term what) {
    String joined =
        parts.stream()
            .flatMap(Optional::stream)
            .map(String::strip)
            .filter(v -> !v.isEmpty())
            .collect(Collectors.joining(" "));
    return joined.isEmpty() ? Optional.empty() : Optional.of(TextValues.name(joined, what));
  }
}
