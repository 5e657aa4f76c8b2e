package dev.salesmeter.store;

import dev.salesmeter.core.EventKind;
import dev.salesmeter.core.FollowUpKind;
import dev.salesmeter.core.Money;
import dev.salesmeter.core.Percentage;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.RepMention;
import dev.salesmeter.core.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads logged events back, as confirmations, {@code /void} and {@code /edit} show them. */
public final class EventReader {
  private final Jdbi jdbi;

  public EventReader(Database database) {
    this.jdbi = database.jdbi();
  }

  private static final String SELECT_EVENT =
      """
      SELECT e.id, e.number, e.kind, e.amount_cents, e.occurred_at, e.logged_at, e.cross_sell,
             e.margin_bp, e.source, e.reason, e.followup_kind, e.products, e.label,
             e.opportunity_id,
             r.id AS rep_id, r.platform_user_id AS rep_pid, r.display_name AS rep_name,
             l.id AS by_id, l.platform_user_id AS by_pid, l.display_name AS by_name,
             c.id AS customer_id, c.name AS customer_name,
             t.period_start, t.period_end, t.period_unit,
             tr.id AS target_rep_id, tr.platform_user_id AS target_rep_pid,
             tr.display_name AS target_rep_name,
             ve.number AS voids_number,
             CASE WHEN EXISTS (SELECT 1 FROM events v WHERE v.voids_event_id = e.id)
                  THEN 1 ELSE 0 END AS voided,
             re.number AS replaces_number,
             (SELECT n.number FROM events n WHERE n.replaces_event_id = e.id) AS replaced_by,
             (SELECT MIN(o.id) FROM events o WHERE o.opportunity_id = e.opportunity_id)
               AS first_on_opportunity
      FROM events e
      JOIN reps r ON r.id = e.rep_id
      JOIN reps l ON l.id = e.logged_by
      LEFT JOIN customers c ON c.id = e.customer_id
      LEFT JOIN targets t ON t.event_id = e.id
      LEFT JOIN reps tr ON tr.id = t.rep_id
      LEFT JOIN events ve ON ve.id = e.voids_event_id
      LEFT JOIN events re ON re.id = e.replaces_event_id
      WHERE e.workspace_id = :ws
      """;

  private static final String SELECT_EVENT_BY_ID = SELECT_EVENT + " AND e.id = :id";

  private static final String SELECT_EVENT_BY_NUMBER = SELECT_EVENT + " AND e.number = :number";

  private static final String SELECT_LAST_COUNTING_BY_AUTHOR =
      SELECT_EVENT
          + " AND e.logged_by = :rep AND e.kind <> 'void'"
          + " AND NOT EXISTS (SELECT 1 FROM events v WHERE v.voids_event_id = e.id)"
          + " ORDER BY e.id DESC LIMIT 1";

