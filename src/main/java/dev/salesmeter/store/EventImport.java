package dev.salesmeter.store;

import dev.salesmeter.core.EventKind;
import dev.salesmeter.core.WorkspaceId;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntConsumer;
import org.jdbi.v3.core.Handle;

/**
 * Appends a batch of validated events — an imported file — in one transaction: all of them or none.
 * Each event goes through the opportunity rules of {@link EventLog#append} in the batch's order, so
 * a batch is stored exactly as the same events typed one after the other would be (and a history
 * exported and imported again gets the same opportunities and numbers). Every event that a rule
 * refuses is reported, not only the first, and then nothing is stored.
 *
 * <p>Idempotent: an event whose interaction id the workspace already holds is skipped (the unique
 * constraint on interaction ids is the guard), so the same batch twice adds nothing the second
 * time.
 *
 * <p>The transaction is this process's one write ({@link Database#write}): commands that log
 * meanwhile wait in the writer's queue and are confirmed after it; another process waits on
 * SQLite's lock (on PostgreSQL, the workspace's counter row) and may fail with nothing stored (its
 * user is told to try again, and the retry carries the same interaction id, so it is never stored
 * twice).
 *
 * <p>Each event is appended on its own, with its figures' facts brought up to date at once: the
 * rules read those facts (the open opportunity a step joins, whether a churn ends a spell), so the
 * next row of the batch must see them. The workspace's counter row is locked first, as every append
 * does, so on PostgreSQL a batch and the appends of another process run one after the other.
 */
public final class EventImport {
  private final Database database;
  private final EventLog log;
  private final Appender appender;
  private final Corrections corrections;

  public EventImport(Database database, EventLog log) {
    this.database = database;
    this.log = log;
    this.appender = log.appender();
    this.corrections = log.corrections();
  }

  /**
   * One event of a batch.
   *
   * @param voids for a void, the index in the batch of the event it voids
   * @param replaces for a corrected copy, the index of the event it replaces (voided earlier in the
   *     batch)
   */
  public record Item(NewEvent event, OptionalInt voids, OptionalInt replaces) {
    public Item {
      Objects.requireNonNull(event, "event");
      Objects.requireNonNull(voids, "voids");
      Objects.requireNonNull(replaces, "replaces");
      if ((event.kind() == EventKind.VOID) != voids.isPresent()) {
        throw new IllegalArgumentException("a void, and only a void, names what it voids");
      }
    }

    public static Item of(NewEvent event) {
      return new Item(event, OptionalInt.empty(), OptionalInt.empty());
    }
  }

  /** Why a rule refused an event of the batch. */
  public enum Reason {
    /** A follow-up or lost event for a customer with no open opportunity then. */
    NO_OPEN_OPPORTUNITY,
    /** A churn for a customer with no sale since their last churn. */
    NOT_ACTIVE_CUSTOMER,
    /** A follow-up, lost or churn event for a customer nobody logged before. */
    UNKNOWN_CUSTOMER,
    /** A void of an event that is voided already. */
    ALREADY_VOIDED,
    /** A corrected copy of an event that the batch has not voided before it. */
    REPLACED_NOT_VOIDED,
    /** A void or copy that names an event the batch could not store. */
    NAMES_A_REFUSED_EVENT
  }

  /** An event of the batch that a rule refused, by its index. */
  public record Refusal(int item, Reason reason) {}

