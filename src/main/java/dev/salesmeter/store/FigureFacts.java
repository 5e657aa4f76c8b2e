package dev.salesmeter.store;

import dev.salesmeter.core.EventKind;
import dev.salesmeter.core.WorkspaceId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The facts the figures read, derived from the live events: what each opportunity reached ({@code
 * opportunity_facts}), each live sale and whether it was a repeat ({@code sale_facts}), each rep's
 * sales per local day ({@code sales_by_day}) and each customer's active spells ({@code
 * customer_spells}). Events stay the only truth; each rule is written once, here, and serves both
 * engines: standard SQL that SQLite and PostgreSQL both run, and the spells (which count calendar
 * days, and the two engines share no date arithmetic) in Java.
 *
 * <p>The same statements serve one event and a whole history: each takes a scope (one opportunity,
 * some customers, a workspace), so the append path refreshes the one opportunity and customer an
 * event touches, in its own transaction, and an import refreshes everything in one set-based pass.
 */
public final class FigureFacts {
  /** How many customers one statement names; longer lists are cut into chunks of this size. */
  private static final String SALES_BY_DAY_COLUMNS =
      "workspace_id, rep_id, day, sales, revenue_cents, cross_sells, cross_sell_cents, repeats,"
          + " repeat_cents, margined_cents, unmargined_cents";

  /** Adds rows' sums to the days they fall on; a negative row subtracts. */
  private static final String ADD_TO_DAYS =
      " ON CONFLICT (workspace_id, rep_id, day) DO UPDATE SET"
          + " sales = sales_by_day.sales + excluded.sales,"
          + " revenue_cents = sales_by_day.revenue_cents + excluded.revenue_cents,"
          + " cross_sells = sales_by_day.cross_sells + excluded.cross_sells,"
          + " cross_sell_cents = sales_by_day.cross_sell_cents + excluded.cross_sell_cents,"
          + " repeats = sales_by_day.repeats + excluded.repeats,"
          + " repeat_cents = sales_by_day.repeat_cents + excluded.repeat_cents,"
          + " margined_cents = sales_by_day.margined_cents + excluded.margined_cents,"
          + " unmargined_cents = sales_by_day.unmargined_cents + excluded.unmargined_cents";

  private final Database database;

  public FigureFacts(Database database) {
    this.database = database;
  }

  /**
   * Derives every fact of a workspace anew from its live events, in one transaction: for a history
   * inserted in bulk (an import, a copy from another database), or to check that the facts kept
   * event by event equal a rebuild.
   */
  public void refreshWorkspace(WorkspaceId workspace) {
    database.write(
        handle -> {
          refreshWorkspace(handle, workspace);
          return null;
        });
  }

  /** As {@link #refreshWorkspace(WorkspaceId)}, in a transaction the caller runs. */
  public static void refreshWorkspace(Handle handle, WorkspaceId workspace) {
    for (String table :
        List.of("opportunity_facts", "sale_facts", "sales_by_day", "customer_spells")) {
      handle
          .createUpdate("DELETE FROM " + table + " WHERE workspace_id = :ws")
          .bind("ws", workspace.value())
          .execute();
    }
    Scope whole = new Scope(workspace.value(), null, List.of());
    refreshOpportunities(handle, whole);
    refreshSales(handle, whole);
    refreshSpells(handle, whole);
  }

  /**
   * Brings the facts an appended event (or the event a void voids) bears on up to date, in the
   * appending transaction: its opportunity's, and for a sale or churn its customer's.
   */
  static void afterEvent(
      Handle handle,
      String workspace,
      EventKind kind,
      Optional<Long> customer,
      Optional<Long> opportunity) {
    if (opportunity.isPresent()) {
      refreshOpportunities(handle, new Scope(workspace, opportunity.get(), List.of()));
    }
    if (customer.isPresent() && (kind == EventKind.SALE || kind == EventKind.CHURN)) {
      Scope one = new Scope(workspace, null, List.of(customer.get()));
      refreshSales(handle, one);
      refreshSpells(handle, one);
    }
  }

  /** Redraws every spell of a workspace: after its inactivity window changed. */
  static void refreshSpells(Handle handle, String workspace) {
    refreshSpells(handle, new Scope(workspace, null, List.of()));
  }

