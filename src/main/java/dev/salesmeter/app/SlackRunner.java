package dev.salesmeter.app;

import com.slack.api.bolt.socket_mode.SocketModeApp;
import dev.salesmeter.command.Commands;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.slack.SlackAdapter;
import dev.salesmeter.slack.SlackHttpServer;
import dev.salesmeter.store.Database;
import dev.salesmeter.store.EventLog;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;

/**
 * Salesmeter in Slack, started when {@code SLACK_BOT_TOKEN} is set: Socket Mode with {@code
 * SLACK_APP_TOKEN}, or HTTP mode with {@code SLACK_SIGNING_SECRET}. It runs until the process is
 * stopped. Tokens are read from the environment and never written anywhere.
 */
final class SlackRunner {
  private SlackRunner() {}

  static int run(Config config, Map<String, String> environment) throws Exception {
    Config.Slack slack = config.slack();
    String botToken = environment.get("SLACK_BOT_TOKEN");
    WorkspaceSettings defaults = config.workspace().settings();
    Clock clock = Clock.system(defaults.zone());
    try (Database database = Database.open(config.database().path())) {
      EventLog log = new EventLog(database, defaults, clock);
      Commands commands = new Commands(ConsoleRunner.registry(database, log), log, clock);
      boolean http = slack.mode().equals("http");
      String secret = environment.get("SLACK_SIGNING_SECRET");
      if (http && secret == null) {
        throw new ConfigException("slack.mode is http: set SLACK_SIGNING_SECRET too");
      }
      SlackAdapter adapter =
          new SlackAdapter(
              commands,
              new SlackAdapter.Settings(
                  botToken, secret, slack.apiUrl(), new HashSet<>(slack.managers())));
      if (http) {
        try (SlackHttpServer server =
            new SlackHttpServer(
                    adapter.app(), new InetSocketAddress(slack.http().port()), slack.http().path())
                .start()) {
          System.err.printf(
              "Salesmeter in Slack (HTTP mode) on port %d, %s; database %s.%n",
              server.port(), slack.http().path(), config.database().path());
          Thread.currentThread().join();
        }
      } else {
        String appToken = environment.get("SLACK_APP_TOKEN");
        if (appToken == null) {
          throw new ConfigException(
              "slack.mode is socket: set SLACK_APP_TOKEN (an app-level token with"
                  + " connections:write) too, or use slack.mode http");
        }
        SocketModeApp socketMode = adapter.socketMode(appToken);
        try {
          socketMode.startAsync();
          System.err.printf(
              "Salesmeter in Slack (Socket Mode); database %s.%n", config.database().path());
          Thread.currentThread().join();
        } finally {
          socketMode.close();
        }
      }
    }
    return 0;
  }
}
