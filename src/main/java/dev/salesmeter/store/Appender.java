package dev.salesmeter.store;

import dev.salesmeter.core.CustomerName;
import dev.salesmeter.core.EventKind;
import dev.salesmeter.core.FollowUpKind;
import dev.salesmeter.core.Money;
import dev.salesmeter.core.Percentage;
import dev.salesmeter.core.WorkspaceId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * Appends events, applying the opportunity rules of KPIS.md in the same transaction as the insert,
 * so a logged event, the opportunity it joined or opened and the figures' facts are never out of
 * step. A repeated interaction id returns the event it logged the first time.
 */
public final class Appender {
  private final Database database;
  private final SettingsStore settings;
  private final Directory directory;

  public Appender(Database database, SettingsStore settings, Directory directory) {
    this.database = database;
    this.settings = settings;
    this.directory = directory;
  }

  private static final Set<EventKind> NEEDS_KNOWN_CUSTOMER =
      EnumSet.of(EventKind.FOLLOWUP, EventKind.LOST, EventKind.CHURN);

  private static final Set<EventKind> NEEDS_OPEN_OPPORTUNITY =
      EnumSet.of(EventKind.FOLLOWUP, EventKind.LOST);

  private static final Set<EventKind> OPENS_WHEN_NONE_OPEN =
      EnumSet.of(EventKind.APPOINTMENT, EventKind.QUOTE);

  /**
   * The opportunity a step dated at a moment joins (KPIS.md: state follows the live events in order
   * of their date), read from its facts. Preferably the latest one open at that moment: begun at or
   * before it and not closed by a live sale or lost event at or before it. Failing that, one still
   * open whose first event is later: the step happened before the rest was logged (a lead logged
   * today, then "appointment yesterday"), so the opportunity began earlier than it seemed.
   */
  private static final String LATEST_OPEN_OPPORTUNITY =
      """
      SELECT opportunity_id FROM opportunity_facts
      WHERE workspace_id = :ws AND customer_id = :customer
        AND (won_at IS NULL OR won_at > :at) AND (lost_at IS NULL OR lost_at > :at)
        AND (opened_at <= :at OR (won_at IS NULL AND lost_at IS NULL))
      ORDER BY CASE WHEN opened_at <= :at THEN 1 ELSE 0 END DESC, opened_at DESC,
               opportunity_id DESC
      LIMIT 1
      """;

  /** Appends an event whose new customers the user has confirmed, or that creates none. */
  public AppendResult append(NewEvent event) {
    return append(event, EventLog.NewCustomerCheck.CONFIRMED);
  }

  /**
   * Appends an event, applying the opportunity rules in the same transaction. A customer name that
   * is new to the workspace is first put to {@code check}; if it names a similar known customer,
   * nothing is stored and the result says which.
   */
  public AppendResult append(NewEvent event, EventLog.NewCustomerCheck check) {
    ZoneId zone = settings.settings(event.workspace()).zone();
    try {
      return database.write(
          handle -> {
            lockWorkspace(handle, event.workspace().value());
            return appendIn(handle, event, check, zone, Optional.empty());
          });
    } catch (JdbiException failure) {
      return repeatOf(event, failure);
    }
  }

  /**
   * The unique interaction id is the guard against logging a request twice: no look-up first on the
   * usual path. A repeat breaks the index and its transaction rolls back.
   */
  AppendResult repeatOf(NewEvent event, JdbiException failure) {
    return database
        .jdbi()
        .withHandle(
            handle ->
                EventReader.byInteraction(handle, event.workspace(), event.interactionId())
                    .map(LoggedEvent::asRepeated))
        .<AppendResult>map(AppendResult.Logged::new)
        .orElseThrow(() -> failure);
  }

