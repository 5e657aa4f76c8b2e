package dev.salesmeter.store;

import dev.salesmeter.core.CustomerName;
import dev.salesmeter.core.EventKind;
import dev.salesmeter.core.FollowUpKind;
import dev.salesmeter.core.Money;
import dev.salesmeter.core.Percentage;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.RepMention;
import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.core.WorkspaceSettings;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The append-only log of sales events. Appending applies the opportunity rules of KPIS.md in the
 * same transaction as the insert, so a logged event and the opportunity it joined or opened are
 * never out of step. A repeated interaction id returns the event it logged the first time.
 */
public final class EventLog {
  private static final Set<EventKind> NEEDS_KNOWN_CUSTOMER =
      EnumSet.of(EventKind.FOLLOWUP, EventKind.LOST, EventKind.CHURN);
  private static final Set<EventKind> NEEDS_OPEN_OPPORTUNITY =
      EnumSet.of(EventKind.FOLLOWUP, EventKind.LOST);
  private static final Set<EventKind> OPENS_WHEN_NONE_OPEN =
      EnumSet.of(EventKind.APPOINTMENT, EventKind.QUOTE);

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
             EXISTS (SELECT 1 FROM events v WHERE v.voids_event_id = e.id) AS voided,
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

  /**
   * The opportunity a step dated at a moment joins (KPIS.md: state follows the live events in order
   * of their date). Preferably the latest one open at that moment: begun at or before it and not
   * closed by a live sale or lost event at or before it. Failing that, one still open whose first
   * event is later: the step happened before the rest was logged (a lead logged today, then
   * "appointment yesterday"), so the opportunity began earlier than it seemed.
   */
  private static final String LATEST_OPEN_OPPORTUNITY =
      """
      SELECT id FROM (
        SELECT o.id,
               (SELECT MIN(e.occurred_at) FROM live_events e WHERE e.opportunity_id = o.id)
                 AS opened_at,
               EXISTS (SELECT 1 FROM live_events e
                       WHERE e.opportunity_id = o.id AND e.kind IN ('sale', 'lost')) AS closed
        FROM opportunities o
        WHERE o.workspace_id = :ws AND o.customer_id = :customer
          AND NOT EXISTS (SELECT 1 FROM live_events e
                          WHERE e.opportunity_id = o.id AND e.kind IN ('sale', 'lost')
                            AND e.occurred_at <= :at))
      WHERE opened_at <= :at OR (opened_at IS NOT NULL AND NOT closed)
      ORDER BY opened_at <= :at DESC, opened_at DESC, id DESC
      LIMIT 1
      """;

  private final Jdbi jdbi;
  private final Database database;
  private final WorkspaceSettings defaults;
  private final Clock clock;

  /**
   * Settings are configuration, read on every command: kept in memory once read. A change made by
   * another process reaches this one when it restarts.
   */
  private final Map<WorkspaceId, WorkspaceSettings> settingsCache = new ConcurrentHashMap<>();

  /**
   * @param defaults the settings a workspace gets when it is first seen
   * @param clock when workspaces and reps are first seen (events carry their own times)
   */
  public EventLog(Database database, WorkspaceSettings defaults, Clock clock) {
    this.jdbi = database.jdbi();
    this.database = database;
    this.defaults = defaults;
    this.clock = clock;
  }

  /**
   * The workspace's settings; a workspace seen for the first time is created with the defaults. A
   * known workspace is only read, so its figures still answer on a database that turned read-only.
   */
  public WorkspaceSettings settings(WorkspaceId workspace) {
    return settingsCache.computeIfAbsent(
        workspace,
        ws ->
            jdbi.withHandle(handle -> readSettings(handle, ws))
                .orElseGet(
                    () ->
                        database.write(
                            handle -> {
                              writeSettings(handle, ws, defaults, false);
                              return readSettings(handle, ws).orElseThrow();
                            })));
  }

  /** Sets a workspace's settings, creating the workspace if it is new. */
  public void configure(WorkspaceId workspace, WorkspaceSettings settings) {
    database.write(
        handle -> {
          writeSettings(handle, workspace, settings, true);
          return null;
        });
    settingsCache.put(workspace, settings);
  }

