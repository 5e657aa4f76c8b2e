package dev.salesmeter.slack;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.http.HttpListener;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleListener;
import org.jdbi.v3.core.Handles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A real SQLite file that turns read-only, or full, while Salesmeter runs in Slack's HTTP mode (the
 * real Bolt, a local fake Slack): every command that must write answers 200 with a short reply and
 * a reference, never a 500; figures still answer; the log has one line per failure.
 *
 * <p>The file is switched by SQLite itself, on every connection the commands take: {@code
 * query_only}, which refuses writes with SQLITE_READONLY as a {@code mode=ro} connection does
 * ({@code mode=ro} cannot be switched on an open connection, and a remount read-only is refused
 * while SQLite holds the file open), and {@code max_page_count}, which makes SQLITE_FULL as a full
 * disk does.
 */
final class DatabaseFailsWhileRunningTest {
  private static final String SECRET = "signing-secret-for-tests";
  private static final Pattern REF = Pattern.compile("\\(ref ([A-Z0-9]{6})\\)");

  @TempDir Path folder;
  private TestWorkspace team;
  private FakeSlack slack;
  private HttpListener server;
  private final Storage storage = new Storage();
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private Level rootLevel;
  private final HttpClient http = HttpClient.newHttpClient();
  private int triggers;

  /** SQLite's own switches, set on every connection as the commands take it. */
  private static final class Storage implements HandleListener {
    private static final long NO_LIMIT = 1_073_741_823;
    volatile boolean readOnly;
    volatile boolean full;

    @Override
    public void handleCreated(Handle handle) {
      handle.execute("PRAGMA query_only = " + (readOnly ? "ON" : "OFF"));
      long pages =
          full ? handle.createQuery("PRAGMA page_count").mapTo(Long.class).one() : NO_LIMIT;
      handle.createQuery("PRAGMA max_page_count = " + pages).mapTo(Long.class).one();
    }
  }

  @BeforeEach
  void start() throws Exception {
    team = TestWorkspace.english(folder);
    team.database().jdbi().getConfig(Handles.class).addListener(storage);
    slack = new FakeSlack();
    SlackAdapter adapter =
        new SlackAdapter(
            team.commands(),
            new SlackAdapter.Settings("xoxb-test", SECRET, slack.apiUrl(), Set.of()));
    server = SlackHttp.start(adapter.app());
    rootLevel = root.getLevel();
    root.setLevel(Level.INFO);
    log.start();
    root.addAppender(log);
  }

  @AfterEach
  void stop() throws Exception {
    root.detachAppender(log);
    root.setLevel(rootLevel);
    server.close();
    slack.close();
    team.close();
  }

