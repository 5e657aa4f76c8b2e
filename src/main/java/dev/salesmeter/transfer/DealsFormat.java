package dev.salesmeter.transfer;

import dev.salesmeter.command.AmountParser;
import dev.salesmeter.command.Term;
import dev.salesmeter.command.TextValues;
import dev.salesmeter.core.EventKind;
import dev.salesmeter.core.Money;
import dev.salesmeter.core.RepMention;
import dev.salesmeter.store.EventDetails;
import dev.salesmeter.store.EventImport;
import dev.salesmeter.store.NewEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code deals} format, one row per deal as CRMs export them (../shared/CRM-EXPORTS.md).
 * Each deal is its own opportunity: its lead when it was created, its quote where the file gives a
 * quote date or the stage says a quote went out (dated at the quote date, else at creation), and
 * its sale or lost at the close date. An open deal's close date is an expectation, not an event.
 *
 * <p>Deals are appended in the order they were created, each deal's events together: a deal's quote
 * and close then join the opportunity its own lead opened (the latest one open for the customer at
 * that moment), even where deals of one customer overlap.
 */
final class DealsFormat implements RowReader {
  private static final Set<String> WON = Set.of("won", "closed won", "gewonnen", "deal won");
  private static final Set<String> LOST = Set.of("lost", "closed lost", "verloren", "deal lost");
  private static final Set<String> OPEN = Set.of("open", "lopend");

  /** Stages that say a quote went out (HubSpot, Pipedrive, Salesforce, Dutch sheets). */
  private static final Set<String> QUOTED =
      Set.of(
          "contract sent",
          "proposal",
          "proposal made",
          "proposal price quote",
          "quote sent",
          "negotiation",
          "negotiation review",
          "offerte",
          "offerte verstuurd",
          "offerte verzonden",
          "onderhandeling");

  private enum State {
    WON,
    LOST,
    OPEN
  }

  private record Deal(
      long line,
      Optional<String> id,
      Instant created,
      String customer,
      String customerColumn,
      RepMention owner,
      Optional<Money> amount,
      State state,
      Optional<Instant> quoted,
      Optional<Instant> closed,
      Optional<String> source,
      Optional<String> lostReason) {}

  private final Context context;
  private final List<Deal> deals = new ArrayList<>();

  DealsFormat(Context context) {
    this.context = context;
  }

  @Override
  public void read(Row row, Batch batch) {
    Cells cells = new Cells(row, context.problems());
    FileDates dates = context.dates();
    Optional<String> id = cells.optional(Field.ID, Context::id);
    Optional<Instant> created = cells.required(Field.CREATED, "deal", dates::happened);
    Optional<String> customer =
        cells.required(Field.CUSTOMER, "deal", v -> TextValues.name(v, Term.CUSTOMER));
    Optional<String> owner = cells.required(Field.REP, "deal", v -> TextValues.name(v, Term.REP));
    Optional<Money> amount =
        cells.optional(Field.AMOUNT, v -> AmountParser.parse(v, context.locale()));
    Optional<String> source = cells.optional(Field.SOURCE, v -> TextValues.name(v, Term.SOURCE));
    Optional<String> lostReason =
        cells.optional(Field.LOST_REASON, v -> TextValues.name(v, Term.REASON));
    Optional<String> stage = row.get(Field.STAGE).map(Header::normalise);
    Optional<State> state = state(cells, stage);
    boolean quoteSent =
        row.get(Field.QUOTE_DATE).isPresent() || stage.filter(QUOTED::contains).isPresent();
    if (id.isPresent() && !context.newId(id.get())) {
      cells.problem(Field.ID, "import.idTwice", id.get());
    }
    if (state.isEmpty() || created.isEmpty()) {
      return;
    }
    Optional<Instant> quoted = cells.optional(Field.QUOTE_DATE, dates::happened);
    Optional<Instant> closed = Optional.empty();
    if (state.get() != State.OPEN) {
      String word = state.get() == State.WON ? "wonDeal" : "lostDeal";
      closed = cells.required(Field.CLOSE_DATE, word, dates::happened);
      if (state.get() == State.WON && amount.isEmpty()) {
        cells.problem(Field.AMOUNT, "import.required", "amount", context.problems().what(word));
      }
      if (closed.isPresent() && closed.get().isBefore(created.get())) {
        cells.problem(
            Field.CLOSE_DATE,
            "import.beforeCreated",
            row.get(Field.CLOSE_DATE).get(),
            row.get(Field.CREATED).get());
      }
      if (closed.isPresent() && quoted.isPresent() && quoted.get().isAfter(closed.get())) {
        cells.problem(
            Field.QUOTE_DATE,
            "import.quoteAfterClose",
            row.get(Field.QUOTE_DATE).get(),
            row.get(Field.CLOSE_DATE).get());
      }
    } else {
      cells.optional(Field.CLOSE_DATE, dates::read); // an expectation, but it must be a date
    }
    if (quoted.isPresent() && quoted.get().isBefore(created.get())) {
      cells.problem(
          Field.QUOTE_DATE,
          "import.beforeCreated",
          row.get(Field.QUOTE_DATE).get(),
          row.get(Field.CREATED).get());
    }
    if (quoteSent && amount.isEmpty()) {
      cells.problem(Field.AMOUNT, "import.required", "amount", context.problems().what("quote"));
    }
    if (cells.bad() || customer.isEmpty() || owner.isEmpty()) {
      return;
    }
    deals.add(
        new Deal(
            row.line(),
            id,
            created.get(),
            customer.get(),
            row.column(Field.CUSTOMER),
            context.reps().of(owner.get(), Optional.empty()),
            amount,
            state.get(),
            quoteSent ? Optional.of(quoted.orElse(created.get())) : Optional.empty(),
            closed,
            source,
            state.get() == State.LOST ? lostReason : Optional.empty()));
  }

