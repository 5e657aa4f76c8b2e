package dev.salesmeter.command;

import dev.salesmeter.core.Actor;
import dev.salesmeter.core.CustomerName;
import dev.salesmeter.core.Drawing;
import dev.salesmeter.core.Metrics;
import dev.salesmeter.core.Money;
import dev.salesmeter.core.Platform;
import dev.salesmeter.core.RepMention;
import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.store.EventLog;
import dev.salesmeter.store.Rep;
import dev.salesmeter.store.RepRoster;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs commands for every adapter: finds the command, checks the user's role, reads the arguments,
 * calls the handler, and turns every failure into a reply. Input errors become ephemeral messages
 * with an example; anything unexpected becomes "something went wrong (ref …)" and a log line with
 * the cause, so no stack trace ever reaches a chat.
 */
public final class Commands {
  private static final Logger LOG = LoggerFactory.getLogger(Commands.class);

  /** The most characters of what a user typed that an error reply repeats. */
  static final int QUOTED_AT_MOST = 80;

  /** Refusals that end with what to type, so the command's example would only be noise. */
  private static final Set<String> ANSWERED = Set.of("error.amountOrNewCustomer");

  /** The commands that answer with a figure: their time is the figure's, their picture a chart. */
  private static final Set<String> FIGURE_COMMANDS = Set.of("kpi", "leaderboard", "scorecard");

  private final CommandRegistry registry;
  private final EventLog log;
  private final RepRoster roster;
  private final Clock clock;
  private final Metrics metrics;
  private final NameMatcher<Rep> reps =
      new NameMatcher<>(Rep::id, Rep::displayName, CustomerName::fold, 3, true);

  /**
   * @param roster the reps each workspace knows, which a rep named by hand is compared with
   */
  public Commands(CommandRegistry registry, EventLog log, RepRoster roster, Clock clock) {
    this(registry, log, roster, clock, Metrics.NONE);
  }

  public Commands(
      CommandRegistry registry, EventLog log, RepRoster roster, Clock clock, Metrics metrics) {
    this.registry = registry;
    this.log = log;
    this.roster = roster;
    this.clock = clock;
    this.metrics = metrics;
  }

  public CommandRegistry registry() {
    return registry;
  }

  /** Where adapters and routines count what they do (acknowledgements, scheduled runs). */
  public Metrics metrics() {
    return metrics;
  }

  /** A workspace's settings, for what an adapter writes itself (its language). */
  public WorkspaceSettings settings(WorkspaceId workspace) {
    return log.settings(workspace);
  }

  /** Names a workspace as its platform does (the heading of its pictures), if the name changed. */
  public void name(WorkspaceId workspace, String name) {
    WorkspaceSettings settings = log.settings(workspace);
    if (!settings.name().equals(name.strip())) {
      log.configure(workspace, settings.withName(name));
    }
  }

  /** Handles a command given as text (Slack, the console). */
  public Reply handle(CommandInput input) {
    return handle(
        input.platform(),
        input.workspace(),
        input.user(),
        input.channel(),
        input.interactionId(),
        input.command(),
        Optional.empty(),
        (spec, settings, now) ->
            new TextArguments(
                    settings.locale(),
                    settings.zone(),
                    now,
                    name -> log.customer(input.workspace(), name).isPresent())
                .parse(spec, input.text()));
  }

  /** Handles a command given with typed options (Discord). */
  public Reply handle(TypedInput input) {
    return handle(
        input.platform(),
        input.workspace(),
        input.user(),
        input.channel(),
        input.interactionId(),
        input.command(),
        input.language(),
        (spec, settings, now) ->
            new TypedArguments(settings.zone(), now).parse(spec, input.values()));
  }

  /** How a platform's arguments are read, once the command and the workspace are known. */
  private interface ArgumentReader {
    CommandArguments read(CommandSpec spec, WorkspaceSettings settings, Instant now);
  }

