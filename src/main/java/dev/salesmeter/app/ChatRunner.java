package dev.salesmeter.app;

import dev.salesmeter.command.CommandRegistry;
import dev.salesmeter.command.Commands;
import dev.salesmeter.command.Suggestions;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.figure.Figures;
import dev.salesmeter.store.Database;
import dev.salesmeter.store.EventLog;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Salesmeter on the chat platforms whose tokens are set (Slack, Discord or both), on one database,
 * until the process is stopped.
 */
final class ChatRunner {
  private ChatRunner() {}

  /** Whether a chat platform's token is set: else the console starts. */
  static boolean configured(Map<String, String> environment) {
    return environment.get("SLACK_BOT_TOKEN") != null
        || environment.get("DISCORD_BOT_TOKEN") != null;
  }

  static int run(Config config, Map<String, String> environment) throws Exception {
    WorkspaceSettings defaults = config.workspace().settings();
    Clock clock = Clock.system(defaults.zone());
    Deque<AutoCloseable> running = new ArrayDeque<>();
    try (Database database = Database.open(config.database().path())) {
      EventLog log = new EventLog(database, defaults, clock);
      Figures figures = Figures.standard(database);
      CommandRegistry registry = ConsoleRunner.registry(figures, log);
      Commands commands = new Commands(registry, log, clock);
      try {
        if (environment.get("SLACK_BOT_TOKEN") != null) {
          running.push(SlackRunner.start(config, environment, commands));
        }
        if (environment.get("DISCORD_BOT_TOKEN") != null) {
          running.push(
              DiscordRunner.start(
                  config, environment, commands, new Suggestions(registry, log, figures, clock)));
        }
        Thread.currentThread().join();
      } finally {
        while (!running.isEmpty()) {
          running.pop().close();
        }
      }
    }
    return 0;
  }
}
