package dev.salesmeter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.salesmeter.core.Percentage;
import dev.salesmeter.core.WorkspaceSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class ConfigTest {
  @TempDir Path folder;

  private Path write(String yaml) throws IOException {
    return Files.writeString(folder.resolve("config.yaml"), yaml);
  }

  @Test
  @DisplayName("with no file and no environment, the documented defaults apply")
  void defaults() {
    Config config = Config.load(folder.resolve("missing.yaml"), Map.of());
    assertThat(config.database().path()).isEqualTo(Path.of("salesmeter.db"));
    assertThat(config.workspace().settings()).isEqualTo(WorkspaceSettings.DEFAULTS);
    assertThat(config.workspace().managers()).isEmpty();
  }

  @Test
  @DisplayName(
      "the listeners: public on 3000 (every interface only in Slack's HTTP mode), management on"
          + " 127.0.0.1:8081, 0 turns it off; slack.http.port is an alias of http.port")
  void listeners() throws IOException {
    Path none = folder.resolve("none.yaml");
    Config defaults = Config.load(none, Map.of());
    assertThat(defaults.httpPort()).isEqualTo(3000);
    assertThat(defaults.httpBind()).isEqualTo("127.0.0.1");
    assertThat(defaults.management().port()).isEqualTo(8081);
    assertThat(defaults.management().bind()).isEqualTo("127.0.0.1");
    assertThat(defaults.management().enabled()).isTrue();

    Config httpMode =
        Config.load(
            none,
            Map.of(
                "SALESMETER_SLACK_MODE", "http",
                "SALESMETER_HTTP_PORT", "8080",
                "SALESMETER_MANAGEMENT_PORT", "0"));
    assertThat(httpMode.httpBind()).isEqualTo("0.0.0.0");
    assertThat(httpMode.httpPort()).isEqualTo(8080);
    assertThat(httpMode.management().enabled()).isFalse();

    assertThat(Config.load(write("slack: {http: {port: 4000}}"), Map.of()).httpPort())
        .isEqualTo(4000);
    assertThat(Config.load(write("http: {port: 4000, bind: 10.0.0.5}"), Map.of()).httpBind())
        .isEqualTo("10.0.0.5");
    assertThat(
            Config.load(write("slack: {http: {port: 4000}}\nhttp: {port: 4000}"), Map.of())
                .httpPort())
        .isEqualTo(4000);
    assertThatThrownBy(
            () -> Config.load(write("slack: {http: {port: 4000}}\nhttp: {port: 5000}"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("http.port and slack.http.port");
    assertThatThrownBy(() -> Config.load(write("management: {port: 70000}"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("management.port");
  }

  @Test
  @DisplayName("the committed config.example.yaml loads and matches the defaults")
  void example() {
    Config config = Config.load(Path.of("config.example.yaml"), Map.of());
    assertThat(config.workspace().settings()).isEqualTo(WorkspaceSettings.DEFAULTS);
    assertThat(config.database().path()).isEqualTo(Path.of("salesmeter.db"));
  }

  @Test
  @DisplayName("the file sets keys; the environment overrides each by its SALESMETER_ name")
  void fileThenEnvironment() throws IOException {
    Path file =
        write(
            """
            workspace:
              locale: nl
              time-zone: Europe/Brussels
              default-margin: 27.5
              managers: [lisa, mark]
              name: Verkoop Noord
            database:
              path: data/file.db
            """);
    Config config =
        Config.load(
            file,
            Map.of(
                "SALESMETER_DATABASE_PATH", "/var/lib/salesmeter/env.db",
                "SALESMETER_WORKSPACE_STALE_QUOTE_DAYS", "10",
                "SALESMETER_WORKSPACE_MANAGERS", "anna, bram"));
    WorkspaceSettings settings = config.workspace().settings();
    assertThat(settings.name()).isEqualTo("Verkoop Noord");
    assertThat(settings.locale().getLanguage()).isEqualTo("nl");
    assertThat(settings.zone()).isEqualTo(ZoneId.of("Europe/Brussels"));
    assertThat(settings.defaultMargin()).isEqualTo(Percentage.ofBasisPoints(2750));
    assertThat(settings.staleQuoteDays()).isEqualTo(10);
    assertThat(config.workspace().managers()).isEqualTo(List.of("anna", "bram"));
    assertThat(config.database().path()).isEqualTo(Path.of("/var/lib/salesmeter/env.db"));
  }

  @Test
  @DisplayName("schedules from the file, and the nudges' repeat days")
  void schedules() throws IOException {
    Config defaults = Config.load(folder.resolve("missing.yaml"), Map.of());
    assertThat(defaults.schedules()).isEmpty();
    assertThat(defaults.nudges().repeatDays()).isEqualTo(3);
    Path file =
        write(
            """
            nudges:
              repeat-days: 5
            schedules:
              - workspace: T0123ABCD
                platform: slack
                channel: C0123ABCD
                routine: scorecard
                when: monday 09:00
            """);
    Config config = Config.load(file, Map.of());
    assertThat(config.nudges().repeatDays()).isEqualTo(5);
    assertThat(config.schedules())
        .containsExactly(
            new Config.ScheduleSeed(
                "T0123ABCD", "slack", "C0123ABCD", "scorecard", "monday 09:00"));
  }

  @Test
  @DisplayName("Discord: its own addresses by default; guilds and manager roles as id lists")
  void discord() throws IOException {
    Config defaults = Config.load(folder.resolve("missing.yaml"), Map.of());
    assertThat(defaults.discord())
        .isEqualTo(
            new Config.Discord(
                "https://discord.com/api/v10/", "wss://gateway.discord.gg/", List.of(), List.of()));
    assertThat(defaults.workspace().userLanguage()).isFalse();
    Path file =
        write(
            """
            workspace:
              user-language: true
            discord:
              guilds: [700000000000000001, "700000000000000002"]
            """);
    Config config =
        Config.load(
            file,
            Map.of(
                "SALESMETER_DISCORD_API_URL", "http://127.0.0.1:9000/api/v10/",
                "SALESMETER_DISCORD_GATEWAY_URL", "ws://127.0.0.1:9001/",
                "SALESMETER_DISCORD_MANAGER_ROLES", "720000000000000001, 720000000000000002"));
    assertThat(config.workspace().settings().userLanguage()).isTrue();
    assertThat(config.discord().apiUrl()).isEqualTo("http://127.0.0.1:9000/api/v10/");
    assertThat(config.discord().gatewayUrl()).isEqualTo("ws://127.0.0.1:9001/");
    assertThat(config.discord().guilds())
        .containsExactly("700000000000000001", "700000000000000002");
    assertThat(config.discord().managerRoles())
        .containsExactly("720000000000000001", "720000000000000002");
  }

  @Test
  @DisplayName("environment names follow the keys")
  void environmentNames() {
    assertThat(Config.environmentName("slack.api-url")).isEqualTo("SALESMETER_SLACK_API_URL");
    assertThat(Config.environmentName("database.path")).isEqualTo("SALESMETER_DATABASE_PATH");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "workspace: {colour: red}                 | unknown config key workspace.colour",
        "databse: {path: x.db}                    | unknown config key databse",
        "slack: {http: {prot: 80}}                | unknown config key slack.http.prot",
        "workspace: {locale: de}                  | workspace.locale must be en or nl",
        "workspace: {time-zone: Mars/Olympus}     | workspace.time-zone \"Mars/Olympus\" is not a time zone",
        "workspace: {currency: EURO}              | workspace.currency \"EURO\" is not an ISO 4217 code",
        "workspace: {default-margin: 120}         | workspace.default-margin must be a percentage",
        "workspace: {inactivity-days: 0}          | workspace.inactivity-days must be at least 1",
        "workspace: {stale-quote-days: soon}      | workspace.stale-quote-days must be a whole number, not \"soon\"",
        "workspace: {stale-quote-days: 7.5}       | workspace.stale-quote-days must be a whole number, not 7.5",
        "workspace: {managers: {anna: yes}}       | workspace.managers must be a list, not a section of keys",
        "database: {path: }                       | config key database.path has no value",
        "database: {path: ''}                     | database.path is missing",
        "'just text'                              | must hold keys such as database.path",
        "'workspace: [unclosed'                   | is not valid YAML",
        "discord: {guilds: [sales-team]}          | discord.guilds and discord.manager-roles hold Discord ids",
        "workspace: {user-language: maybe}        | workspace.user-language must be true or false, not \"maybe\"",
        "nudges: {repeat-days: 0}                 | nudges.repeat-days must be at least 1",
        "schedules: [{workspace: T1, platform: teams, channel: C1}] | platform must be slack or discord",
        "schedules: [{workspace: T1, platform: slack}] | needs a workspace and a channel",
      })
  @DisplayName("a wrong key or value fails at start, naming the key")
  void wrong(String yaml, String message) throws IOException {
    Path file = write(yaml);
    assertThatThrownBy(() -> Config.load(file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "workspace: {timezone: UTC}  | did you mean workspace.time-zone?",
        "databse: {path: x.db}       | did you mean database?",
        "slack: {http: {prot: 80}}   | did you mean slack.http.port?",
        "slack: {time-zone: UTC}     | did you mean workspace.time-zone?",
        "workspace: {colour: red}    | config.example.yaml lists every key",
      })
  @DisplayName("an unknown key is answered with the closest valid one, when one is close")
  void closestKey(String yaml, String remedy) throws IOException {
    Path file = write(yaml);
    assertThatThrownBy(() -> Config.load(file, Map.of()))
        .isInstanceOfSatisfying(
            ConfigException.class, problem -> assertThat(problem.remedy()).isEqualTo(remedy));
  }

  @Test
  @DisplayName(
      "a SALESMETER_ variable that matches no key: one warning line each, and the start goes on")
  void unknownVariables() {
    ch.qos.logback.classic.Logger logger =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(Config.class);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    Level before = logger.getLevel();
    logger.setLevel(Level.WARN);
    logger.addAppender(lines);
    try {
      Config config =
          Config.load(
              folder.resolve("none.yaml"),
              Map.of(
                  "SALESMETER_DATABSE_PATH", "typo.db",
                  "SALESMETER_DEPLOYMENT_COLOUR", "blue",
                  "SALESMETER_DATABASE_PATH", "right.db"));
      assertThat(config.database().path()).isEqualTo(Path.of("right.db"));
    } finally {
      logger.detachAppender(lines);
      logger.setLevel(before);
    }
    assertThat(lines.list)
        .extracting(ILoggingEvent::getLevel, ILoggingEvent::getFormattedMessage)
        .containsExactly(
            tuple(
                Level.WARN,
                "SALESMETER_DATABSE_PATH matches no configuration key and is ignored; did you mean"
                    + " SALESMETER_DATABASE_PATH?"),
            tuple(
                Level.WARN,
                "SALESMETER_DEPLOYMENT_COLOUR matches no configuration key and is ignored;"
                    + " config.example.yaml lists every key"));
  }

  @Test
  @DisplayName("http.public-url: unset, from the file or the environment, its slash taken off")
  void publicUrl() throws IOException {
    assertThat(Config.load(folder.resolve("none.yaml"), Map.of()).publicUrl()).isEmpty();
    assertThat(
            Config.load(write("http: {public-url: \"https://sales.example.com/\"}"), Map.of())
                .publicUrl())
        .contains("https://sales.example.com");
    assertThat(
            Config.load(
                    folder.resolve("none.yaml"),
                    Map.of("SALESMETER_HTTP_PUBLIC_URL", "http://10.0.0.5:3000"))
                .publicUrl())
        .contains("http://10.0.0.5:3000");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "sales.example.com                      | must start with https:// or http://",
        "ftp://sales.example.com                | must start with https:// or http://",
        "https://                               | is not a URL",
        "https://sales.example.com/dashboard    | without a path, query or fragment",
        "https://sales.example.com/?team=1      | without a path, query or fragment",
        "https://sales.example.com/#top         | without a path, query or fragment",
        "https://admin:pw@sales.example.com     | must name a host, and no user",
        "https://sales example.com              | is not a URL",
      })
  @DisplayName("a public URL that is no address to open: one line naming http.public-url")
  void wrongPublicUrl(String url, String message) {
    assertThatThrownBy(
            () ->
                Config.load(folder.resolve("none.yaml"), Map.of("SALESMETER_HTTP_PUBLIC_URL", url)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("http.public-url")
        .hasMessageContaining(message);
  }

  @Test
  @DisplayName("SALESMETER_DASHBOARD_SECRET is a secret, not an unknown key: no warning")
  void dashboardSecretIsKnown() {
    ch.qos.logback.classic.Logger logger =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(Config.class);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    logger.addAppender(lines);
    try {
      Config.load(
          folder.resolve("none.yaml"), Map.of("SALESMETER_DASHBOARD_SECRET", "x".repeat(40)));
    } finally {
      logger.detachAppender(lines);
    }
    assertThat(lines.list).isEmpty();
  }

  @Test
  @DisplayName("a wrong value from the environment names the key too")
  void wrongFromEnvironment() {
    assertThatThrownBy(
            () ->
                Config.load(
                    folder.resolve("none.yaml"), Map.of("SALESMETER_WORKSPACE_LOCALE", "fr")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("workspace.locale");
  }
}