  private HttpResponse<String> command(String team, String domain, String command, String text)
      throws Exception {
    String body =
        "command="
            + URLEncoder.encode(command, StandardCharsets.UTF_8)
            + "&text="
            + URLEncoder.encode(text, StandardCharsets.UTF_8)
            + "&team_id="
            + team
            + (domain == null ? "" : "&team_domain=" + domain)
            + "&channel_id=C1&user_id=U1&user_name=anna&trigger_id=t-"
            + ++triggers
            + "&response_url=http%3A%2F%2F127.0.0.1%3A1%2Frespond";
    long now = Instant.now().getEpochSecond();
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/slack/events"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Slack-Request-Timestamp", Long.toString(now))
            .header("X-Slack-Signature", SlackHttpModeTest.signature(SECRET, now, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> command(String command, String text) throws Exception {
    return command("T-test", null, command, text);
  }

  /** The reference in a "something went wrong" reply; fails the test when there is none. */
  private static String refIn(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Matcher ref = REF.matcher(response.body());
    assertThat(ref.find()).as("a reference in " + response.body()).isTrue();
    assertThat(response.body()).contains("Something went wrong").hasSizeLessThan(400);
    return ref.group(1);
  }

  /** Each failure is told in exactly one log line, with its ref, and no stack trace. */
  private void assertOneLineEach(List<String> refs) {
    List<ILoggingEvent> failures =
        log.list.stream().filter(line -> line.getLevel().isGreaterOrEqual(Level.WARN)).toList();
    assertThat(failures)
        .as("warnings and errors: %s", failures)
        .hasSameSizeAs(refs)
        .allSatisfy(
            line -> {
              assertThat(line.getThrowableProxy()).isNull();
              // the cause, but not the statement's arguments (customer names, amounts)
              assertThat(line.getFormattedMessage())
                  .containsPattern("SQLITE_(READONLY|FULL)")
                  .doesNotContain("arguments", "Gamma", "newco");
            });
    for (String ref : refs) {
      assertThat(log.list)
          .filteredOn(line -> line.getFormattedMessage().contains(ref))
          .singleElement()
          .satisfies(line -> assertThat(line.getLevel()).isEqualTo(Level.ERROR));
    }
  }

  @Test
  @DisplayName(
      "read-only while running: writes answer with a ref, figures still answer, one log line each")
  void readOnly() throws Exception {
    assertThat(command("/sale", "Acme 4200").body()).contains("Sale #1 logged");
    assertThat(command("/lead", "Beta source:web").body()).contains("Lead #2 logged");
    log.list.clear();

    storage.readOnly = true;

    List<String> refs = new ArrayList<>();
    refs.add(refIn(command("/sale", "Gamma 300")));
    refs.add(refIn(command("/lead", "Delta")));
    refs.add(refIn(command("/void", "")));
    refs.add(refIn(command("/followup", "Acme call")));
    // A workspace first seen now cannot be created; naming it is the adapter's own write.
    refs.add(refIn(command("T-new", "newco", "/sale", "Acme 100")));
    assertThat(refs).doesNotHaveDuplicates();

    HttpResponse<String> revenue = command("/kpi", "revenue");
    assertThat(revenue.statusCode()).isEqualTo(200);
    assertThat(revenue.body()).contains("Revenue").contains("4,200").doesNotContain("ref ");
    HttpResponse<String> leaderboard = command("/leaderboard", "");
    assertThat(leaderboard.body())
        .contains("Leaderboard")
        .contains("€4,200")
        .doesNotContain("ref ");

    assertOneLineEach(refs);
    assertThat(team.events()).isEqualTo(2);

    // Writable again: the same commands work at once, without a restart.
    storage.readOnly = false;
    assertThat(command("/sale", "Gamma 300").body()).contains("Sale #3 logged");
    assertThat(command("/lead", "Delta").body()).contains("Lead #4 logged");
  }

  @Test
  @DisplayName("a full database while running (SQLITE_FULL): the same short replies and one line")
  void full() throws Exception {
    assertThat(command("/sale", "Acme 4200").body()).contains("Sale #1 logged");
    log.list.clear();

    storage.full = true;

    // The file may not grow by a page: the first sales still fit in pages with room, the first
    // that needs a new page fails, and so does every one after it.
    List<String> refs = new ArrayList<>();
    long stored = team.events();
    for (int customer = 1; customer <= 200 && refs.size() < 3; customer++) {
      HttpResponse<String> sale =
          command("/sale", "\"Customer number " + customer * 7919 + " of the fair\" 250 new");
      assertThat(sale.statusCode()).isEqualTo(200);
      if (sale.body().contains("Something went wrong")) {
        refs.add(refIn(sale));
      } else {
        assertThat(sale.body()).contains("logged");
        stored++;
      }
    }
    assertThat(refs).as("sales refused for want of room").hasSize(3);
    HttpResponse<String> revenue = command("/kpi", "revenue");
    assertThat(revenue.body()).contains("Revenue").doesNotContain("ref ");
    assertOneLineEach(refs);
    assertThat(team.events()).isEqualTo(stored);

    // Room again (space freed): the same kind of command works at once, without a restart.
    storage.full = false;
    for (int again = 1; again <= 8; again++) {
      assertThat(command("/sale", "\"Back again " + again * 7919 + "\" 250 new").body())
          .contains("logged");
    }
    assertThat(team.events()).isEqualTo(stored + 8);
  }
}
