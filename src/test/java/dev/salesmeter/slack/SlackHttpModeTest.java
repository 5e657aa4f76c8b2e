package dev.salesmeter.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.command.Commands;
import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.http.HttpListener;
import dev.salesmeter.http.Management;
import dev.salesmeter.http.MicrometerMetrics;
import dev.salesmeter.http.SlowSenders;
import dev.salesmeter.store.RepRoster;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slack's HTTP mode: the real Bolt request verification behind the HTTP server, with its limits,
 * and what the management listener shows of it.
 */
final class SlackHttpModeTest {
  private static final String SECRET = "signing-secret-for-tests";

  @TempDir static Path folder;
  static TestWorkspace team;
  static FakeSlack slack;
  static HttpListener server;
  static HttpListener management;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    team = TestWorkspace.english(folder);
    slack = new FakeSlack();
    MicrometerMetrics metrics = new MicrometerMetrics();
    Commands commands =
        new Commands(
            team.commands().registry(),
            team.log(),
            new RepRoster(team.database()),
            Clock.fixed(team.now(), TestWorkspace.AMSTERDAM),
            metrics);
    SlackAdapter adapter =
        new SlackAdapter(
            commands, new SlackAdapter.Settings("xoxb-test", SECRET, slack.apiUrl(), Set.of()));
    server = SlackHttp.start(adapter.app());
    management =
        HttpListener.start(
            "http-management",
            "127.0.0.1",
            0,
            HttpListener.Limits.standard(),
            new Management(team.database()::probeWrite, List.of(), metrics)::routes);
  }

  @AfterAll
  static void stop() throws Exception {
    management.close();
    server.close();
    slack.close();
    team.close();
  }

  private static String form(String command, String text, String trigger) {
    return "command="
        + URLEncoder.encode(command, StandardCharsets.UTF_8)
        + "&text="
        + URLEncoder.encode(text, StandardCharsets.UTF_8)
        + "&team_id=T-test&channel_id=C1&user_id=U1&user_name=anna&trigger_id="
        + trigger
        + "&response_url=http%3A%2F%2F127.0.0.1%3A1%2Frespond";
  }

  static String signature(String secret, long timestamp, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "v0="
        + HexFormat.of()
            .formatHex(
                mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
  }

  private static HttpResponse<String> post(String body, long timestamp, String signature)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/slack/events"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
            .header("X-Slack-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @DisplayName("a correctly signed /sale is handled and stored")
  void signed() throws Exception {
    long before = team.events();
    long now = Instant.now().getEpochSecond();
    String body = form("/sale", "Acme 4200", "http-1");
    HttpResponse<String> response = post(body, now, signature(SECRET, now, body));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("Sale #").contains("Acme");
    assertThat(team.events()).isEqualTo(before + 1);
  }

  @Test
  @DisplayName("a wrong signature, a stale timestamp and a tampered body get 401; nothing stored")
  void refused() throws Exception {
    long before = team.events();
    long now = Instant.now().getEpochSecond();
    String body = form("/sale", "Beta 100", "http-2");
    assertThat(post(body, now, signature("not-the-secret", now, body)).statusCode()).isEqualTo(401);
    long stale = now - 10 * 60;
    assertThat(post(body, stale, signature(SECRET, stale, body)).statusCode()).isEqualTo(401);
    String tampered = form("/sale", "Beta 999999", "http-2");
    assertThat(post(tampered, now, signature(SECRET, now, body)).statusCode()).isEqualTo(401);
    assertThat(team.events()).isEqualTo(before);
  }

  @Test
  @DisplayName("a request signed more than 5 minutes in the future gets 401; nothing stored")
  void fromTheFuture() throws Exception {
    long before = team.events();
    long future = Instant.now().getEpochSecond() + 10 * 60;
    String body = form("/sale", "Gamma 100", "http-future");
    assertThat(post(body, future, signature(SECRET, future, body)).statusCode()).isEqualTo(401);
    // A clock a little ahead of ours is Slack's normal skew, not an attack.
    long skewed = Instant.now().getEpochSecond() + 60;
    String again = form("/sale", "Gamma 100", "http-skewed");
    assertThat(post(again, skewed, signature(SECRET, skewed, again)).statusCode()).isEqualTo(200);
    assertThat(team.events()).isEqualTo(before + 1);
  }

  @Test
  @DisplayName("while more clients than workers send a body a byte at a time, a command is handled")
  void commandBesideSlowSenders() throws Exception {
    long before = team.events();
    try (SlowSenders senders =
        SlowSenders.start(
            HttpListener.Limits.standard().threads(),
            server.port(),
            SlackHttp.EVENTS,
            SlowSenders.Part.BODY,
            Duration.ofMillis(500),
            60)) {
      long now = Instant.now().getEpochSecond();
      String body = form("/sale", "Delta 300", "http-slow");
      HttpResponse<String> response = post(body, now, signature(SECRET, now, body));
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("Sale #").contains("Delta");
    }
    assertThat(team.events()).isEqualTo(before + 1);
  }

  @Test
  @DisplayName("/metrics counts a command by platform, kind and outcome, and its acknowledgement")
  void metrics() throws Exception {
    long now = Instant.now().getEpochSecond();
    String body = form("/lead", "Epsilon", "http-metrics");
    assertThat(post(body, now, signature(SECRET, now, body)).statusCode()).isEqualTo(200);
    HttpResponse<String> metrics =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management.port() + "/metrics"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains(
            "salesmeter_commands_total{command=\"lead\",outcome=\"ok\",platform=\"slack\"} 1.0")
        .contains("salesmeter_ack_seconds_bucket{platform=\"slack\"");
  }
}
