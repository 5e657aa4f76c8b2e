package dev.salesmeter.command;

import dev.salesmeter.core.Actor;
import dev.salesmeter.core.Platform;
import dev.salesmeter.core.RepMention;
import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.figure.Figure;
import dev.salesmeter.figure.FigureQuery;
import dev.salesmeter.figure.Figures;
import dev.salesmeter.schedule.Schedules;
import dev.salesmeter.store.Database;
import dev.salesmeter.store.EventLog;
import dev.salesmeter.store.Rep;
import dev.salesmeter.store.RepRoster;
import dev.salesmeter.store.ScheduleStore;
import dev.salesmeter.store.TestDatabases;
import dev.salesmeter.web.Web;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A fresh event log on either engine (a temporary SQLite file, or a fresh PostgreSQL database; see
 * {@link TestDatabases}), on the real migrations, with the real command registry and a fixed clock.
 * {@code run("@anna /sale Acme 300")} runs a line as a rep; a line without {@code @name} runs as
 * the manager "lisa".
 */
public final class TestWorkspace implements AutoCloseable {
  public static final WorkspaceId WORKSPACE = new WorkspaceId("T-test");
  public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private final Database database;
  private final EventLog log;
  private final Commands commands;
  private final Suggestions suggestions;
  private final Clock clock;
  private final WorkspaceSettings settings;
  private final Figures figures;

  /** The commands that {@code app} adds to the registry besides the standard ones (web's). */
  @FunctionalInterface
  public interface MoreCommands {
    List<CommandSpec> of(Database database, Figures figures, EventLog log, Clock clock);
  }

  /** The registry's web commands, as {@code app} adds them (no secret, no URL). */
  private static final MoreCommands WEB =
      (database, figures, log, clock) ->
          new Web(database, figures, log, Optional.empty(), false, clock)
              .commands(Optional.empty(), Optional.empty());

  private final MoreCommands more;

  /** With {@code /dashboard} and {@code /apitoken} as {@code app} adds them, on SQLite. */
  public TestWorkspace(Path folder, Locale locale, LocalDateTime now) {
    this(Database.Engine.SQLITE, folder, locale, now);
  }

  /** With {@code /dashboard} and {@code /apitoken} as {@code app} adds them, on an engine. */
  public TestWorkspace(Database.Engine engine, Path folder, Locale locale, LocalDateTime now) {
    this(TestDatabases.open(engine, folder), locale, now, WEB);
  }

  public TestWorkspace(Path folder, Locale locale, LocalDateTime now, MoreCommands more) {
    this(TestDatabases.open(Database.Engine.SQLITE, folder), locale, now, more);
  }

  public TestWorkspace(
      Database.Engine engine, Path folder, Locale locale, LocalDateTime now, MoreCommands more) {
    this(TestDatabases.open(engine, folder), locale, now, more);
  }

  /**
   * The same database as if Salesmeter started again in another language and at another time (the
   * workspace's settings as configured there). This workspace must not be used after.
   */
  public TestWorkspace reopen(Locale locale, LocalDateTime now) {
    return new TestWorkspace(database, locale, now, more);
  }

  private TestWorkspace(Database database, Locale locale, LocalDateTime now, MoreCommands more) {
    this.database = database;
    this.more = more;
    this.settings =
        new WorkspaceSettings(
            locale,
            AMSTERDAM,
            WorkspaceSettings.DEFAULTS.currency(),
            WorkspaceSettings.DEFAULTS.defaultMargin(),
            365,
            7,
            "",
            false);
    this.clock = Clock.fixed(now.atZone(AMSTERDAM).toInstant(), AMSTERDAM);
    this.log = new EventLog(database, settings, clock);
    List<CommandSpec> all = new ArrayList<>(CommandRegistry.loggingCommands(log));
    this.figures = Figures.standard(database);
    all.addAll(CommandRegistry.figureCommands(figures, log));
    all.add(Schedules.command(new ScheduleStore(database)));
    all.addAll(more.of(database, figures, log, clock));
    CommandRegistry registry = new CommandRegistry(all);
    this.commands = new Commands(registry, log, new RepRoster(database), clock);
    this.suggestions = new Suggestions(registry, log, figures, clock);
  }

