package dev.salesmeter.store;

import dev.salesmeter.core.EventKind;
import dev.salesmeter.core.RepMention;
import dev.salesmeter.core.WorkspaceId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * Corrections, always new events: a void that makes an earlier event no longer count, and a
 * replacement ({@code /edit}), a void and a corrected copy in one transaction.
 */
public final class Corrections {
  private final Database database;
  private final SettingsStore settings;
  private final Directory directory;
  private final Appender appender;

  public Corrections(
      Database database, SettingsStore settings, Directory directory, Appender appender) {
    this.database = database;
    this.settings = settings;
    this.directory = directory;
    this.appender = appender;
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
      LoggedEvent old, NewEvent corrected, RepMention by, EventLog.NewCustomerCheck check) {
    if (old.kind() == EventKind.VOID || corrected.kind() != old.kind()) {
      throw new IllegalArgumentException("a correction keeps the kind: #" + old.number());
    }
    ZoneId zone = settings.settings(corrected.workspace()).zone();
    try {
      return database.write(
          handle -> {
            Appender.lockWorkspace(handle, corrected.workspace().value());
            Optional<LoggedEvent> earlier =
                EventReader.byInteraction(handle, corrected.workspace(), corrected.interactionId());
            if (earlier.isPresent()) {
              return new AppendResult.Logged(earlier.get().asRepeated());
            }
            if (isVoided(handle, old.id())) {
              return new AppendResult.AlreadyVoided(
                  EventReader.byId(handle, corrected.workspace(), old.id()));
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
            AppendResult result =
                appender.appendIn(handle, corrected, check, zone, Optional.of(old));
            if (!(result instanceof AppendResult.Logged logged)) {
              throw new RolledBack(result); // the void goes with it
            }
            return new AppendResult.Replaced(old, undo, logged.event());
          });
    } catch (RolledBack refused) {
      return refused.result;
    } catch (JdbiException failure) {
      return appender.repeatOf(corrected, failure);
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
    ZoneId zone = settings.settings(workspace).zone();
    return database.write(
        handle -> {
          Appender.lockWorkspace(handle, workspace.value());
          Optional<LoggedEvent> earlier =
              EventReader.byInteraction(handle, workspace, interactionId);
          if (earlier.isPresent()) {
            return Optional.of(new Undone(earlier.get().asRepeated(), Optional.empty()));
          }
          if (isVoided(handle, voided.id())) {
            return Optional.<Undone>empty(); // by a request that came in meanwhile
          }
          Optional<OpportunityState> before =
              voided.opportunityId().map(id -> EventReader.opportunityState(handle, id));
          LoggedEvent undo =
              insertVoid(handle, workspace, interactionId, by, voided, loggedAt, zone);
          Optional<Undone.OpportunityChange> change =
              before.map(
                  state ->
                      new Undone.OpportunityChange(
                          voided.customer().orElseThrow(),
                          state,
                          EventReader.opportunityState(
                              handle, voided.opportunityId().orElseThrow())));
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
    Rep author = directory.findOrCreateRep(handle, workspace, by);
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
    Appender.Inserted inserted =
        appender.insertEvent(
            handle,
            voidEvent,
            zone,
            author,
            author,
            Optional.empty(),
            Optional.empty(),
            voided.id(),
            null);
    FigureFacts.afterEvent(
        handle,
        workspace.value(),
        voided.kind(),
        voided.customer().map(Customer::id),
        voided.opportunityId());
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
}
