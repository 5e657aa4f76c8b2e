package dev.salesmeter.transfer;

import dev.salesmeter.command.AmountParser;
import dev.salesmeter.command.InvalidInput;
import dev.salesmeter.command.Term;
import dev.salesmeter.command.TextValues;
import dev.salesmeter.core.EventKind;
import dev.salesmeter.core.FollowUpKind;
import dev.salesmeter.core.Money;
import dev.salesmeter.core.Percentage;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.RepMention;
import dev.salesmeter.store.EventDetails;
import dev.salesmeter.store.EventImport;
import dev.salesmeter.store.NewEvent;
import dev.salesmeter.store.TargetScope;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the {@code events} format, one row per event, exactly as {@code export} writes it. Each row
 * is checked as its command checks a typed one: the kind names the command, whose fields the row
 * may fill; amounts, margins, products and names obey the command language's rules. A void names
 * the earlier row it voids by that row's number; a corrected copy the row it replaces.
 */
final class EventsFormat implements RowReader {
  private final Context context;
  private final Kinds kinds;
  private final Map<Long, Integer> byNumber = new HashMap<>();
  private final Map<Long, Long> lineOfNumber = new HashMap<>();

  EventsFormat(Context context, Kinds kinds) {
    this.context = context;
    this.kinds = kinds;
  }

  @Override
  public void read(Row row, Batch batch) {
    Cells cells = new Cells(row, context.problems());
    Optional<EventKind> kind =
        cells.required(
            Field.KIND,
            "event",
            word ->
                kinds
                    .of(word)
                    .orElseThrow(
                        () -> new InvalidInput("import.unknownKind", word, kinds.words())));
    Optional<Instant> occurred = cells.required(Field.OCCURRED, "event", context.dates()::happened);
    Optional<Instant> logged = cells.optional(Field.LOGGED, context.dates()::happened);
    Optional<String> repName =
        cells.required(Field.REP, "event", v -> TextValues.name(v, Term.REP));
    Optional<String> repId = cells.optional(Field.REP_ID, v -> TextValues.name(v, Term.REP));
    Optional<String> byName = cells.optional(Field.LOGGED_BY, v -> TextValues.name(v, Term.REP));
    Optional<String> byId = cells.optional(Field.LOGGED_BY_ID, v -> TextValues.name(v, Term.REP));
    Optional<Long> number = cells.optional(Field.NUMBER, EventsFormat::number);
    Optional<String> id = cells.optional(Field.ID, Context::id);
    if (kind.isEmpty()) {
      return;
    }
    EventKind k = kind.get();
    String word = k.code();
    Optional<String> customer = Optional.empty();
    if (kinds.takes(k, Field.CUSTOMER)) {
      customer = cells.required(Field.CUSTOMER, word, v -> TextValues.name(v, Term.CUSTOMER));
    } else {
      cells.absent(Field.CUSTOMER, word);
    }
    Optional<Money> amount = Optional.empty();
    if (kinds.takes(k, Field.AMOUNT)) {
      amount = cells.required(Field.AMOUNT, word, v -> AmountParser.parse(v, context.locale()));
    } else {
      cells.absent(Field.AMOUNT, word);
    }
    Optional<Boolean> crossSell = fieldOf(cells, k, Field.CROSS_SELL, v -> crossSell(v));
    Optional<Percentage> margin = fieldOf(cells, k, Field.MARGIN, TextValues::margin);
    Optional<String> source = fieldOf(cells, k, Field.SOURCE, v -> TextValues.name(v, Term.SOURCE));
    Optional<String> reason = fieldOf(cells, k, Field.REASON, v -> TextValues.name(v, Term.REASON));
    Optional<FollowUpKind> followUp =
        fieldOf(cells, k, Field.FOLLOWUP, v -> TextValues.followUpKind(v, "followup"));
    Optional<List<String>> products = fieldOf(cells, k, Field.PRODUCTS, TextValues::products);
    Optional<String> label = fieldOf(cells, k, Field.LABEL, v -> TextValues.name(v, Term.LABEL));
    Optional<TargetScope> target = Optional.empty();
    if (kinds.takes(k, Field.PERIOD_START)) {
      Optional<LocalDate> start = cells.required(Field.PERIOD_START, word, EventsFormat::day);
      Optional<LocalDate> end = cells.required(Field.PERIOD_END, word, EventsFormat::day);
      Optional<Period.Unit> unit = cells.required(Field.PERIOD_UNIT, word, EventsFormat::unit);
      Optional<String> targetRep =
          cells.optional(Field.TARGET_REP, v -> TextValues.name(v, Term.REP));
      Optional<String> targetRepId =
          cells.optional(Field.TARGET_REP_ID, v -> TextValues.name(v, Term.REP));
      if (start.isPresent() && end.isPresent() && unit.isPresent()) {
        if (end.get().isBefore(start.get())) {
          cells.problem(
              Field.PERIOD_END, "import.periodBackwards", row.get(Field.PERIOD_END).get());
        } else {
          target =
              Optional.of(
                  new TargetScope(
                      new Period(start.get(), end.get(), unit.get()),
                      targetRep.map(name -> context.reps().of(name, targetRepId))));
        }
      }
    } else {
      for (Field field :
          List.of(
              Field.PERIOD_START,
              Field.PERIOD_END,
              Field.PERIOD_UNIT,
              Field.TARGET_REP,
              Field.TARGET_REP_ID)) {
        cells.absent(field, word);
      }
    }
    OptionalInt voids = OptionalInt.empty();
    if (kinds.takes(k, Field.VOIDS)) {
      voids = reference(cells, Field.VOIDS, true);
    } else {
      cells.absent(Field.VOIDS, word);
    }
    OptionalInt replaces = OptionalInt.empty();
    if (k != EventKind.VOID) {
      replaces = reference(cells, Field.REPLACES, false);
    } else {
      cells.absent(Field.REPLACES, word);
    }
    if (number.isPresent()) {
      Long earlier = lineOfNumber.putIfAbsent(number.get(), row.line());
      if (earlier != null) {
        cells.problem(Field.NUMBER, "import.numberTwice", number.get(), earlier);
      }
    }
    if (id.isPresent() && !context.newId(id.get())) {
      cells.problem(Field.ID, "import.idTwice", id.get());
    }
    if (cells.bad() || occurred.isEmpty() || repName.isEmpty()) {
      return;
    }
    RepMention rep = context.reps().of(repName.get(), repId);
    RepMention by = byName.map(name -> context.reps().of(name, byId)).orElse(rep);
    Instant loggedAt = logged.orElse(k == EventKind.VOID ? occurred.get() : context.now());
    EventDetails details =
        new EventDetails(
            crossSell.orElse(false),
            margin,
            source,
            reason,
            k == EventKind.FOLLOWUP ? Optional.of(followUp.orElse(FollowUpKind.CALL)) : followUp,
            products.orElse(List.of()),
            label);
    NewEvent event =
        new NewEvent(
            context.workspace(),
            context.interactionId(id, row.line(), ""),
            k,
            k == EventKind.VOID ? by : rep,
            by,
            customer,
            amount,
            k == EventKind.VOID ? loggedAt : occurred.get(),
            loggedAt,
            details,
            target);
    number.ifPresent(n -> byNumber.put(n, batch.size()));
    batch.add(
        new EventImport.Item(event, voids, replaces),
        new Batch.Origin(
            row.line(),
            k,
            row.column(Field.CUSTOMER),
            customer.orElse(""),
            row.column(voids.isPresent() ? Field.VOIDS : Field.REPLACES),
            row.get(voids.isPresent() ? Field.VOIDS : Field.REPLACES).orElse("")));
  }