  private Reply handle(
      Platform platform,
      WorkspaceId workspace,
      Actor user,
      String channel,
      String interactionId,
      String command,
      Optional<Locale> language,
      ArgumentReader reader) {
    long started = System.nanoTime();
    String outcome = "ok";
    RuntimeException failure = null;
    Messages messages = Messages.of(Locale.ENGLISH);
    Optional<CommandSpec> spec = registry.find(command);
    try {
      WorkspaceSettings settings = settings(workspace, language);
      Formats formats = Formats.of(settings);
      messages = formats.messages();
      if (spec.isEmpty()) {
        outcome = "unknown-command";
        return Reply.privately(
            messages.get("error.unknownCommand", quoted(command.replaceFirst("^/", ""))));
      }
      if (spec.get().managersOnly() && !user.manager()) {
        outcome = "refused";
        return Reply.privately(
            messages.get("error.managersOnly", spec.get().nameIn(settings.locale())));
      }
      try {
        Instant now = clock.instant();
        CommandArguments arguments = reader.read(spec.get(), settings, now);
        if (!arguments.has(Flag.NEW)) {
          arguments.rep().ifPresent(rep -> refuseMistypedRep(workspace, user, spec.get(), rep));
        }
        Reply reply =
            spec.get()
                .handler()
                .handle(
                    new CommandRequest(
                        platform,
                        workspace,
                        settings,
                        user,
                        channel,
                        interactionId,
                        spec.get(),
                        arguments,
                        now));
        return FIGURE_COMMANDS.contains(spec.get().name())
            ? timedFigure(spec.get().name(), reply, started)
            : reply;
      } catch (InvalidInput invalid) {
        outcome = "invalid:" + invalid.key();
        return Reply.privately(explain(invalid, spec.get(), formats));
      }
    } catch (RuntimeException unexpected) {
      failure = unexpected;
      String ref = Unexpected.newRef();
      outcome = "error:" + ref;
      return Reply.privately(messages.get("error.unexpected", ref));
    } finally {
      metrics.commandAnswered(
          platform,
          spec.map(CommandSpec::name).orElse("unknown"),
          outcome.replaceFirst(":.*", "").replace("unknown-command", "unknown"));
      String name = spec.map(CommandSpec::name).orElse("?");
      long ms = (System.nanoTime() - started) / 1_000_000;
      if (failure == null) {
        LOG.info("workspace={} command={} ms={} outcome={}", workspace, name, ms, outcome);
      } else {
        // The command's one line carries the cause: one line per failure, the stack at DEBUG.
        LOG.error(
            "workspace={} command={} ms={} outcome={} cause={}",
            workspace,
            name,
            ms,
            outcome,
            Unexpected.causeChain(failure));
        LOG.debug("{} the stack", outcome, failure);
      }
    }
  }

  /** Counts a figure's time, and its chart's when the adapter draws it. */
  private Reply timedFigure(String command, Reply reply, long started) {
    metrics.figureAnswered(command, Duration.ofNanos(System.nanoTime() - started));
    return reply.chart().isEmpty()
        ? reply
        : new Reply(
            reply.title(),
            reply.text(),
            reply.fields(),
            reply.context(),
            reply.chart().map(drawing -> timedDrawing(command, drawing)),
            reply.ephemeral());
  }

  private Drawing timedDrawing(String command, Drawing drawing) {
    return () -> {
      long started = System.nanoTime();
      try {
        return drawing.draw();
      } finally {
        metrics.chartDrawn(command, Duration.ofNanos(System.nanoTime() - started));
      }
    };
  }