  /**
   * Whether a churn at a moment ends something (COMMANDS.md: {@code /churn} needs a customer with a
   * live sale since their last live churn): the customer's latest live sale or churn at or before
   * it is a sale. Unlike a spell it ignores the inactivity window: a churn after the window ran out
   * is accepted, to record its reason; the spells take whichever end came first.
   */
  static boolean churnEndsSomething(Handle handle, String workspace, long customer, long at) {
    return handle
        .createQuery(
            "SELECT e.kind FROM live_events e WHERE e.workspace_id = :ws"
                + " AND e.customer_id = :customer AND e.kind IN ('sale', 'churn')"
                + " AND e.occurred_at <= :at ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1")
        .bind("ws", workspace)
        .bind("customer", customer)
        .bind("at", at)
        .mapTo(String.class)
        .findOne()
        .filter("sale"::equals)
        .isPresent();
  }

  /**
   * What each opportunity in scope reached, from its live events; one with none has no row. Its
   * state follows (the {@code opportunity_states} view): won at its first live sale, else lost at
   * its first live lost, else open. Each event is ranked within its opportunity and kind, so the
   * latest quote and the deciding sale or lost come from the same pass as the dates.
   */
  private static void refreshOpportunities(Handle handle, Scope scope) {
    String in = scope.onOpportunities("o");
    scope
        .bind(
            handle.createUpdate(
                "DELETE FROM opportunity_facts WHERE opportunity_id IN"
                    + " (SELECT o.id FROM opportunities o WHERE "
                    + in
                    + ")"))
        .execute();
    scope
        .bind(
            handle.createUpdate(
                """
                INSERT INTO opportunity_facts (opportunity_id, workspace_id, rep_id, customer_id,
                    opened_at, lead_at, appointment_at, first_quote_at, quote_cents, last_touch_at,
                    won_at, lost_at, closed_by)
                SELECT o.id, o.workspace_id, o.rep_id, o.customer_id,
                       MIN(e.occurred_at),
                       MIN(CASE WHEN e.kind = 'lead' THEN e.occurred_at END),
                       MIN(CASE WHEN e.kind = 'appointment' THEN e.occurred_at END),
                       MIN(CASE WHEN e.kind = 'quote' THEN e.occurred_at END),
                       MAX(CASE WHEN e.kind = 'quote' AND e.latest = 1 THEN e.amount_cents END),
                       MAX(CASE WHEN e.kind IN ('quote', 'followup') THEN e.occurred_at END),
                       MIN(CASE WHEN e.kind = 'sale' THEN e.occurred_at END),
                       MIN(CASE WHEN e.kind = 'lost' THEN e.occurred_at END),
                       COALESCE(MAX(CASE WHEN e.kind = 'sale' AND e.earliest = 1 THEN e.id END),
                                MAX(CASE WHEN e.kind = 'lost' AND e.earliest = 1 THEN e.id END))
                FROM opportunities o JOIN (
                    SELECT l.opportunity_id, l.id, l.kind, l.occurred_at, l.amount_cents,
                           ROW_NUMBER() OVER (PARTITION BY l.opportunity_id, l.kind
                                              ORDER BY l.occurred_at, l.id) AS earliest,
                           ROW_NUMBER() OVER (PARTITION BY l.opportunity_id, l.kind
                                              ORDER BY l.occurred_at DESC, l.id DESC) AS latest
                    FROM opportunities o JOIN live_events l ON l.opportunity_id = o.id
                    WHERE\s"""
                    + in
                    + ") e ON e.opportunity_id = o.id WHERE "
                    + in
                    + " GROUP BY o.id, o.workspace_id, o.rep_id, o.customer_id"))
        .execute();
  }