  private static Optional<WorkspaceSettings> readSettings(Handle handle, WorkspaceId workspace) {
    return handle
        .createQuery(
            "SELECT locale, time_zone, currency, default_margin_bp, inactivity_days,"
                + " stale_quote_days, name, user_language FROM workspaces WHERE id = :ws")
        .bind("ws", workspace.value())
        .map(
            (rs, ctx) ->
                new WorkspaceSettings(
                    Locale.forLanguageTag(rs.getString("locale")),
                    ZoneId.of(rs.getString("time_zone")),
                    Currency.getInstance(rs.getString("currency")),
                    Percentage.ofBasisPoints(rs.getInt("default_margin_bp")),
                    rs.getInt("inactivity_days"),
                    rs.getInt("stale_quote_days"),
                    rs.getString("name"),
                    rs.getInt("user_language") == 1))
        .findOne();
  }

  private void writeSettings(
      Handle handle, WorkspaceId workspace, WorkspaceSettings settings, boolean replace) {
    long now = clock.millis();
    String onConflict =
        replace
            ? " ON CONFLICT (id) DO UPDATE SET locale = excluded.locale,"
                + " time_zone = excluded.time_zone, currency = excluded.currency,"
                + " default_margin_bp = excluded.default_margin_bp,"
                + " inactivity_days = excluded.inactivity_days,"
                + " stale_quote_days = excluded.stale_quote_days, name = excluded.name,"
                + " user_language = excluded.user_language"
            : " ON CONFLICT (id) DO NOTHING";
    handle
        .createUpdate(
            "INSERT INTO workspaces (id, locale, time_zone, currency, default_margin_bp,"
                + " inactivity_days, stale_quote_days, name, user_language, created_at) VALUES"
                + " (:ws, :locale, :zone, :currency, :margin, :inactivity, :stale, :name,"
                + " :userLanguage, :now)"
                + onConflict)
        .bind("ws", workspace.value())
        .bind("locale", settings.locale().toLanguageTag())
        .bind("zone", settings.zone().getId())
        .bind("currency", settings.currency().getCurrencyCode())
        .bind("margin", settings.defaultMargin().basisPoints())
        .bind("inactivity", settings.inactivityDays())
        .bind("stale", settings.staleQuoteDays())
        .bind("name", settings.name())
        .bind("userLanguage", settings.userLanguage() ? 1 : 0)
        .bind("now", now)
        .execute();
  }

  /** The customer whose name matches exactly (by {@link CustomerName#key}). */
  public Optional<Customer> customer(WorkspaceId workspace, String name) {
    return jdbi.withHandle(handle -> findCustomer(handle, workspace, CustomerName.key(name)));
  }

  /** Every customer of the workspace, in the order they were added. */
  public List<Customer> customers(WorkspaceId workspace) {
    return customersAfter(workspace, 0);
  }

  /**
   * The workspace's customers added after the one with id {@code afterId}, in order: what a cache
   * of names needs to catch up.
   */
  public List<Customer> customersAfter(WorkspaceId workspace, long afterId) {
    return jdbi.withHandle(handle -> customersAfter(handle, workspace, afterId));
  }

  static List<Customer> customersAfter(Handle handle, WorkspaceId workspace, long afterId) {
    return handle
        .createQuery(
            "SELECT id, name FROM customers WHERE workspace_id = :ws AND id > :after ORDER BY id")
        .bind("ws", workspace.value())
        .bind("after", afterId)
        .map((rs, ctx) -> new Customer(rs.getLong("id"), rs.getString("name")))
        .list();
  }

  /** The rep a mention names, if the workspace knows them. */
  public Optional<Rep> rep(WorkspaceId workspace, RepMention mention) {
    return jdbi.withHandle(handle -> findRep(handle, workspace, mention));
  }

