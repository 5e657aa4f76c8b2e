package dev.salesmeter.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.http.HttpListener;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database held by another process longer than Slack waits: the command is acked with "logging…"
 * (no confirmation), and the confirmation follows through the response URL once the store is free.
 * The ack limit is short here so that the held lock shows it at once; the lock is held until the
 * ack has arrived, so the order does not depend on the machine's speed.
 */
final class SlackBusyStoreTest {
  private static final String SECRET = "busy-store-secret";
  private static final Pattern SALE_NUMBER = Pattern.compile("Sale #(\\d+)");

  @TempDir static Path folder;
  static TestWorkspace team;
  static FakeSlack slack;
  static HttpListener server;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    team = TestWorkspace.english(folder);
    slack = new FakeSlack();
    SlackAdapter adapter =
        new SlackAdapter(
            team.commands(),
            new SlackAdapter.Settings("xoxb-test", SECRET, slack.apiUrl(), Set.of()),
            Duration.ofMillis(100));
    server = SlackHttp.start(adapter.app());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    slack.close();
    team.close();
  }

  private static HttpResponse<String> slashCommand(String command, String text, String trigger)
      throws Exception {
    String body =
        "command="
            + URLEncoder.encode(command, StandardCharsets.UTF_8)
            + "&text="
            + URLEncoder.encode(text, StandardCharsets.UTF_8)
            + "&team_id=T-test&channel_id=C1&user_id=U1&user_name=anna&trigger_id="
            + trigger
            + "&response_url="
            + URLEncoder.encode(slack.responseUrl(), StandardCharsets.UTF_8);
    long now = Instant.now().getEpochSecond();
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/slack/events"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Slack-Request-Timestamp", Long.toString(now))
            .header("X-Slack-Signature", SlackHttpModeTest.signature(SECRET, now, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String saleNumber(String reply) {
    Matcher matcher = SALE_NUMBER.matcher(reply);
    assertThat(matcher.find()).as("a confirmation in: " + reply).isTrue();
    return matcher.group(1);
  }

  @Test
  @DisplayName(
      "a store held by another process: \"logging…\" in time, then the confirmation through the"
          + " response URL, and the same command again is not stored twice")
  void loggingThenConfirmation() throws Exception {
    long before = team.events();
    String confirmed;
    try (Connection otherProcess =
            DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("salesmeter.db"));
        Statement lock = otherProcess.createStatement()) {
      // given another process holding SQLite's write lock
      lock.execute("BEGIN IMMEDIATE");

      // when a sale comes in
      HttpResponse<String> ack = slashCommand("/sale", "Acme 4200", "busy-1");

      // then Slack is acked without a confirmation, and nothing is stored or confirmed yet
      assertThat(ack.statusCode()).isEqualTo(200);
      assertThat(ack.body()).contains("Logging…").doesNotContain("logged");
      assertThat(slack.responses).isEmpty();
      assertThat(team.events()).isEqualTo(before);
      lock.execute("ROLLBACK");
    }

    // once the store is free, the confirmation comes through the response URL
    String late = slack.responses.poll(60, TimeUnit.SECONDS);
    assertThat(late).isNotNull().contains("logged").contains("Acme").contains("4,200");
    confirmed = saleNumber(late);
    assertThat(team.events()).isEqualTo(before + 1);

    // the same request again (a retry) confirms the same event and stores nothing new
    HttpResponse<String> again = slashCommand("/sale", "Acme 4200", "busy-1");
    String reply =
        again.body().contains("logged") ? again.body() : slack.responses.poll(60, TimeUnit.SECONDS);
    assertThat(saleNumber(reply)).isEqualTo(confirmed);
    assertThat(team.events()).isEqualTo(before + 1);
  }
}
