package dev.salesmeter.app;

import com.slack.api.bolt.socket_mode.SocketModeApp;
import dev.salesmeter.command.Commands;
import dev.salesmeter.http.Management;
import dev.salesmeter.slack.SlackAdapter;
import dev.salesmeter.slack.SlackHttpHandler;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Salesmeter in Slack, started when {@code SLACK_BOT_TOKEN} is set: Socket Mode with {@code
 * SLACK_APP_TOKEN}, or HTTP mode with {@code SLACK_SIGNING_SECRET}. Tokens are read from the
 * environment and never written anywhere.
 */
final class SlackRunner {

  private SlackRunner() {}

  /**
   * Connects to Slack: in Socket Mode by opening the connection; in HTTP mode by giving the route
   * that the public listener carries, so Slack can call it once the listener is up.
   */
  static Connected start(
      Config config, Map<String, String> environment, Commands commands, Clock clock)
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
      SlackHttpHandler handler = new SlackHttpHandler(adapter.app(), clock);
      return new Connected(
          adapter,
          () -> {}, // the public listener, which ChatRunner closes, is Slack's connection
          List.of(),
          Optional.of(routes -> SlackRoute.mount(routes, slack.http().path(), handler)));
    }
    String appToken = environment.get("SLACK_APP_TOKEN");
    SocketModeApp socketMode = adapter.socketMode(appToken);
    socketMode.startAsync();
    System.err.printf(
        "Salesmeter in Slack (Socket Mode); database %s.%n", config.database().described());
    return new Connected(
        adapter,
        socketMode::close,
        List.of(new Management.Connection("slack", () -> SlackAdapter.connected(socketMode))),
        Optional.empty());
  }
}