  /**
   * The live sales of the customers in scope, each marked new (the customer's first live sale, by
   * date then logging) or repeat, and the days' sums beside them. Only what changed is written, as
   * a customer may have hundreds of sales: voided sales leave, new ones come in, and sales whose
   * mark moved (a backdated sale, a voided first sale) flip; each change moves its day's sums by
   * its difference.
   */
  private static void refreshSales(Handle handle, Scope scope) {
    String facts = scope.on("f");
    String voided = "EXISTS (SELECT 1 FROM events v WHERE v.voids_event_id = f.event_id)";
    scope
        .bind(
            handle.createUpdate(
                addToDays(
                    "-", "sale_facts f WHERE " + facts + " AND " + voided, "f.is_repeat", false)))
        .execute();
    scope
        .bind(
            handle.createUpdate(
                "DELETE FROM sale_facts WHERE event_id IN (SELECT f.event_id FROM sale_facts f"
                    + " WHERE "
                    + facts
                    + " AND "
                    + voided
                    + ")"))
        .execute();
    // The scope's live sales, each with its mark: r.
    String ranked =
        "(SELECT e.id, e.workspace_id, e.customer_id, e.rep_id, e.opportunity_id, e.occurred_at,"
            + " e.local_date AS day, e.amount_cents, e.cross_sell, e.margin_bp,"
            + " CASE WHEN ROW_NUMBER() OVER (PARTITION BY e.customer_id"
            + " ORDER BY e.occurred_at, e.id) = 1 THEN 0 ELSE 1 END AS is_repeat"
            + " FROM live_events e WHERE "
            + scope.on("e")
            + " AND e.kind = 'sale') r";
    String fresh = " WHERE NOT EXISTS (SELECT 1 FROM sale_facts g WHERE g.event_id = r.id)";
    scope
        .bind(
            handle.createUpdate(
                addToDays(
                    "",
                    "(SELECT r.* FROM " + ranked + fresh + ") f WHERE 1 = 1",
                    "f.is_repeat",
                    false)))
        .execute();
    scope
        .bind(
            handle.createUpdate(
                "INSERT INTO sale_facts (event_id, workspace_id, customer_id, rep_id,"
                    + " opportunity_id, occurred_at, day, amount_cents, cross_sell, margin_bp,"
                    + " is_repeat) SELECT r.id, r.workspace_id, r.customer_id, r.rep_id,"
                    + " r.opportunity_id, r.occurred_at, r.day, r.amount_cents, r.cross_sell,"
                    + " r.margin_bp, r.is_repeat FROM "
                    + ranked
                    + fresh))
        .execute();
    // Kept sales whose mark moved.
    String moved =
        "sale_facts f JOIN " + ranked + " ON r.id = f.event_id WHERE f.is_repeat <> r.is_repeat";
    scope.bind(handle.createUpdate(addToDays("", moved, "", true))).execute();
    scope
        .bind(
            handle.createUpdate(
                "UPDATE sale_facts SET is_repeat = 1 - is_repeat WHERE event_id IN"
                    + " (SELECT f.event_id FROM "
                    + moved
                    + ")"))
        .execute();
  }

  /**
   * Adds the sums of some sale rows {@code f} to their days.
   *
   * @param sign "-" to subtract them
   * @param rows what follows FROM: rows f with workspace_id, rep_id, day, amount_cents, cross_sell,
   *     margin_bp, filtered by a WHERE (SQLite's upsert needs one)
   * @param repeat the rows' repeat mark (0 or 1)
   * @param flip whether the rows' repeat mark flips: only the repeat sums move
   */
  private static String addToDays(String sign, String rows, String repeat, boolean flip) {
    String sums =
        flip
            ? "0, 0, 0, 0, SUM(1 - 2 * f.is_repeat), SUM((1 - 2 * f.is_repeat) * f.amount_cents),"
                + " 0, 0"
            : String.join(
                ", ",
                sign + "COUNT(*)",
                sign + "SUM(f.amount_cents)",
                sign + "SUM(f.cross_sell)",
                sign + "SUM(f.cross_sell * f.amount_cents)",
                sign + "SUM(" + repeat + ")",
                sign + "SUM(" + repeat + " * f.amount_cents)",
                sign + "SUM(COALESCE(f.amount_cents * f.margin_bp, 0))",
                sign + "SUM(CASE WHEN f.margin_bp IS NULL THEN f.amount_cents ELSE 0 END)");
    return "INSERT INTO sales_by_day ("
        + SALES_BY_DAY_COLUMNS
        + ") SELECT f.workspace_id, f.rep_id, f.day, "
        + sums
        + " FROM "
        + rows
        + " GROUP BY f.workspace_id, f.rep_id, f.day"
        + ADD_TO_DAYS;
  }

  /** A live sale or churn of a customer, in the order spells read them. */
  private record Step(long customer, long id, long at, LocalDate day, boolean sale) {}

  /** A spell of a customer, as {@code customer_spells} keeps it. */
  private record Spell(
      long customer,
      long startId,
      long startedAt,
      LocalDate endedDay,
      Long endedAt,
      boolean silent,
      boolean wonBack) {}

