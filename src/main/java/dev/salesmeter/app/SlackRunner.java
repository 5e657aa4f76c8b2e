package dev.salesmeter.app;

import com.slack.api.bolt.socket_mode.SocketModeApp;
import dev.salesmeter.command.Commands;
import dev.salesmeter.slack.SlackAdapter;
import dev.salesmeter.slack.SlackHttpServer;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.Map;

/**
 * Salesmeter in Slack, started when {@code SLACK_BOT_TOKEN} is set: Socket Mode with {@code
 * SLACK_APP_TOKEN}, or HTTP mode with {@code SLACK_SIGNING_SECRET}. Tokens are read from the
 * environment and never written anywhere.
 */
final class SlackRunner {
  private static final String PORT_KEY = "slack.http.port";

  private SlackRunner() {}

  /** Connects to Slack. */
  static Connected start(Config config, Map<String, String> environment, Commands commands)
      throws Exception {
    Config.Slack slack = config.slack();
    boolean http = slack.mode().equals("http");
    // ChatRunner.checkSecrets made sure the secrets this mode needs are set.
    String secret = environment.get("SLACK_SIGNING_SECRET");
    SlackAdapter adapter =
        new SlackAdapter(
            commands,
            new SlackAdapter.Settings(
                environment.get("SLACK_BOT_TOKEN"),
                secret,
                slack.apiUrl(),
                new HashSet<>(slack.managers())));
    if (http) {
      InetSocketAddress address =
          new InetSocketAddress(StartupFailures.port(PORT_KEY, slack.http().port()));
      SlackHttpServer server =
          StartupFailures.bind(
              PORT_KEY,
              address,
              () -> new SlackHttpServer(adapter.app(), address, slack.http().path()).start());
      System.err.printf(
          "Salesmeter in Slack (HTTP mode) on port %d, %s; database %s.%n",
          server.port(), slack.http().path(), config.database().path());
      return new Connected(adapter, server);
    }
    String appToken = environment.get("SLACK_APP_TOKEN");
    SocketModeApp socketMode = adapter.socketMode(appToken);
    socketMode.startAsync();
    System.err.printf(
        "Salesmeter in Slack (Socket Mode); database %s.%n", config.database().path());
    return new Connected(adapter, socketMode::close);
  }
}
