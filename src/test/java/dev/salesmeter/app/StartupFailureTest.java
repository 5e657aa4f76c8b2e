package dev.salesmeter.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.store.Database;
import dev.salesmeter.store.TestDatabases;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever stops the start, in every mode, is one line {@code salesmeter: <what> — <what to do>} on
 * standard error and exit code 2: no stack trace. Each case runs Main's entry in this JVM with its
 * own environment; a start that wrongly succeeded would block, hence the time-out.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
final class StartupFailureTest {
  @TempDir Path folder;
  private Path emptyConfig;

  @BeforeEach
  void emptyConfig() throws IOException {
    emptyConfig = Files.writeString(folder.resolve("empty.yaml"), "");
  }

  private record Start(int exit, String err) {}

  /** Runs {@code salesmeter args…} with this environment and nothing on standard input. */
  private static Start start(Map<String, String> environment, String... args) {
    PrintStream err = System.err;
    PrintStream out = System.out;
    InputStream in = System.in;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      System.setErr(capture);
      System.setOut(new PrintStream(OutputStream.nullOutputStream()));
      System.setIn(new ByteArrayInputStream(new byte[0]));
      int exit = Main.run(args, environment);
      return new Start(exit, captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(err);
      System.setOut(out);
      System.setIn(in);
    }
  }

  private static void assertOneLine(Start start, String... said) {
    assertThat(start.exit()).as(start.err()).isEqualTo(Main.CONFIG_PROBLEM);
    assertThat(start.err().lines()).as(start.err()).hasSize(1);
    assertThat(start.err())
        .startsWith("salesmeter: ")
        .contains(" — ")
        .doesNotContain("\tat ")
        .doesNotContain("Exception")
        .contains(said);
  }

  /** The environment of each mode, on this database file. */
  static Stream<Arguments> modes() {
    return Stream.of(
        Arguments.of("console", Map.of(), List.of("console")),
        Arguments.of("--demo", Map.of(), List.of("console", "--demo")),
        Arguments.of(
            "Slack Socket Mode",
            Map.of("SLACK_BOT_TOKEN", "xoxb-test", "SLACK_APP_TOKEN", "xapp-test"),
            List.of()),
        Arguments.of(
            "Slack HTTP mode",
            Map.of(
                "SLACK_BOT_TOKEN", "xoxb-test",
                "SLACK_SIGNING_SECRET", "secret",
                "SALESMETER_SLACK_MODE", "http",
                "SALESMETER_SLACK_HTTP_PORT", "0"),
            List.of()),
        Arguments.of("Discord", Map.of("DISCORD_BOT_TOKEN", "token"), List.of()));
  }