  /**
   * What a batch did, or would do.
   *
   * @param added events stored (or that would be), by kind
   * @param alreadyThere events skipped because the workspace held their interaction id already
   * @param customersCreated customers the batch created, in order
   * @param repsCreated reps the batch created, in order
   * @param refusals every event a rule refused; when there is one, nothing was stored
   * @param written whether the batch was committed
   */
  public record Outcome(
      Map<EventKind, Integer> added,
      int alreadyThere,
      List<Customer> customersCreated,
      List<Rep> repsCreated,
      List<Refusal> refusals,
      boolean written) {
    public Outcome {
      added = Collections.unmodifiableMap(new EnumMap<>(added));
      customersCreated = List.copyOf(customersCreated);
      repsCreated = List.copyOf(repsCreated);
      refusals = List.copyOf(refusals);
    }

    Outcome notWritten() {
      return new Outcome(added, alreadyThere, customersCreated, repsCreated, refusals, false);
    }

    public int addedCount() {
      return added.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /**
   * Appends the batch, or with {@code dryRun} works out what it would do and stores nothing.
   *
   * @param progress told how many events are done, after each
   */
  public Outcome append(
      WorkspaceId workspace, List<Item> items, boolean dryRun, IntConsumer progress) {
    ZoneId zone = log.settings(workspace).zone(); // read before the write: it may write itself
    try {
      return database.write(
          handle -> {
            Appender.lockWorkspace(handle, workspace.value());
            Outcome done = appendIn(handle, workspace, zone, items, progress);
            if (dryRun || !done.refusals().isEmpty()) {
              throw new RolledBack(done.notWritten());
            }
            return done;
          });
    } catch (RolledBack rolledBack) {
      return rolledBack.outcome;
    }
  }

  private Outcome appendIn(
      Handle handle, WorkspaceId workspace, ZoneId zone, List<Item> items, IntConsumer progress) {
    long customersBefore = lastId(handle, "customers", workspace);
    long repsBefore = lastId(handle, "reps", workspace);
    long[] ids = new long[items.size()];
    Arrays.fill(ids, -1);
    Map<EventKind, Integer> added = new EnumMap<>(EventKind.class);
    List<Refusal> refusals = new ArrayList<>();
    int alreadyThere = 0;
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      NewEvent event = item.event();
      Optional<Long> earlier = idOfInteraction(handle, workspace, event.interactionId());
      if (earlier.isPresent()) {
        ids[i] = earlier.get();
        alreadyThere++;
      } else {
        Optional<Reason> refused = appendOne(handle, workspace, zone, item, ids, i);
        if (refused.isPresent()) {
          refusals.add(new Refusal(i, refused.get()));
        } else {
          added.merge(event.kind(), 1, Integer::sum);
        }
      }
      progress.accept(i + 1);
    }
    List<Customer> customers = Directory.customersAfter(handle, workspace, customersBefore);
    List<Rep> reps =
        handle
            .createQuery(
                "SELECT id, platform_user_id, display_name FROM reps"
                    + " WHERE workspace_id = :ws AND id > :after ORDER BY id")
            .bind("ws", workspace.value())
            .bind("after", repsBefore)
            .map((rs, ctx) -> Rep.read(rs))
            .list();
    return new Outcome(added, alreadyThere, customers, reps, refusals, true);
  }

  /** Stores one event and notes its row id, or says which rule refused it. */
  private Optional<Reason> appendOne(
      Handle handle, WorkspaceId workspace, ZoneId zone, Item item, long[] ids, int index) {
    NewEvent event = item.event();
    if (item.voids().isPresent()) {
      long voidedId = ids[item.voids().getAsInt()];
      if (voidedId < 0) {
        return Optional.of(Reason.NAMES_A_REFUSED_EVENT);
      }
      if (Corrections.isVoided(handle, voidedId)) {
        return Optional.of(Reason.ALREADY_VOIDED);
      }
      LoggedEvent voided = EventReader.byId(handle, workspace, voidedId);
      ids[index] =
          corrections
              .insertVoid(
                  handle,
                  workspace,
                  event.interactionId(),
                  event.rep(),
                  voided,
                  event.loggedAt(),
                  zone)
              .id();
      return Optional.empty();
    }
    Optional<LoggedEvent> replacing = Optional.empty();
    if (item.replaces().isPresent()) {
      long oldId = ids[item.replaces().getAsInt()];
      if (oldId < 0) {
        return Optional.of(Reason.NAMES_A_REFUSED_EVENT);
      }
      if (!Corrections.isVoided(handle, oldId)) {
        return Optional.of(Reason.REPLACED_NOT_VOIDED);
      }
      replacing = Optional.of(EventReader.byId(handle, workspace, oldId));
    }
    AppendResult result =
        appender.appendIn(handle, event, EventLog.NewCustomerCheck.CONFIRMED, zone, replacing);
    if (result instanceof AppendResult.Logged logged) {
      ids[index] = logged.event().id();
      return Optional.empty();
    }
    if (result instanceof AppendResult.NoOpenOpportunity) {
      return Optional.of(Reason.NO_OPEN_OPPORTUNITY);
    }
    if (result instanceof AppendResult.NotActiveCustomer) {
      return Optional.of(Reason.NOT_ACTIVE_CUSTOMER);
    }
    return Optional.of(Reason.UNKNOWN_CUSTOMER);
  }

  private static Optional<Long> idOfInteraction(
      Handle handle, WorkspaceId workspace, String interactionId) {
    return handle
        .createQuery(
            "SELECT id FROM events WHERE workspace_id = :ws AND interaction_id = :interaction")
        .bind("ws", workspace.value())
        .bind("interaction", interactionId)
        .mapTo(Long.class)
        .findOne();
  }

  private static long lastId(Handle handle, String table, WorkspaceId workspace) {
    return handle
        .createQuery("SELECT COALESCE(MAX(id), 0) FROM " + table + " WHERE workspace_id = :ws")
        .bind("ws", workspace.value())
        .mapTo(Long.class)
        .one();
  }

  /** Ends a dry run, or a batch with a refusal, by rolling its transaction back. */
  private static final class RolledBack extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Outcome outcome;

    RolledBack(Outcome outcome) {
      super(null, null, false, false);
      this.outcome = outcome;
    }
  }
}