  private <T> Optional<T> fieldOf(
      Cells cells, EventKind kind, Field field, java.util.function.Function<String, T> rule) {
    if (kinds.takes(kind, field)) {
      return cells.optional(field, rule);
    }
    cells.absent(field, kind.code());
    return Optional.empty();
  }

  /** The index in the batch of the earlier row a void or copy names by its number. */
  private OptionalInt reference(Cells cells, Field field, boolean required) {
    Optional<Long> number =
        required
            ? cells.required(field, "void", EventsFormat::number)
            : cells.optional(field, EventsFormat::number);
    if (number.isEmpty()) {
      return OptionalInt.empty();
    }
    Integer index = byNumber.get(number.get());
    if (index == null) {
      cells.problem(field, "import.referenceUnknown", number.get());
      return OptionalInt.empty();
    }
    return OptionalInt.of(index);
  }

  private static long number(String value) {
    try {
      long number = Long.parseLong(value.startsWith("#") ? value.substring(1) : value);
      if (number >= 1) {
        return number;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new InvalidInput("import.numberInvalid", value);
  }

  private static boolean crossSell(String value) {
    return TextValues.yesOrNo(value, "cross_sell");
  }

  private static LocalDate day(String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidInput("import.dayInvalid", value);
    }
  }

  private static Period.Unit unit(String value) {
    try {
      return Period.Unit.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("import.unitInvalid", value);
    }
  }
}
