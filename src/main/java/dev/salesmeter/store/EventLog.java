package dev.salesmeter.store;

import dev.salesmeter.core.RepMention;
import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.core.WorkspaceSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The append-only log of sales events, as the rest of Salesmeter uses it: one object that hands
 * each question to the part whose job it is — the workspace's settings ({@link SettingsStore}), its
 * customers and reps ({@link Directory}), reading events back ({@link EventReader}), appending
 * ({@link Appender}) and correcting ({@link Corrections}). The figures' facts are kept by {@link
 * FigureFacts} inside the appending transactions.
 */
public final class EventLog {
  private final SettingsStore settings;
  private final Directory directory;
  private final EventReader reader;
  private final Appender appender;
  private final Corrections corrections;

  /**
   * @param defaults the settings a workspace gets when it is first seen
   * @param clock when workspaces and reps are first seen (events carry their own times)
   */
  public EventLog(Database database, WorkspaceSettings defaults, Clock clock) {
    this.settings = new SettingsStore(database, defaults, clock);
    this.directory = new Directory(database, clock);
    this.reader = new EventReader(database);
    this.appender = new Appender(database, settings, directory);
    this.corrections = new Corrections(database, settings, directory, appender);
  }

  /** The workspace's settings; a workspace seen for the first time is created with the defaults. */
  public WorkspaceSettings settings(WorkspaceId workspace) {
    return settings.settings(workspace);
  }

  /** Sets a workspace's settings, creating the workspace if it is new. */
  public void configure(WorkspaceId workspace, WorkspaceSettings settings) {
    this.settings.configure(workspace, settings);
  }

  /** The customer whose name matches exactly. */
  public Optional<Customer> customer(WorkspaceId workspace, String name) {
    return directory.customer(workspace, name);
  }

  /** Every customer of the workspace, in the order they were added. */
  public List<Customer> customers(WorkspaceId workspace) {
    return directory.customers(workspace);
  }

  /** The workspace's customers added after the one with id {@code afterId}, in order. */
  public List<Customer> customersAfter(WorkspaceId workspace, long afterId) {
    return directory.customersAfter(workspace, afterId);
  }

  /** The rep a mention names, if the workspace knows them. */
  public Optional<Rep> rep(WorkspaceId workspace, RepMention mention) {
    return directory.rep(workspace, mention);
  }

  /** The event with this number in the workspace. */
  public Optional<LoggedEvent> event(WorkspaceId workspace, long number) {
    return reader.event(workspace, number);
  }

  /** See {@link EventReader#forEachEvent}. */
  public void forEachEvent(
      WorkspaceId workspace, LocalDate from, LocalDate to, Consumer<LoggedEvent> each) {
    reader.forEachEvent(workspace, from, to, each);
  }

  /** The latest event the user typed that still counts (not voided, not itself a void). */
  public Optional<LoggedEvent> lastCountingEventLoggedBy(WorkspaceId workspace, RepMention user) {
    return reader.lastCountingEventLoggedBy(workspace, user);
  }

  /** The event an interaction logged, if it logged one. */
  public Optional<LoggedEvent> eventOfInteraction(WorkspaceId workspace, String interactionId) {
    return reader.eventOfInteraction(workspace, interactionId);
  }

  /** How many events (voids included) the workspace has logged. */
  public long eventCount(WorkspaceId workspace) {
    return reader.eventCount(workspace);
  }

  /** The state of an opportunity now, as its facts say. */
  public OpportunityState opportunityState(WorkspaceId workspace, long opportunityId) {
    return reader.opportunityState(workspace, opportunityId);
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
    return appender.append(event, NewCustomerCheck.CONFIRMED);
  }

  /** See {@link Appender#append}. */
  public AppendResult append(NewEvent event, NewCustomerCheck check) {
    return appender.append(event, check);
  }

  /** See {@link Corrections#replace}. */
  public AppendResult replace(
      LoggedEvent old, NewEvent corrected, RepMention by, NewCustomerCheck check) {
    return corrections.replace(old, corrected, by, check);
  }

  /** See {@link Corrections#appendVoid}. */
  public Optional<LoggedEvent> appendVoid(
      WorkspaceId workspace,
      String interactionId,
      RepMention by,
      LoggedEvent voided,
      Instant loggedAt) {
    return corrections.appendVoid(workspace, interactionId, by, voided, loggedAt);
  }

  /** The part that appends, for a batch that applies its rules in a transaction of its own. */
  Appender appender() {
    return appender;
  }

  /** The part that voids, for a batch that voids in a transaction of its own. */
  Corrections corrections() {
    return corrections;
  }

  /** See {@link Corrections#undo}. */
  public Optional<Undone> undo(
      WorkspaceId workspace,
      String interactionId,
      RepMention by,
      LoggedEvent voided,
      Instant loggedAt) {
    return corrections.undo(workspace, interactionId, by, voided, loggedAt);
  }
}