  /** English, on Tuesday 31 March 2026 at 17:00 in Amsterdam. */
  public static TestWorkspace english(Path folder) {
    return new TestWorkspace(folder, Locale.ENGLISH, LocalDateTime.of(2026, 3, 31, 17, 0));
  }

  /** English, on Tuesday 31 March 2026 at 17:00 in Amsterdam, on an engine. */
  public static TestWorkspace english(Database.Engine engine, Path folder) {
    return new TestWorkspace(engine, folder, Locale.ENGLISH, LocalDateTime.of(2026, 3, 31, 17, 0));
  }

  /** Dutch, on Tuesday 31 March 2026 at 17:00 in Amsterdam, on an engine. */
  public static TestWorkspace dutch(Database.Engine engine, Path folder) {
    return new TestWorkspace(
        engine, folder, Locale.forLanguageTag("nl"), LocalDateTime.of(2026, 3, 31, 17, 0));
  }

  /** Dutch, on Tuesday 31 March 2026 at 17:00 in Amsterdam. */
  public static TestWorkspace dutch(Path folder) {
    return new TestWorkspace(
        folder, Locale.forLanguageTag("nl"), LocalDateTime.of(2026, 3, 31, 17, 0));
  }

  /** The figures on this workspace's database, to compute results directly. */
  public Figures figures() {
    return figures;
  }

  /** The figure of a type, to compute its result directly. */
  public <F extends Figure<?>> F figure(Class<F> type) {
    return figures.all().stream()
        .filter(type::isInstance)
        .map(type::cast)
        .findFirst()
        .orElseThrow();
  }

  /**
   * A question about the period a phrase names ({@code "march 2026"}), for the team or the rep of a
   * name, asked now.
   */
  public FigureQuery query(String period, String... rep) {
    LocalDate today = LocalDate.ofInstant(now(), AMSTERDAM);
    Optional<Rep> asked =
        rep.length == 0
            ? Optional.empty()
            : Optional.of(log.rep(WORKSPACE, RepMention.byName(rep[0])).orElseThrow());
    return new FigureQuery(WORKSPACE, settings, PeriodParser.parse(period, today), asked, now());
  }

  public EventLog log() {
    return log;
  }

  public Commands commands() {
    return commands;
  }

  public Suggestions suggestions() {
    return suggestions;
  }

  public Instant now() {
    return clock.instant();
  }

  /** The fixed clock of this workspace's commands. */
  public Clock clock() {
    return clock;
  }

  /** Runs a line as its {@code @user} (a rep) or as the manager lisa, with a new interaction id. */
  public Reply run(String line) {
    return run(line, UUID.randomUUID().toString());
  }

  /** Runs a line that must log one event, and fails with the reply when it does not. */
  public Reply log(String line) {
    long before = events();
    Reply reply = run(line);
    if (events() != before + 1) {
      throw new AssertionError(line + " logged nothing: " + reply.text());
    }
    return reply;
  }

  public Reply run(String line, String interactionId) {
    return run(WORKSPACE, line, interactionId);
  }

  public Reply run(WorkspaceId workspace, String line, String interactionId) {
    Actor user = new Actor("lisa", "lisa", true);
    String text = line;
    if (text.startsWith("@")) {
      String name = text.substring(1, text.indexOf(' '));
      user = new Actor(name, name, false);
      text = text.substring(text.indexOf(' ') + 1);
    }
    int space = text.indexOf(' ');
    String command = space < 0 ? text : text.substring(0, space);
    String arguments = space < 0 ? "" : text.substring(space + 1);
    return commands.handle(
        new CommandInput(
            Platform.SLACK, workspace, user, "C-sales", interactionId, command, arguments));
  }

  public long events() {
    return events(WORKSPACE);
  }

  public long events(WorkspaceId workspace) {
    return log.eventCount(workspace);
  }

  public long count(String table) {
    return database
        .jdbi()
        .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
  }

  public Database database() {
    return database;
  }

  @Override
  public void close() {
    TestDatabases.close(database);
  }
}