  /** The event with this number in the workspace. */
  public Optional<LoggedEvent> event(WorkspaceId workspace, long number) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(SELECT_EVENT_BY_NUMBER)
                .bind("ws", workspace.value())
                .bind("number", number)
                .map(EventLog::mapEvent)
                .findOne());
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
                .map(EventLog::mapEvent)
                .forEach(each));
  }

  /** The latest event the user typed that still counts (not voided, not itself a void). */
  public Optional<LoggedEvent> lastCountingEventLoggedBy(WorkspaceId workspace, RepMention user) {
    return jdbi.withHandle(
        handle ->
            findRep(handle, workspace, user)
                .flatMap(
                    rep ->
                        handle
                            .createQuery(SELECT_LAST_COUNTING_BY_AUTHOR)
                            .bind("ws", workspace.value())
                            .bind("rep", rep.id())
                            .map(EventLog::mapEvent)
                            .findOne()));
  }

  /** The event an interaction logged, if it logged one. */
  public Optional<LoggedEvent> eventOfInteraction(WorkspaceId workspace, String interactionId) {
    return jdbi.withHandle(
        handle -> byInteraction(handle, workspace, interactionId).map(LoggedEvent::asRepeated));
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

  /**
   * Decides whether a customer name the workspace does not know yet may become a new customer: it
   * answers the known customer the name is close to, if any (the user may have mistyped it).
   */
  @FunctionalInterface
  public interface NewCustomerCheck {
    /** Lets every new name through: the user confirmed it is new. */
    NewCustomerCheck CONFIRMED = (name, customers) -> Optional.empty();

    /**
     * @param customers the workspace's customers added after a given id, read in the appending
     *     transaction (on its connection, whose page cache is warm)
     */
    Optional<Customer> similarTo(String name, CustomersAfter customers);
  }

  /** Reads a workspace's customers added after the one with a given id, in order. */
  @FunctionalInterface
  public interface CustomersAfter {
    List<Customer> after(long id);
  }

  /** Appends an event whose new customers the user has confirmed, or that creates none. */
  public AppendResult append(NewEvent event) {
    return append(event, NewCustomerCheck.CONFIRMED);
  }

  /**
   * Appends an event, applying the opportunity rules in the same transaction. A customer name that
   * is new to the workspace is first put to {@code check}; if it names a similar known customer,
   * nothing is stored and the result says which.
   */
  public AppendResult append(NewEvent event, NewCustomerCheck check) {
    ZoneId zone = settings(event.workspace()).zone();
    try {
      return database.write(handle -> appendIn(handle, event, check, zone, Optional.empty()));
    } catch (JdbiException failure) {
      return repeatOf(event, failure);
    }
  }

  /**
   * Replaces an event by a corrected copy ({@code /edit}): a void of the old event and the copy,
   * which records the event it replaces, in one transaction. The copy obeys every rule a new event
   * obeys, seen as if the old event had never counted; where a rule refuses it, nothing is stored.
   * A copy for the same customer stays on the old event's opportunity (or stays a direct sale); one
   * for another customer joins or opens that customer's as a new event would. The caller checks who
   * may correct the event.
   *
   * @param corrected the copy; its interaction id is the request's
   * @param by who typed the correction, the author of the void
   */
  public AppendResult replace(
      LoggedEvent old, NewEvent corrected, RepMention by, NewCustomerCheck check) {
    if (old.kind() == EventKind.VOID || corrected.kind() != old.kind()) {
      throw new IllegalArgumentException("a correction keeps the kind: #" + old.number());
    }
    ZoneId zone = settings(corrected.workspace()).zone();
    try {
      return database.write(
          handle -> {
            Optional<LoggedEvent> earlier =
                byInteraction(handle, corrected.workspace(), corrected.interactionId());
            if (earlier.isPresent()) {
              return new AppendResult.Logged(earlier.get().asRepeated());
            }
            if (isVoided(handle, old.id())) {
              return new AppendResult.AlreadyVoided(byId(handle, corrected.workspace(), old.id()));
            }
            LoggedEvent undo =
                insertVoid(
                    handle,
                    corrected.workspace(),
                    corrected.interactionId() + VOID_OF_CORRECTION,
                    by,
                    old,
                    corrected.loggedAt(),
                    zone);
            AppendResult result = appendIn(handle, corrected, check, zone, Optional.of(old));
            if (!(result instanceof AppendResult.Logged logged)) {
              throw new RolledBack(result); // the void goes with it
            }
            return new AppendResult.Replaced(old, undo, logged.event());
          });
    } catch (RolledBack refused) {
      return refused.result;
    } catch (JdbiException failure) {
      return repeatOf(corrected, failure);
    }
  }

  /** What a correction's void carries as interaction id: the request's, marked. */
  private static final String VOID_OF_CORRECTION = "#replaced";

  /** A refusal that must undo what its transaction wrote before it. */
  private static final class RolledBack extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient AppendResult result;

    RolledBack(AppendResult result) {
      super(null, null, false, false);
      this.result = result;
    }
  }

  /**
   * The unique interaction id is the guard against logging a request twice: no look-up first on the
   * usual path. A repeat breaks the index and its transaction rolls back.
   */
  private AppendResult repeatOf(NewEvent event, JdbiException failure) {
    return eventOfInteraction(event.workspace(), event.interactionId())
        .<AppendResult>map(AppendResult.Logged::new)
        .orElseThrow(() -> failure);
  }

  /**
   * @param replacing the event the new one corrects, already voided in this transaction
   */
  AppendResult appendIn(
      Handle handle,
      NewEvent event,
      NewCustomerCheck check,
      ZoneId zone,
      Optional<LoggedEvent> replacing) {
    String ws = event.workspace().value();
    Rep rep = findOrCreateRep(handle, event.workspace(), event.rep());
    Rep loggedBy =
        event.loggedBy().equals(event.rep())
            ? rep
            : findOrCreateRep(handle, event.workspace(), event.loggedBy());
    Optional<Customer> customer = Optional.empty();
    Optional<Long> opportunityId = Optional.empty();
    Optional<AppendResult.OpenOpportunity> alsoOpen = Optional.empty();
    OpportunityLink link =
        event.kind() == EventKind.SALE ? OpportunityLink.DIRECT : OpportunityLink.NONE;
    if (event.customerName().isPresent()) {
      String name = event.customerName().get();
      String key = CustomerName.key(name);
      Optional<Customer> known = findCustomer(handle, event.workspace(), key);
      if (known.isEmpty()) {
        Optional<Customer> similar =
            check.similarTo(name, after -> customersAfter(handle, event.workspace(), after));
        if (similar.isPresent()) {
          return refusedUnlessRepeated(
              handle, event, new AppendResult.SimilarCustomer(name, similar.get()));
        }
        if (NEEDS_KNOWN_CUSTOMER.contains(event.kind())) {
          return refusedUnlessRepeated(handle, event, new AppendResult.UnknownCustomer(name));
        }
      }
      if (event.kind() == EventKind.CHURN
          && !inActiveSpell(handle, ws, known.get().id(), event.occurredAt())) {
        return refusedUnlessRepeated(
            handle, event, new AppendResult.NotActiveCustomer(known.get()));
      }
      customer =
          Optional.of(
              known.orElseGet(() -> insertCustomer(handle, event.workspace(), name, key, event)));
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
    return byInteraction(handle, event.workspace(), event.interactionId())
        .<AppendResult>map(earlier -> new AppendResult.Logged(earlier.asRepeated()))
        .orElse(refusal);
  }

  /**
   * Appends a void of an earlier event, so that it no longer counts. The caller checks who may void
   * it; the log refuses voiding twice or voiding a void.
   */
  public Optional<LoggedEvent> appendVoid(
      WorkspaceId workspace,
      String interactionId,
      RepMention by,
      LoggedEvent voided,
      Instant loggedAt) {
    return undo(workspace, interactionId, by, voided, loggedAt).map(Undone::undo);
  }

  /**
   * Appends a void of an earlier event, as {@link #appendVoid}, with what it did to the event's
   * opportunity: its state just before and just after, read in the same transaction. Empty when the
   * event was voided meanwhile.
   */
  public Optional<Undone> undo(
      WorkspaceId workspace,
      String interactionId,
      RepMention by,
      LoggedEvent voided,
      Instant loggedAt) {
    if (voided.kind() == EventKind.VOID) {
      throw new IllegalArgumentException("a void cannot be voided: #" + voided.number());
    }
    ZoneId zone = settings(workspace).zone();
    return database.write(
        handle -> {
          Optional<LoggedEvent> earlier = byInteraction(handle, workspace, interactionId);
          if (earlier.isPresent()) {
            return Optional.of(new Undone(earlier.get().asRepeated(), Optional.empty()));
          }
          if (isVoided(handle, voided.id())) {
            return Optional.<Undone>empty(); // by a request that came in meanwhile
          }
          Optional<OpportunityState> before =
              voided.opportunityId().map(id -> opportunityState(handle, id));
          LoggedEvent undo =
              insertVoid(handle, workspace, interactionId, by, voided, loggedAt, zone);
          Optional<Undone.OpportunityChange> change =
              before.map(
                  state ->
                      new Undone.OpportunityChange(
                          voided.customer().orElseThrow(),
                          state,
                          opportunityState(handle, voided.opportunityId().orElseThrow())));
          return Optional.of(new Undone(undo, change));
        });
  }

  static boolean isVoided(Handle handle, long eventId) {
    return handle
        .createQuery("SELECT EXISTS (SELECT 1 FROM events WHERE voids_event_id = :id)")
        .bind("id", eventId)
        .mapTo(Boolean.class)
        .one();
  }

  LoggedEvent insertVoid(
      Handle handle,
      WorkspaceId workspace,
      String interactionId,
      RepMention by,
      LoggedEvent voided,
      Instant loggedAt,
      ZoneId zone) {
    Rep author = findOrCreateRep(handle, workspace, by);
    NewEvent voidEvent =
        new NewEvent(
            workspace,
            interactionId,
            EventKind.VOID,
            by,
            by,
            Optional.empty(),
            Optional.empty(),
            loggedAt,
            loggedAt,
            EventDetails.NONE,
            Optional.empty());
    Inserted inserted =
        insertEvent(
            handle,
            voidEvent,
            zone,
            author,
            author,
            Optional.empty(),
            Optional.empty(),
            voided.id(),
            null);
    return new LoggedEvent(
        inserted.id(),
        inserted.number(),
        EventKind.VOID,
        author,
        author,
        Optional.empty(),
        Optional.empty(),
        loggedAt,
        loggedAt,
        Optional.empty(),
        OpportunityLink.NONE,
        EventDetails.NONE,
        Optional.empty(),
        Optional.empty(),
        Optional.of(voided.number()),
        false,
        Optional.empty(),
        Optional.empty(),
        false);
  }

  /** The state of an opportunity now, as the {@code opportunity_states} view derives it. */
  public OpportunityState opportunityState(WorkspaceId workspace, long opportunityId) {
    return jdbi.withHandle(handle -> opportunityState(handle, opportunityId));
  }

  private static OpportunityState opportunityState(Handle handle, long opportunityId) {
    // The deciding event is the first live one of the kind that decides the state, by date.
    return handle
        .createQuery(
            """
            SELECT s.state,
                   (SELECT e.number FROM live_events e
                    WHERE e.opportunity_id = s.opportunity_id
                      AND e.kind = CASE s.state WHEN 'won' THEN 'sale' ELSE 'lost' END
                    ORDER BY e.occurred_at, e.id LIMIT 1) AS closed_by
            FROM opportunity_states s WHERE s.opportunity_id = :id
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
        .map(EventLog::mapEvent)
        .one();
  }

  /**
   * Whether a customer was active at a moment: a live sale at or before it, after their last live
   * churn at or before it (KPIS.md: a churn ends a spell; a sale starts one).
   */
  private static boolean inActiveSpell(Handle handle, String ws, long customerId, Instant at) {
    return handle
        .createQuery(
            """
            SELECT EXISTS (
              SELECT 1 FROM live_events s
              WHERE s.workspace_id = :ws AND s.customer_id = :customer AND s.kind = 'sale'
                AND s.occurred_at <= :at
                AND NOT EXISTS (SELECT 1 FROM live_events c
                                WHERE c.workspace_id = :ws AND c.customer_id = :customer
                                  AND c.kind = 'churn' AND c.occurred_at <= :at
                                  AND (c.occurred_at, c.id) >= (s.occurred_at, s.id)))
            """)
        .bind("ws", ws)
        .bind("customer", customerId)
        .bind("at", at.toEpochMilli())
        .mapTo(Boolean.class)
        .one();
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
  private record Inserted(long id, long number) {}

  /** Inserts an event numbered after the workspace's last, in one statement. */
  private Inserted insertEvent(
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
            VALUES (:ws,
                (SELECT COALESCE(MAX(number), 0) + 1 FROM events WHERE workspace_id = :ws),
                :interaction, :kind, :rep, :loggedBy, :customer, :opportunity,
                :amount, :occurred, :localDate, :logged, :crossSell, :margin, :source, :reason,
                :followUp, :products, :label, :voids, :replaces)
            RETURNING id, number
            """)
        .bind("ws", ws)
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
    Optional<Rep> rep = scope.rep().map(mention -> findOrCreateRep(handle, workspace, mention));
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

  private static Optional<Customer> findCustomer(Handle handle, WorkspaceId workspace, String key) {
    return handle
        .createQuery("SELECT id, name FROM customers WHERE workspace_id = :ws AND name_key = :key")
        .bind("ws", workspace.value())
        .bind("key", key)
        .map((rs, ctx) -> new Customer(rs.getLong("id"), rs.getString("name")))
        .findOne();
  }

  private static Customer insertCustomer(
      Handle handle, WorkspaceId workspace, String name, String key, NewEvent event) {
    long id =
        handle
            .createQuery(
                "INSERT INTO customers (workspace_id, name, name_key, created_at)"
                    + " VALUES (:ws, :name, :key, :now) RETURNING id")
            .bind("ws", workspace.value())
            .bind("name", name)
            .bind("key", key)
            .bind("now", event.loggedAt().toEpochMilli())
            .mapTo(Long.class)
            .one();
    return new Customer(id, name);
  }

  /**
   * A mention with a platform id finds that user; a mention by name alone finds the rep of that
   * name, or creates one keyed by the name (the console's users are their names).
   */
  private static Optional<Rep> findRep(Handle handle, WorkspaceId workspace, RepMention mention) {
    String sql =
        mention.platformUserId().isPresent()
            ? "SELECT id, platform_user_id, display_name FROM reps"
                + " WHERE workspace_id = :ws AND platform_user_id = :pid"
            : "SELECT id, platform_user_id, display_name FROM reps"
                + " WHERE workspace_id = :ws AND (name_key = :key OR platform_user_id = :key)"
                + " ORDER BY id LIMIT 1";
    return handle
        .createQuery(sql)
        .bind("ws", workspace.value())
        .bind("pid", mention.platformUserId().orElse(null))
        .bind("key", CustomerName.fold(mention.displayName()))
        .map((rs, ctx) -> Rep.read(rs))
        .findOne();
  }

  private Rep findOrCreateRep(Handle handle, WorkspaceId workspace, RepMention mention) {
    return findRep(handle, workspace, mention)
        .orElseGet(
            () -> {
              String key = CustomerName.fold(mention.displayName());
              String platformUserId = mention.platformUserId().orElse(key);
              long id =
                  handle
                      .createQuery(
                          "INSERT INTO reps (workspace_id, platform_user_id, display_name,"
                              + " name_key, created_at) VALUES (:ws, :pid, :name, :key, :now)"
                              + " RETURNING id")
                      .bind("ws", workspace.value())
                      .bind("pid", platformUserId)
                      .bind("name", mention.displayName())
                      .bind("key", key)
                      .bind("now", clock.millis())
                      .mapTo(Long.class)
                      .one();
              return new Rep(id, platformUserId, mention.displayName());
            });
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