  /**
   * @param replacing the event the new one corrects, already voided in this transaction
   */
  AppendResult appendIn(
      Handle handle,
      NewEvent event,
      EventLog.NewCustomerCheck check,
      ZoneId zone,
      Optional<LoggedEvent> replacing) {
    String ws = event.workspace().value();
    Rep rep = directory.findOrCreateRep(handle, event.workspace(), event.rep());
    Rep loggedBy =
        event.loggedBy().equals(event.rep())
            ? rep
            : directory.findOrCreateRep(handle, event.workspace(), event.loggedBy());
    Optional<Customer> customer = Optional.empty();
    Optional<Long> opportunityId = Optional.empty();
    Optional<AppendResult.OpenOpportunity> alsoOpen = Optional.empty();
    OpportunityLink link =
        event.kind() == EventKind.SALE ? OpportunityLink.DIRECT : OpportunityLink.NONE;
    if (event.customerName().isPresent()) {
      String name = event.customerName().get();
      String key = CustomerName.key(name);
      Optional<Customer> known = Directory.findCustomer(handle, event.workspace(), key);
      if (known.isEmpty()) {
        Optional<Customer> similar =
            check.similarTo(
                name, after -> Directory.customersAfter(handle, event.workspace(), after));
        if (similar.isPresent()) {
          return refusedUnlessRepeated(
              handle, event, new AppendResult.SimilarCustomer(name, similar.get()));
        }
        if (NEEDS_KNOWN_CUSTOMER.contains(event.kind())) {
          return refusedUnlessRepeated(handle, event, new AppendResult.UnknownCustomer(name));
        }
      }
      if (event.kind() == EventKind.CHURN
          && !FigureFacts.churnEndsSomething(
              handle, ws, known.get().id(), event.occurredAt().toEpochMilli())) {
        return refusedUnlessRepeated(
            handle, event, new AppendResult.NotActiveCustomer(known.get()));
      }
      customer =
          Optional.of(
              known.orElseGet(
                  () -> Directory.insertCustomer(handle, event.workspace(), name, key, event)));
      boolean sameCustomer =
          replacing
              .flatMap(LoggedEvent::customer)
              .map(Customer::id)
              .equals(customer.map(Customer::id));
      if (sameCustomer) {
        // A corrected copy is the same step of the same trajectory.
        opportunityId = replacing.get().opportunityId();
        link = opportunityId.isPresent() ? OpportunityLink.JOINED : link;
        if (replacing.get().link() == OpportunityLink.OPENED
            && replacing.get().rep().id() != rep.id()) {
          // The opportunity belongs to the rep who opened it: that was the corrected rep.
          handle
              .createUpdate("UPDATE opportunities SET rep_id = :rep WHERE id = :id")
              .bind("rep", rep.id())
              .bind("id", opportunityId.orElseThrow())
              .execute();
        }
      } else {
        Optional<Long> open =
            latestOpenOpportunity(handle, ws, customer.get().id(), event.occurredAt());
        if (event.kind() == EventKind.LEAD
            || (open.isEmpty() && OPENS_WHEN_NONE_OPEN.contains(event.kind()))) {
          if (event.kind() == EventKind.LEAD && open.isPresent()) {
            alsoOpen = Optional.of(openOpportunity(handle, open.get()));
          }
          opportunityId = Optional.of(insertOpportunity(handle, ws, customer.get(), rep));
          link = OpportunityLink.OPENED;
        } else if (open.isEmpty() && NEEDS_OPEN_OPPORTUNITY.contains(event.kind())) {
          return refusedUnlessRepeated(
              handle, event, new AppendResult.NoOpenOpportunity(customer.get()));
        } else if (open.isPresent() && event.kind() != EventKind.CHURN) {
          opportunityId = open;
          link = OpportunityLink.JOINED;
        }
      }
    }
    Optional<Long> customerId = customer.map(Customer::id);
    Inserted inserted =
        insertEvent(
            handle,
            event,
            zone,
            rep,
            loggedBy,
            customerId,
            opportunityId,
            null,
            replacing.map(LoggedEvent::id).orElse(null));
    FigureFacts.afterEvent(handle, ws, event.kind(), customerId, opportunityId);
    Optional<Rep> targetRep = Optional.empty();
    if (event.target().isPresent()) {
      targetRep = insertTarget(handle, event.workspace(), inserted.id(), event.target().get());
    }
    return new AppendResult.Logged(
        new LoggedEvent(
            inserted.id(),
            inserted.number(),
            event.kind(),
            rep,
            loggedBy,
            customer,
            event.amount(),
            event.occurredAt(),
            event.loggedAt(),
            opportunityId,
            link,
            event.details(),
            event.target().map(TargetScope::period),
            targetRep,
            Optional.empty(),
            false,
            replacing.map(LoggedEvent::number),
            Optional.empty(),
            false),
        alsoOpen);
  }

  /** An open opportunity named by its first live event, as a confirmation shows it. */
  private static AppendResult.OpenOpportunity openOpportunity(Handle handle, long opportunityId) {
    return handle
        .createQuery(
            "SELECT number, kind, occurred_at FROM live_events WHERE opportunity_id = :id"
                + " ORDER BY occurred_at, id LIMIT 1")
        .bind("id", opportunityId)
        .map(
            (rs, ctx) ->
                new AppendResult.OpenOpportunity(
                    rs.getLong("number"),
                    EventKind.fromCode(rs.getString("kind")),
                    Instant.ofEpochMilli(rs.getLong("occurred_at"))))
        .one();
  }

  /**
   * A refusal, unless this request was logged before: a repeat of a request that closed an
   * opportunity must answer "already logged", not "no open opportunity".
   */
  private static AppendResult refusedUnlessRepeated(
      Handle handle, NewEvent event, AppendResult refusal) {
    return EventReader.byInteraction(handle, event.workspace(), event.interactionId())
        .<AppendResult>map(earlier -> new AppendResult.Logged(earlier.asRepeated()))
        .orElse(refusal);
  }

  private Optional<Long> latestOpenOpportunity(
      Handle handle, String ws, long customerId, Instant at) {
    return handle
        .createQuery(LATEST_OPEN_OPPORTUNITY)
        .bind("ws", ws)
        .bind("customer", customerId)
        .bind("at", at.toEpochMilli())
        .mapTo(Long.class)
        .findOne();
  }