  /** The event with this number in the workspace. */
  public Optional<LoggedEvent> event(WorkspaceId workspace, long number) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(SELECT_EVENT_BY_NUMBER)
                .bind("ws", workspace.value())
                .bind("number", number)
                .map(EventReader::mapEvent)
                .findOne());
  }

  /** The latest event the user typed that still counts (not voided, not itself a void). */
  public Optional<LoggedEvent> lastCountingEventLoggedBy(WorkspaceId workspace, RepMention user) {
    return jdbi.withHandle(
        handle ->
            Directory.findRep(handle, workspace, user)
                .flatMap(
                    rep ->
                        handle
                            .createQuery(SELECT_LAST_COUNTING_BY_AUTHOR)
                            .bind("ws", workspace.value())
                            .bind("rep", rep.id())
                            .map(EventReader::mapEvent)
                            .findOne()));
  }

  /** The event an interaction logged, if it logged one. */
  public Optional<LoggedEvent> eventOfInteraction(WorkspaceId workspace, String interactionId) {
    return jdbi.withHandle(
        handle -> byInteraction(handle, workspace, interactionId).map(LoggedEvent::asRepeated));
  }

  /**
   * Every event of the workspace (voids included) whose local date lies within the days given, one
   * at a time in number order, as the export writes them: a whole history is never held in memory.
   */
  public void forEachEvent(
      WorkspaceId workspace, LocalDate from, LocalDate to, Consumer<LoggedEvent> each) {
    jdbi.useHandle(
        handle ->
            handle
                .createQuery(
                    SELECT_EVENT + " AND e.local_date BETWEEN :from AND :to ORDER BY e.number")
                .bind("ws", workspace.value())
                .bind("from", from.toString())
                .bind("to", to.toString())
                .map(EventReader::mapEvent)
                .forEach(each));
  }

  /** How many events (voids included) the workspace has logged. */
  public long eventCount(WorkspaceId workspace) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT COUNT(*) FROM events WHERE workspace_id = :ws")
                .bind("ws", workspace.value())
                .mapTo(Long.class)
                .one());
  }

  /** The state of an opportunity now, as the {@code opportunity_states} view derives it. */
  public OpportunityState opportunityState(WorkspaceId workspace, long opportunityId) {
    return jdbi.withHandle(handle -> opportunityState(handle, opportunityId));
  }

  static OpportunityState opportunityState(Handle handle, long opportunityId) {
    return handle
        .createQuery(
            """
            SELECT s.state, c.number AS closed_by
            FROM opportunity_states s JOIN opportunity_facts f USING (opportunity_id)
            LEFT JOIN events c ON c.id = f.closed_by
            WHERE s.opportunity_id = :id
            """)
        .bind("id", opportunityId)
        .map(
            (rs, ctx) -> {
              OpportunityState.Status status =
                  OpportunityState.Status.valueOf(rs.getString("state").toUpperCase(Locale.ROOT));
              Optional<Long> closedBy =
                  status == OpportunityState.Status.OPEN
                      ? Optional.empty()
                      : optionalLong(rs, "closed_by");
              return new OpportunityState(status, closedBy);
            })
        .findOne()
        .orElse(new OpportunityState(OpportunityState.Status.GONE, Optional.empty()));
  }

  /** The event an interaction logged: a narrow indexed look-up first, as it usually misses. */
  static Optional<LoggedEvent> byInteraction(
      Handle handle, WorkspaceId workspace, String interactionId) {
    return handle
        .createQuery(
            "SELECT id FROM events WHERE workspace_id = :ws AND interaction_id = :interaction")
        .bind("ws", workspace.value())
        .bind("interaction", interactionId)
        .mapTo(Long.class)
        .findOne()
        .map(id -> byId(handle, workspace, id));
  }

  static LoggedEvent byId(Handle handle, WorkspaceId workspace, long id) {
    return handle
        .createQuery(SELECT_EVENT_BY_ID)
        .bind("ws", workspace.value())
        .bind("id", id)
        .map(EventReader::mapEvent)
        .one();
  }

  private static LoggedEvent mapEvent(ResultSet rs, StatementContext ctx) throws SQLException {
    EventKind kind = EventKind.fromCode(rs.getString("kind"));
    long id = rs.getLong("id");
    long opportunityId = rs.getLong("opportunity_id");
    boolean onOpportunity = !rs.wasNull();
    OpportunityLink link;
    if (onOpportunity) {
      link =
          rs.getLong("first_on_opportunity") == id
              ? OpportunityLink.OPENED
              : OpportunityLink.JOINED;
    } else {
      link = kind == EventKind.SALE ? OpportunityLink.DIRECT : OpportunityLink.NONE;
    }
    String products = rs.getString("products");
    EventDetails details =
        new EventDetails(
            rs.getInt("cross_sell") == 1,
            optionalInt(rs, "margin_bp").map(Percentage::ofBasisPoints),
            Optional.ofNullable(rs.getString("source")),
            Optional.ofNullable(rs.getString("reason")),
            Optional.ofNullable(rs.getString("followup_kind"))
                .map(code -> FollowUpKind.valueOf(code.toUpperCase(Locale.ROOT))),
            products == null ? List.of() : Arrays.asList(products.split(",")),
            Optional.ofNullable(rs.getString("label")));
    String periodStart = rs.getString("period_start");
    Optional<Period> target =
        periodStart == null
            ? Optional.empty()
            : Optional.of(
                new Period(
                    LocalDate.parse(periodStart),
                    LocalDate.parse(rs.getString("period_end")),
                    Period.Unit.valueOf(rs.getString("period_unit"))));
    Optional<Long> targetRepId = optionalLong(rs, "target_rep_id");
    Optional<Rep> targetRep =
        targetRepId.isEmpty()
            ? Optional.empty()
            : Optional.of(
                new Rep(
                    targetRepId.get(),
                    rs.getString("target_rep_pid"),
                    rs.getString("target_rep_name")));
    Optional<Long> customerId = optionalLong(rs, "customer_id");
    Optional<Customer> customer =
        customerId.isEmpty()
            ? Optional.empty()
            : Optional.of(new Customer(customerId.get(), rs.getString("customer_name")));
    return new LoggedEvent(
        id,
        rs.getLong("number"),
        kind,
        new Rep(rs.getLong("rep_id"), rs.getString("rep_pid"), rs.getString("rep_name")),
        new Rep(rs.getLong("by_id"), rs.getString("by_pid"), rs.getString("by_name")),
        customer,
        optionalLong(rs, "amount_cents").map(Money::ofCents),
        Instant.ofEpochMilli(rs.getLong("occurred_at")),
        Instant.ofEpochMilli(rs.getLong("logged_at")),
        onOpportunity ? Optional.of(opportunityId) : Optional.empty(),
        link,
        details,
        target,
        targetRep,
        optionalLong(rs, "voids_number"),
        rs.getInt("voided") == 1,
        optionalLong(rs, "replaces_number"),
        optionalLong(rs, "replaced_by"),
        false);
  }

  private static Optional<Long> optionalLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(value);
  }

  private static Optional<Integer> optionalInt(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(value);
  }
}
