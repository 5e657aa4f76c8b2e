package dev.salesmeter.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.socket_mode.SocketModeApp;
import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.http.HttpListener;
import dev.salesmeter.http.Management;
import dev.salesmeter.http.MicrometerMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /readyz} follows the real Socket Mode connection to a local Slack. */
final class SlackReadinessTest {
  @TempDir Path folder;

  @Test
  @DisplayName("/readyz is 200 while Socket Mode is connected and 503 naming slack once it is not")
  void followsSocketMode() throws Exception {
    try (TestWorkspace team = TestWorkspace.english(folder);
        FakeSlack slack = new FakeSlack()) {
      SlackAdapter adapter =
          new SlackAdapter(
              team.commands(),
              new SlackAdapter.Settings("xoxb-test", null, slack.apiUrl(), Set.of()));
      SocketModeApp socketMode = adapter.socketMode("xapp-test");
      try (HttpListener management =
          HttpListener.start(
              "http-management",
              "127.0.0.1",
              0,
              HttpListener.Limits.standard(),
              new Management(
                      team.database()::probeWrite,
                      List.of(
                          new Management.Connection(
                              "slack", () -> SlackAdapter.connected(socketMode))),
                      new MicrometerMetrics())
                  ::routes)) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest readyz =
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management.port() + "/readyz"))
                .timeout(Duration.ofSeconds(20))
                .build();
        assertThat(http.send(readyz, HttpResponse.BodyHandlers.ofString()).statusCode())
            .isEqualTo(503);

        socketMode.startAsync();
        assertThat(slack.connected.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(http.send(readyz, HttpResponse.BodyHandlers.ofString()).statusCode())
            .isEqualTo(200);

        socketMode.close();
        HttpResponse<String> down = http.send(readyz, HttpResponse.BodyHandlers.ofString());
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body().strip()).isEqualTo("not connected: slack");
      }
    }
  }
}