  /** Redraws the spells of the customers in scope from their live sales and churns. */
  private static void refreshSpells(Handle handle, Scope scope) {
    int window =
        handle
            .createQuery("SELECT inactivity_days FROM workspaces WHERE id = :ws")
            .bind("ws", scope.workspace())
            .mapTo(Integer.class)
            .one();
    scope
        .bind(
            handle.createUpdate("DELETE FROM customer_spells WHERE " + scope.on("customer_spells")))
        .execute();
    PreparedBatch insert =
        handle.prepareBatch(
            "INSERT INTO customer_spells (workspace_id, customer_id, start_id, started_at,"
                + " ended_day, ended_at, silent, won_back) VALUES (:ws, :customer, :start,"
                + " :startedAt, :endedDay, :endedAt, :silent, :wonBack)");
    List<Step> steps = new ArrayList<>();
    int[] pending = {0};
    scope
        .bind(
            handle.createQuery(
                "SELECT e.customer_id, e.id, e.occurred_at, e.local_date, e.kind"
                    + " FROM live_events e WHERE "
                    + scope.on("e")
                    + " AND e.kind IN ('sale', 'churn')"
                    + " ORDER BY e.customer_id, e.occurred_at, e.id"))
        .map(
            (rs, ctx) ->
                new Step(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    LocalDate.parse(rs.getString(4)),
                    "sale".equals(rs.getString(5))))
        .forEach(
            step -> {
              if (!steps.isEmpty() && steps.get(0).customer() != step.customer()) {
                pending[0] += add(insert, scope.workspace(), spells(steps, window));
                steps.clear();
              }
              steps.add(step);
            });
    pending[0] += add(insert, scope.workspace(), spells(steps, window));
    if (pending[0] > 0) {
      insert.execute();
    }
  }

  private static int add(PreparedBatch insert, String workspace, List<Spell> spells) {
    for (Spell spell : spells) {
      insert
          .bind("ws", workspace)
          .bind("customer", spell.customer())
          .bind("start", spell.startId())
          .bind("startedAt", spell.startedAt())
          .bind("endedDay", spell.endedDay().toString())
          .bind("endedAt", spell.endedAt())
          .bind("silent", spell.silent() ? 1 : 0)
          .bind("wonBack", spell.wonBack() ? 1 : 0)
          .add();
    }
    return spells.size();
  }

  /**
   * One customer's spells (KPIS.md figure 6), from their live sales and churns in order (date, then
   * logging). A sale's window runs out at the start of the day {@code window} days after its local
   * date. A sale starts a spell unless it follows a sale whose window still runs on its day. A
   * churn ends the spell of the sale just before it, if that sale's window still runs on the
   * churn's day; a sale ends its spell silently when nothing follows before its window runs out.
   * Each spell ends at the first end at or after the sale that started it; it is a win-back when
   * the customer had bought before.
   */
  private static List<Spell> spells(List<Step> steps, int window) {
    List<Spell> spells = new ArrayList<>();
    Step start = null;
    boolean wonBack = false;
    int sales = 0;
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      Step previous = i == 0 ? null : steps.get(i - 1);
      Step next = i + 1 == steps.size() ? null : steps.get(i + 1);
      boolean previousRuns =
          previous != null
              && previous.sale()
              && step.day().isBefore(previous.day().plusDays(window));
      if (step.sale()) {
        sales++;
        if (!previousRuns) {
          start = step;
          wonBack = sales > 1;
        }
      }
      LocalDate endedDay = null;
      if (!step.sale() && previousRuns) {
        endedDay = step.day();
      } else if (step.sale()
          && (next == null || !next.day().isBefore(step.day().plusDays(window)))) {
        endedDay = step.day().plusDays(window);
      }
      if (endedDay != null && start != null) {
        spells.add(
            new Spell(
                step.customer(),
                start.id(),
                start.at(),
                endedDay,
                step.sale() ? null : step.at(),
                step.sale(),
                wonBack));
        start = null;
      }
    }
    return spells;
  }

  /**
   * Which rows a refresh covers: one opportunity, or the given customers of a workspace (all of
   * them when the list is empty).
   */
  private record Scope(String workspace, Long opportunity, List<Long> customers) {
    /** The condition on a table with workspace_id and customer_id columns, under an alias. */
    String on(String alias) {
      String ws = alias + ".workspace_id = :ws";
      if (customers.isEmpty()) {
        return ws;
      }
      return ws
          + " AND "
          + alias
          + ".customer_id IN ("
          + IntStream.range(0, customers.size())
              .mapToObj(i -> ":c" + i)
              .collect(Collectors.joining(", "))
          + ")";
    }

    /** The condition on opportunities, under an alias. */
    String onOpportunities(String alias) {
      return opportunity == null ? on(alias) : alias + ".id = :opportunity";
    }

    <T extends SqlStatement<T>> T bind(T statement) {
      if (opportunity != null) {
        return statement.bind("opportunity", opportunity);
      }
      statement.bind("ws", workspace);
      for (int i = 0; i < customers.size(); i++) {
        statement.bind("c" + i, customers.get(i));
      }
      return statement;
    }
  }
}