  /**
   * A rep named by hand ({@code @ana}, not a platform's mention) whom the workspace does not know,
   * while it knows one by a close name ({@code anna}), is a typo until shown otherwise: the command
   * is refused with "did you mean @anna?", as a close customer name is. This holds wherever a rep
   * is named: logging for someone, a figure for one rep, a target. A rep not close to any known one
   * is left to the command (a new rep, or "no such rep"); so is one confirmed with {@code new}.
   * Names that differ in their numbers ("rep2", "rep3") are never close.
   */
  private void refuseMistypedRep(
      WorkspaceId workspace, Actor user, CommandSpec spec, RepMention named) {
    if (named.platformUserId().isPresent()) {
      return;
    }
    String key = CustomerName.fold(named.displayName());
    if (key.equals(CustomerName.fold(user.displayName()))
        || key.equals(CustomerName.fold(user.platformUserId()))
        || log.rep(workspace, named).isPresent()) {
      return;
    }
    Optional<Rep> close =
        reps.closest(workspace, named.displayName(), after -> roster.after(workspace, after));
    if (close.isPresent()) {
      String name = close.get().displayName();
      String mention =
          name.codePoints().anyMatch(Character::isWhitespace) ? "\"" + name + "\"" : name;
      // Commands that may create a customer take "new", which confirms a new rep as well.
      throw new InvalidInput(
          spec.flags().contains(Flag.NEW) ? "error.didYouMeanRep" : "error.didYouMeanRepKnown",
          mention,
          named.displayName());
    }
  }

  /**
   * The workspace's settings as this user sees them: in their own language where the workspace lets
   * replies follow it and Salesmeter speaks it.
   */
  public WorkspaceSettings settings(WorkspaceId workspace, Optional<Locale> language) {
    WorkspaceSettings settings = log.settings(workspace);
    return language
        .filter(l -> settings.userLanguage())
        .flatMap(Messages::supported)
        .map(settings::withLocale)
        .orElse(settings);
  }

  /**
   * The problem in words, then the command's example (but not after a question that already says
   * what to type). Amounts are shown in the workspace's money format; text is quoted at most {@link
   * #QUOTED_AT_MOST} characters long, so a pasted page does not come back whole.
   */
  static String explain(InvalidInput invalid, CommandSpec spec, Formats formats) {
    Messages messages = formats.messages();
    String problem = problem(invalid, formats);
    if (invalid.key().startsWith("error.didYouMean") || ANSWERED.contains(invalid.key())) {
      return problem;
    }
    return problem + "\n" + messages.get("help.example", messages.get(spec.helpKey("example")));
  }

  /**
   * The problem in words alone, as {@link #explain} says it: for what reads values outside a
   * command (an imported file's cells).
   */
  public static String problem(InvalidInput invalid, Formats formats) {
    Messages messages = formats.messages();
    Object[] args =
        Arrays.stream(invalid.args())
            .map(
                arg -> {
                  if (arg instanceof Term term) {
                    return messages.get(term.key());
                  }
                  if (arg instanceof Money money) {
                    return formats.money(money);
                  }
                  return arg instanceof String text ? quoted(text) : arg;
                })
            .toArray();
    return messages.get(invalid.key(), args);
  }

  /**
   * What the user typed, as an error reply quotes it: whole up to {@link #QUOTED_AT_MOST}
   * characters, else its beginning and "…". Characters, not UTF-16 units: an emoji is not cut.
   */
  public static String quoted(String typed) {
    if (typed.codePointCount(0, typed.length()) <= QUOTED_AT_MOST) {
      return typed;
    }
    return typed.substring(0, typed.offsetByCodePoints(0, QUOTED_AT_MOST - 1)) + "…";
  }

  /**
   * Logs a failure nobody foresaw on one line, with its cause chain (the stack at DEBUG), under a
   * new reference that the reply shows the user ("Something went wrong (ref …)"): for what an
   * adapter does itself (the console saving a chart).
   */
  public static String logUnexpected(String what, WorkspaceId workspace, Throwable cause) {
    String ref = Unexpected.newRef();
    Unexpected.log(ref, what + " in workspace " + workspace, cause);
    return ref;
  }
}
