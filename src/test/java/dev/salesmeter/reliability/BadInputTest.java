package dev.salesmeter.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.app.SlackRoute;
import dev.salesmeter.command.CommandSpec;
import dev.salesmeter.command.Reply;
import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.console.Console;
import dev.salesmeter.http.HttpListener;
import dev.salesmeter.slack.SlackAdapter;
import dev.salesmeter.slack.SlackHttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input catalogue ({@code reliability/bad-input.txt}: wrong, missing, hostile and
 * out-of-range input for every command) through the console and through Slack's HTTP mode. Every
 * line gets a private reply, with no stack trace and no "Something went wrong"; nothing is stored;
 * the process goes on answering.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
final class BadInputTest {
  private static final String USER = "U1";
  private static final Pattern ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

  /** What a stack trace or the catch-all leaves in a reply. */
  private static final List<String> TRACES =
      List.of(
          "\tat ", "\\tat ", "Exception", "Caused by", "dev.salesmeter.", "Something went wrong");

  @TempDir static Path folder;
  static TestWorkspace team;
  static long seeded;

  @BeforeAll
  static void seed() {
    team = TestWorkspace.english(folder);
    // #1 and #2 exist, so /void 2 and /edit 2 … reach their own checks
    team.log("/lead Acme");
    team.log("/sale Acme 4200");
    seeded = team.events();
  }

  @AfterAll
  static void close() {
    team.close();
  }

  /** The catalogue's lines, with each \\uXXXX turned into its character. */
  static List<String> catalogue() throws IOException {
    try (InputStream in = BadInputTest.class.getResourceAsStream("/reliability/bad-input.txt")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<String> lines = new ArrayList<>();
      for (String line : text.split("\n", -1)) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        Matcher escape = ESCAPE.matcher(line);
        lines.add(
            escape.replaceAll(
                m ->
                    Matcher.quoteReplacement(
                        Character.toString((char) Integer.parseInt(m.group(1), 16)))));
      }
      return lines;
    }
  }

  private static String shown(String line) {
    return line.length() > 120 ? line.substring(0, 120) + "… (" + line.length() + " chars)" : line;
  }

  @Test
  @DisplayName("the catalogue holds at least 300 lines, for every command")
  void size() throws IOException {
    List<String> lines = catalogue();
    assertThat(lines).hasSizeGreaterThanOrEqualTo(300);
    for (CommandSpec spec : team.commands().registry().all()) {
      assertThat(lines)
          .as("a line for /%s", spec.names().get(0))
          .anyMatch(line -> spec.names().stream().anyMatch(n -> line.startsWith("/" + n)));
    }
  }

  @Test
  @DisplayName("through the console: a private reply to each, no trace, nothing stored")
  void console() throws IOException {
    Console console =
        new Console(team.commands(), Set.of(), Locale.ENGLISH, folder.resolve("charts"));
    // #1 and #2 exist in the console's workspace too
    console.run("/lead Acme");
    console.run("/sale Acme 4200");
    List<String> wrong = new ArrayList<>();
    long start = team.events(Console.WORKSPACE);
    assertThat(start).isEqualTo(2);
    for (String line : catalogue()) {
      long before = team.events(Console.WORKSPACE);
      Optional<Reply> reply = console.run(line);
      if (reply.isEmpty()) {
        wrong.add(shown(line) + " → no reply");
        continue;
      }
      String text = reply.get().title().orElse("") + reply.get().text();
      if (!reply.get().ephemeral()) {
        wrong.add(shown(line) + " → not private: " + shown(text));
      }
      TRACES.stream()
          .filter(text::contains)
          .findFirst()
          .ifPresent(trace -> wrong.add(shown(line) + " → " + trace + ": " + shown(text)));
      if (team.events(Console.WORKSPACE) != before) {
        wrong.add(shown(line) + " → stored: " + shown(text));
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(team.events(Console.WORKSPACE)).isEqualTo(start);
  }

  @Test
  @DisplayName("through Slack's HTTP mode: an ephemeral 200 to each, no trace, nothing stored")
  void slackHttp() throws Exception {
    List<String> names =
        team.commands().registry().all().stream().flatMap(s -> s.names().stream()).toList();
    try (FakeWebApi api = new FakeWebApi()) {
      SlackAdapter adapter =
          new SlackAdapter(
              team.commands(),
              new SlackAdapter.Settings(
                  "xoxb-test", SalesmeterProcess.SECRET, api.apiUrl(), Set.of(USER)));
      SlackHttpHandler handler = new SlackHttpHandler(adapter.app(), Clock.systemUTC());
      try (HttpListener server =
          HttpListener.start(
              "http-public",
              "127.0.0.1",
              0,
              HttpListener.Limits.standard(),
              routes -> SlackRoute.mount(routes, SignedSlack.EVENTS, handler))) {
        SignedSlack slack = new SignedSlack(SalesmeterProcess.SECRET, api);
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (String line : catalogue()) {
          String command = line.split(" ", 2)[0];
          if (!names.contains(command.substring(1))) {
            continue; // Slack only sends the commands the app registers
          }
          String text = line.contains(" ") ? line.substring(line.indexOf(' ') + 1) : "";
          long before = team.events();
          HttpResponse<String> response =
              slack.send(
                  server.port(),
                  slack.form(TestWorkspace.WORKSPACE.value(), USER, command, text, "bad-" + sent));
          sent++;
          String body = response.body();
          if (response.statusCode() != 200) {
            wrong.add(shown(line) + " → HTTP " + response.statusCode());
          } else if (!body.contains("\"response_type\":\"ephemeral\"")) {
            wrong.add(shown(line) + " → not ephemeral: " + shown(body));
          }
          TRACES.stream()
              .filter(body::contains)
              .findFirst()
              .ifPresent(trace -> wrong.add(shown(line) + " → " + trace + ": " + shown(body)));
          if (team.events() != before) {
            wrong.add(shown(line) + " → stored: " + shown(body));
          }
        }
        assertThat(wrong).isEmpty();
        assertThat(sent).isGreaterThanOrEqualTo(300);
        // and the server still logs a good command
        HttpResponse<String> good =
            slack.send(
                server.port(),
                slack.form(TestWorkspace.WORKSPACE.value(), USER, "/lead", "Alive", "bad-alive"));
        assertThat(slack.confirmation(good, "bad-alive")).as(good.body()).isPresent();
      }
    }
  }

  @Test
  @DisplayName("the whole catalogue as a console script: every reply, then a good line, exit 0")
  void consoleScript(@TempDir Path scriptFolder) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of("-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
    command.addAll(
        List.of(
            "dev.salesmeter.app.Main",
            "console",
            "--db",
            "script.db",
            "--now",
            "2026-03-31T17:00"));
    Process process =
        new ProcessBuilder(command)
            .directory(scriptFolder.toFile())
            .redirectError(scriptFolder.resolve("stderr.txt").toFile())
            .start();
    try {
      try (OutputStream in = process.getOutputStream()) {
        in.write(
            (String.join("\n", catalogue()) + "\n/lead \"Still here\"\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isZero();
      String err = Files.readString(scriptFolder.resolve("stderr.txt"));
      for (String trace : TRACES) {
        assertThat(out).doesNotContain(trace);
        assertThat(err).doesNotContain(trace);
      }
      // nothing the catalogue sent was stored: the good line is the first event
      int last = out.lastIndexOf("Lead #");
      assertThat(last).as(out.substring(Math.max(0, out.length() - 500))).isPositive();
      assertThat(out.substring(last)).startsWith("Lead #1 logged: Still here");
    } finally {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