  private Start startOn(Path database, Map<String, String> mode, List<String> args) {
    Map<String, String> environment = new HashMap<>(mode);
    environment.put("SALESMETER_DATABASE_PATH", database.toString());
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of("--config", emptyConfig.toString()));
    return start(environment, all.toArray(String[]::new));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modes")
  @DisplayName("a file that is not a SQLite database")
  void garbage(String mode, Map<String, String> environment, List<String> args) throws IOException {
    Path file =
        Files.writeString(folder.resolve("notes.db"), "these are not the pages of a database");
    assertOneLine(
        startOn(file, environment, args),
        "notes.db is not a SQLite database — point database.path");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modes")
  @DisplayName("a folder instead of a file")
  void folder(String mode, Map<String, String> environment, List<String> args) throws IOException {
    Path directory = Files.createDirectories(folder.resolve("data.db"));
    assertOneLine(startOn(directory, environment, args), "data.db is a folder, not a file");
  }

  @Test
  @DisplayName("an unreadable file (a link that loops: what root meets where others meet modes)")
  void unreadable() throws IOException {
    Path file = folder.resolve("loop.db");
    Files.createSymbolicLink(file, folder.resolve("other.db"));
    Files.createSymbolicLink(folder.resolve("other.db"), file);
    assertOneLine(startOn(file, Map.of(), List.of("console")), "loop.db cannot be read");
  }

  @Test
  @DisplayName("a file in a folder that cannot be created (its parent is a file)")
  void noFolder() throws IOException {
    Path file = Files.writeString(folder.resolve("plain.txt"), "x").resolve("salesmeter.db");
    assertOneLine(startOn(file, Map.of(), List.of("console")), "plain.txt", "database.path");
  }

  @Test
  @DisplayName("a read-only database (on a read-only mount: as root, modes stop nothing)")
  void readOnly() throws IOException {
    Path disk = Files.createDirectories(folder.resolve("disk"));
    try (SmallDisk mounted = SmallDisk.mount(disk, "4m")) {
      Path file = disk.resolve("salesmeter.db");
      Database.open(file).close();
      mounted.readOnly();
      assertOneLine(
          startOn(file, Map.of(), List.of("console")),
          "is read-only — give the user running Salesmeter write access");
      assertOneLine(
          startOn(
              file,
              Map.of("SLACK_BOT_TOKEN", "xoxb-test", "SLACK_APP_TOKEN", "xapp-test"),
              List.of()),
          "is read-only");
    }
  }

  @Test
  @DisplayName("a full disk")
  void fullDisk() throws IOException {
    Path disk = Files.createDirectories(folder.resolve("disk"));
    try (SmallDisk mounted = SmallDisk.mount(disk, "256k")) {
      try (OutputStream filler = Files.newOutputStream(disk.resolve("filler"))) {
        byte[] block = new byte[4096];
        while (true) {
          filler.write(block);
          filler.flush();
        }
      } catch (IOException full) {
        // the disk is full: what the test wants
      }
      assertOneLine(
          startOn(disk.resolve("salesmeter.db"), Map.of(), List.of("console")),
          "the disk holding the database",
          "is full — free some space there");
    }
  }

  @Test
  @DisplayName("a port in use (Slack HTTP mode, through the one place that binds)")
  void portInUse() throws IOException {
    try (ServerSocket taken = new ServerSocket(0)) {
      Start start =
          startOn(
              folder.resolve("salesmeter.db"),
              Map.of(
                  "SLACK_BOT_TOKEN", "xoxb-test",
                  "SLACK_SIGNING_SECRET", "secret",
                  "SALESMETER_SLACK_MODE", "http",
                  "SALESMETER_SLACK_HTTP_PORT", Integer.toString(taken.getLocalPort())),
              List.of());
      assertOneLine(
          start,
          // slack.http.port is an alias of http.port, which the line names
          "port " + taken.getLocalPort() + " (http.port) is already in use",
          "set http.port to a free port");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modes")
  @DisplayName("PostgreSQL: no server at the URL")
  void postgresUnreachable(String mode, Map<String, String> environment, List<String> args)
      throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    Map<String, String> postgres = new HashMap<>(environment);
    postgres.put("SALESMETER_DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + closed + "/sales");
    assertOneLine(
        startOn(folder.resolve("unused.db"), postgres, args),
        "cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:" + closed + "/sales (",
        "— check that the server runs");
  }

  @Test
  @DisplayName("PostgreSQL: a database the server does not have, and a URL that is not one")
  void postgresMissingDatabase() {
    Map<String, String> postgres = new HashMap<>();
    postgres.put("SALESMETER_DATABASE_URL", TestDatabases.postgresUrl("no_such_database"));
    postgres.put("SALESMETER_DATABASE_USER", "postgres");
    postgres.put("SALESMETER_DATABASE_PASSWORD", "not-shown");
    Start start = startOn(folder.resolve("unused.db"), postgres, List.of("console"));
    assertOneLine(start, "/no_such_database does not exist on that server — create it");
    assertThat(start.err()).doesNotContain("not-shown");
    postgres.put("SALESMETER_DATABASE_URL", "postgres://db:5432/sales");
    assertOneLine(
        startOn(folder.resolve("unused.db"), postgres, List.of("console")),
        "database.url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/name), not"
            + " \"postgres://db:5432/sales\"");
  }

  @Test
  @DisplayName("the console honours SALESMETER_DATABASE_URL when no --db is given")
  void consoleOnPostgres() {
    String url = TestDatabases.emptyPostgres();
    Map<String, String> environment = new HashMap<>();
    environment.put("SALESMETER_DATABASE_URL", url);
    environment.put("SALESMETER_DATABASE_USER", "postgres");
    Start start = start(environment, "console", "--config", emptyConfig.toString());
    assertThat(start.exit()).as(start.err()).isZero();
    assertThat(start.err()).contains("Salesmeter console on " + url);
    assertThat(folder.resolve("salesmeter.db")).doesNotExist();
    // --db still means an SQLite file, even with the URL set
    Path file = folder.resolve("local.db");
    Start local =
        start(environment, "console", "--db", file.toString(), "--config", emptyConfig.toString());
    assertThat(local.exit()).as(local.err()).isZero();
    assertThat(local.err()).contains("Salesmeter console on " + file);
    assertThat(file).exists();
  }

  @Test
  @DisplayName("import and export use SALESMETER_DATABASE_URL; backup leaves PostgreSQL to pg_dump")
  void transferOnPostgres() throws IOException {
    Map<String, String> environment = new HashMap<>();
    environment.put("SALESMETER_DATABASE_URL", TestDatabases.emptyPostgres());
    environment.put("SALESMETER_DATABASE_USER", "postgres");
    String config = emptyConfig.toString();
    Start in = start(environment, "import", "docs/samples/events-en.csv", "--config", config);
    assertThat(in.exit()).as(in.err()).isZero();
    Path out = folder.resolve("out.csv");
    Start export = start(environment, "export", out.toString(), "--config", config);
    assertThat(export.exit()).as(export.err()).isZero();
    // the sample's 13 events (a void among them) and the header
    assertThat(Files.readAllLines(out)).hasSize(14).anyMatch(line -> line.contains("Jansen"));
    Path copy = folder.resolve("copy.db");
    assertOneLine(
        start(environment, "backup", copy.toString(), "--config", config),
        "the database is PostgreSQL (database.url), which this command does not copy — back it up"
            + " with pg_dump");
    assertThat(copy).doesNotExist();
    assertThat(folder.resolve("salesmeter.db")).doesNotExist();
  }

  @Test
  @DisplayName("a port that is no port, and one that is no number")
  void invalidPort() {
    Map<String, String> http =
        Map.of(
            "SLACK_BOT_TOKEN", "xoxb-test",
            "SLACK_SIGNING_SECRET", "secret",
            "SALESMETER_SLACK_MODE", "http");
    Map<String, String> outOfRange = new HashMap<>(http);
    outOfRange.put("SALESMETER_SLACK_HTTP_PORT", "70000");
    assertOneLine(
        startOn(folder.resolve("a.db"), outOfRange, List.of()),
        "http.port must be a port from 1 to 65535, not 70000");
    Map<String, String> word = new HashMap<>(http);
    word.put("SALESMETER_SLACK_HTTP_PORT", "abc");
    assertOneLine(
        startOn(folder.resolve("b.db"), word, List.of()),
        "slack.http.port must be a whole number, not \"abc\"");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modes")
  @DisplayName("an empty or short SALESMETER_DASHBOARD_SECRET stops the start, in every mode")
  void dashboardSecret(String mode, Map<String, String> environment, List<String> args) {
    Map<String, String> empty = new HashMap<>(environment);
    empty.put("SALESMETER_DASHBOARD_SECRET", " ");
    assertOneLine(
        startOn(folder.resolve("empty.db"), empty, args),
        "salesmeter: SALESMETER_DASHBOARD_SECRET is empty — set it to at least 32 random"
            + " characters");
    Map<String, String> shortOne = new HashMap<>(environment);
    shortOne.put("SALESMETER_DASHBOARD_SECRET", "only-twenty-chars-xx");
    assertOneLine(
        startOn(folder.resolve("short.db"), shortOne, args),
        "SALESMETER_DASHBOARD_SECRET is only 20 characters long");
  }

  @Test
  @DisplayName("a --dashboard that is no port")
  void dashboardPort() {
    assertOneLine(
        start(Map.of(), "console", "--dashboard=web", "--config", emptyConfig.toString()),
        "--dashboard=web is not a port");
  }

  @Test
  @DisplayName("a --config file that does not exist")
  void missingConfig() {
    assertOneLine(
        start(Map.of(), "console", "--config", folder.resolve("missing.yaml").toString()),
        "--config " + folder.resolve("missing.yaml") + ": there is no such file");
  }

  static Stream<Arguments> emptySecrets() {
    return Stream.of(
        Arguments.of(
            Map.of("SLACK_BOT_TOKEN", "", "SLACK_APP_TOKEN", "xapp-test"),
            "SLACK_BOT_TOKEN is empty — set it to the bot token"),
        Arguments.of(
            Map.of("SLACK_BOT_TOKEN", "xoxb-test", "SLACK_APP_TOKEN", " "),
            "SLACK_APP_TOKEN is empty — slack.mode is socket"),
        Arguments.of(
            Map.of(
                "SLACK_BOT_TOKEN", "xoxb-test",
                "SLACK_SIGNING_SECRET", "",
                "SALESMETER_SLACK_MODE", "http"),
            "SLACK_SIGNING_SECRET is empty — slack.mode is http"),
        Arguments.of(
            Map.of("SLACK_BOT_TOKEN", "xoxb-test", "SALESMETER_SLACK_MODE", "http"),
            "SLACK_SIGNING_SECRET is not set"),
        Arguments.of(Map.of("DISCORD_BOT_TOKEN", ""), "DISCORD_BOT_TOKEN is empty"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("emptySecrets")
  @DisplayName("an empty or missing secret, before the database is touched")
  void emptySecret(Map<String, String> environment, String said) {
    Path file = folder.resolve("untouched.db");
    assertOneLine(startOn(file, environment, List.of()), said);
    assertThat(file).doesNotExist();
  }

  @Test
  @DisplayName("invalid YAML names the line and column")
  void invalidYaml() throws IOException {
    Path config =
        Files.writeString(
            folder.resolve("config.yaml"), "workspace:\n  locale: en\n   currency: [EUR\n");
    assertOneLine(
        start(Map.of(), "console", "--config", config.toString()),
        "config.yaml is not valid YAML at line 3, column 12: mapping values are not allowed here");
  }

  @Test
  @DisplayName("a wrong type is named in words")
  void wrongType() throws IOException {
    Path config =
        Files.writeString(
            folder.resolve("config.yaml"), "workspace:\n  locale: en\n  stale-quote-days: soon\n");
    assertOneLine(
        start(Map.of(), "console", "--config", config.toString()),
        "workspace.stale-quote-days must be a whole number, not \"soon\"");
  }

  @Test
  @DisplayName("an unknown key stops the start and names the closest valid one")
  void unknownKey() throws IOException {
    Path config = Files.writeString(folder.resolve("config.yaml"), "workspace:\n  timezone: UTC\n");
    assertOneLine(
        start(Map.of(), "console", "--config", config.toString()),
        "unknown config key workspace.timezone — did you mean workspace.time-zone?");
  }

  @Test
  @DisplayName("a SALESMETER_ variable that matches no key does not stop the start")
  void unknownVariable() {
    Start start =
        start(
            Map.of(
                "SALESMETER_DATABSE_PATH",
                "elsewhere.db",
                "SALESMETER_DATABASE_PATH",
                folder.resolve("ok.db").toString()),
            "console",
            "--config",
            emptyConfig.toString());
    assertThat(start.exit()).as(start.err()).isZero();
    assertThat(folder.resolve("ok.db")).exists();
  }

  @Test
  @DisplayName("a real process in HTTP mode on a garbage file prints one line, not 40 of trace")
  void realProcess() throws Exception {
    Path file = Files.writeString(folder.resolve("notes.db"), "not a database");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The application's own logging (the test class path would pick the tests' silent one).
    command.add(
        "-Dlogback.configurationFile="
            + Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("logback.xml"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of("--config", emptyConfig.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(folder.toFile())
            .redirectError(folder.resolve("stderr.txt").toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().keySet().removeIf(name -> name.startsWith("SALESMETER_"));
    builder
        .environment()
        .putAll(
            Map.of(
                "SLACK_BOT_TOKEN", "xoxb-test",
                "SLACK_SIGNING_SECRET", "secret",
                "SALESMETER_SLACK_MODE", "http",
                "SALESMETER_SLACK_HTTP_PORT", "0",
                "SALESMETER_DATABASE_PATH", file.toString()));
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertOneLine(
        new Start(process.exitValue(), Files.readString(folder.resolve("stderr.txt"))),
        "notes.db is not a SQLite database");
  }
}