  private long insertOpportunity(Handle handle, String ws, Customer customer, Rep rep) {
    return handle
        .createQuery(
            "INSERT INTO opportunities (workspace_id, customer_id, rep_id)"
                + " VALUES (:ws, :customer, :rep) RETURNING id")
        .bind("ws", ws)
        .bind("customer", customer.id())
        .bind("rep", rep.id())
        .mapTo(Long.class)
        .one();
  }

  /** The row id and the workspace's number of an inserted event. */
  record Inserted(long id, long number) {}

  /**
   * Takes the workspace's counter row for this transaction, before anything is read: appends of one
   * workspace then run one after the other, each seeing the ones before it (their customers, the
   * opportunity a step joins, the last number). SQLite's single writer does the same; on PostgreSQL
   * this no-op update holds the row's lock until commit or rollback, so two processes never choose
   * from the same state.
   */
  static void lockWorkspace(Handle handle, String ws) {
    handle
        .createUpdate(
            "INSERT INTO event_counters (workspace_id, last_number) VALUES (:ws, 0)"
                + " ON CONFLICT (workspace_id) DO UPDATE"
                + " SET last_number = event_counters.last_number")
        .bind("ws", ws)
        .execute();
  }

  /**
   * The workspace's next event number, from its counter row (locked by {@link #lockWorkspace}): a
   * refused or failed append rolls it back with everything else, so numbers come without gap or
   * duplicate.
   */
  private static long nextNumber(Handle handle, String ws) {
    return handle
        .createQuery(
            "UPDATE event_counters SET last_number = last_number + 1 WHERE workspace_id = :ws"
                + " RETURNING last_number")
        .bind("ws", ws)
        .mapTo(Long.class)
        .one();
  }

  /** Inserts an event numbered after the workspace's last. */
  Inserted insertEvent(
      Handle handle,
      NewEvent event,
      ZoneId zone,
      Rep rep,
      Rep loggedBy,
      Optional<Long> customerId,
      Optional<Long> opportunityId,
      Long voidsEventId,
      Long replacesEventId) {
    String ws = event.workspace().value();
    EventDetails details = event.details();
    return handle
        .createQuery(
            """
            INSERT INTO events (workspace_id, number, interaction_id, kind, rep_id, logged_by,
                customer_id, opportunity_id, amount_cents, occurred_at, local_date, logged_at,
                cross_sell, margin_bp, source, reason, followup_kind, products, label,
                voids_event_id, replaces_event_id)
            VALUES (:ws, :number, :interaction, :kind, :rep, :loggedBy, :customer, :opportunity,
                :amount, :occurred, :localDate, :logged, :crossSell, :margin, :source, :reason,
                :followUp, :products, :label, :voids, :replaces)
            RETURNING id, number
            """)
        .bind("ws", ws)
        .bind("number", nextNumber(handle, ws))
        .bind("interaction", event.interactionId())
        .bind("kind", event.kind().code())
        .bind("rep", rep.id())
        .bind("loggedBy", loggedBy.id())
        .bind("customer", customerId.orElse(null))
        .bind("opportunity", opportunityId.orElse(null))
        .bind("amount", event.amount().map(Money::cents).orElse(null))
        .bind("occurred", event.occurredAt().toEpochMilli())
        .bind("localDate", LocalDate.ofInstant(event.occurredAt(), zone).toString())
        .bind("logged", event.loggedAt().toEpochMilli())
        .bind("crossSell", details.crossSell() ? 1 : 0)
        .bind("margin", details.margin().map(Percentage::basisPoints).orElse(null))
        .bind("source", details.source().orElse(null))
        .bind("reason", details.reason().orElse(null))
        .bind("followUp", details.followUpKind().map(FollowUpKind::code).orElse(null))
        .bind(
            "products", details.products().isEmpty() ? null : String.join(",", details.products()))
        .bind("label", details.label().orElse(null))
        .bind("voids", voidsEventId)
        .bind("replaces", replacesEventId)
        .map((rs, ctx) -> new Inserted(rs.getLong("id"), rs.getLong("number")))
        .one();
  }

  private Optional<Rep> insertTarget(
      Handle handle, WorkspaceId workspace, long eventId, TargetScope scope) {
    Optional<Rep> rep =
        scope.rep().map(mention -> directory.findOrCreateRep(handle, workspace, mention));
    handle
        .createUpdate(
            "INSERT INTO targets (event_id, workspace_id, period_start, period_end, period_unit,"
                + " rep_id) VALUES (:event, :ws, :start, :end, :unit, :rep)")
        .bind("event", eventId)
        .bind("ws", workspace.value())
        .bind("start", scope.period().start().toString())
        .bind("end", scope.period().end().toString())
        .bind("unit", scope.period().unit().name())
        .bind("rep", rep.map(Rep::id).orElse(null))
        .execute();
    return rep;
  }
}
