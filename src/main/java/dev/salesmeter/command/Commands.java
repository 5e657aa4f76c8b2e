package dev.salesmeter.command;

import dev.salesmeter.core.Actor;
import dev.salesmeter.core.Platform;
import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.store.EventLog;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
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

  private final CommandRegistry registry;
  private final EventLog log;
  private final Clock clock;

  public Commands(CommandRegistry registry, EventLog log, Clock clock) {
    this.registry = registry;
    this.log = log;
    this.clock = clock;
  }

  public CommandRegistry registry() {
    return registry;
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
            new TextArguments(settings.locale(), settings.zone(), now).parse(spec, input.text()));
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
      messages = Messages.of(settings.locale());
      if (spec.isEmpty()) {
        outcome = "unknown-command";
        return Reply.privately(
            messages.get("error.unknownCommand", command.replaceFirst("^/", "")));
      }
      if (spec.get().managersOnly() && !user.manager()) {
        outcome = "refused";
        return Reply.privately(
            messages.get("error.managersOnly", spec.get().nameIn(settings.locale())));
      }
      try {
        Instant now = clock.instant();
        CommandArguments arguments = reader.read(spec.get(), settings, now);
        return spec.get()
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
      } catch (InvalidInput invalid) {
        outcome = "invalid:" + invalid.key();
        return Reply.privately(explain(invalid, spec.get(), messages));
      }
    } catch (RuntimeException unexpected) {
      failure = unexpected;
      String ref = Unexpected.newRef();
      outcome = "error:" + ref;
      return Reply.privately(messages.get("error.unexpected", ref));
    } finally {
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

  /** The problem in words, then the command's example. */
  static String explain(InvalidInput invalid, CommandSpec spec, Messages messages) {
    Object[] args =
        Arrays.stream(invalid.args())
            .map(arg -> arg instanceof Term term ? messages.get(term.key()) : arg)
            .toArray();
    String problem = messages.get(invalid.key(), args);
    if (invalid.key().startsWith("error.didYouMean")) {
      return problem;
    }
    return problem + "\n" + messages.get("help.example", messages.get(spec.helpKey("example")));
  }
}