  private Optional<State> state(Cells cells, Optional<String> stage) {
    Optional<String> status = cells.row().get(Field.STATUS).map(Header::normalise);
    if (status.isPresent()) {
      String word = status.get();
      if (WON.contains(word)) {
        return Optional.of(State.WON);
      }
      if (LOST.contains(word)) {
        return Optional.of(State.LOST);
      }
      if (OPEN.contains(word)) {
        return Optional.of(State.OPEN);
      }
      cells.problem(Field.STATUS, "import.statusUnknown", cells.row().get(Field.STATUS).get());
      return Optional.empty();
    }
    if (stage.isEmpty()) {
      cells.problem(
          cells.row().header().has(Field.STATUS) ? Field.STATUS : Field.STAGE,
          "import.required",
          "stage / status",
          context.problems().what("deal"));
      return Optional.empty();
    }
    if (WON.contains(stage.get())) {
      return Optional.of(State.WON);
    }
    return Optional.of(LOST.contains(stage.get()) ? State.LOST : State.OPEN);
  }

  @Override
  public void finish(Batch batch) {
    deals.sort(Comparator.comparing(Deal::created).thenComparing(Deal::line));
    for (Deal deal : deals) {
      add(batch, deal, EventKind.LEAD, deal.created(), Optional.empty(), "lead");
      if (deal.quoted().isPresent()) {
        add(batch, deal, EventKind.QUOTE, deal.quoted().get(), deal.amount(), "quote");
      }
      if (deal.state() == State.WON) {
        add(batch, deal, EventKind.SALE, deal.closed().orElseThrow(), deal.amount(), "sale");
      } else if (deal.state() == State.LOST) {
        add(batch, deal, EventKind.LOST, deal.closed().orElseThrow(), Optional.empty(), "lost");
      }
    }
  }

  private void add(
      Batch batch, Deal deal, EventKind kind, Instant at, Optional<Money> amount, String part) {
    EventDetails details =
        new EventDetails(
            false,
            Optional.empty(),
            kind == EventKind.LEAD ? deal.source() : Optional.empty(),
            kind == EventKind.LOST ? deal.lostReason() : Optional.empty(),
            Optional.empty(),
            List.of(),
            Optional.empty());
    NewEvent event =
        new NewEvent(
            context.workspace(),
            context.interactionId(deal.id(), deal.line(), part),
            kind,
            deal.owner(),
            deal.owner(),
            Optional.of(deal.customer()),
            amount,
            at,
            context.now(),
            details,
            Optional.empty());
    batch.add(
        EventImport.Item.of(event),
        new Batch.Origin(deal.line(), kind, deal.customerColumn(), deal.customer(), "", ""));
  }
}
