package dev.salesmeter.figure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.app.DemoHistory;
import dev.salesmeter.command.CommandRegistry;
import dev.salesmeter.command.CommandSpec;
import dev.salesmeter.command.Commands;
import dev.salesmeter.command.PeriodParser;
import dev.salesmeter.command.Reply;
import dev.salesmeter.console.Console;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.figure.churn.ChurnFigure;
import dev.salesmeter.figure.churn.ChurnResult;
import dev.salesmeter.store.Database;
import dev.salesmeter.store.EventLog;
import dev.salesmeter.store.RepRoster;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every figure, the leaderboard and the scorecard on the demo history (filled once per language, 31
 * March 2026), for every form of period KPIS.md lets a user type, in English and in Dutch: each
 * answers in words, never with an error, and each chart it draws decodes as a PNG. The charts of
 * "last 7 days", of a range and of the year to date once crashed: the current and the previous
 * period's series had the same name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class DemoPeriodsTest {
  private static final Instant NOW = Instant.parse("2026-03-31T15:00:00Z");

  private static final List<String> FIGURES =
      List.of(
          "conversion",
          "quotes",
          "aov",
          "revenue",
          "churn",
          "ltv",
          "crosssell",
          "repeat",
          "leaderboard");

  private static final List<String> ENGLISH_PERIODS =
      List.of(
          "today",
          "yesterday",
          "this week",
          "last week",
          "this month",
          "last month",
          "this quarter",
          "last quarter",
          "this year",
          "last year",
          "ytd",
          "last 30 days",
          "last 6 weeks",
          "last 3 months",
          "march 2026",
          "Q1 2026",
          "2025",
          "2026-W10",
          "2026-03-01..2026-03-15");

  private static final List<String> DUTCH_PERIODS =
      List.of(
          "vandaag",
          "gisteren",
          "deze week",
          "vorige week",
          "deze maand",
          "vorige maand",
          "dit kwartaal",
          "vorig kwartaal",
          "dit jaar",
          "vorig jaar",
          "ytd",
          "laatste 30 dagen",
          "laatste 6 weken",
          "laatste 3 maanden",
          "maart 2026",
          "2026-Q1",
          "2025",
          "week 10",
          "2026-03-01..2026-03-15");

  @TempDir static Path folder;
  private final List<Database> databases = new ArrayList<>();
  private Console english;
  private Console dutch;
  private Figures englishFigures;
  private WorkspaceSettings englishSettings;

  @BeforeAll
  void demo() {
    english = console(Locale.ENGLISH);
    dutch = console(Locale.forLanguageTag("nl"));
  }

  private Console console(Locale locale) {
    Clock clock = Clock.fixed(NOW, ZoneId.of("Europe/Amsterdam"));
    WorkspaceSettings defaults = WorkspaceSettings.DEFAULTS;
    WorkspaceSettings settings =
        new WorkspaceSettings(
            locale,
            defaults.zone(),
            defaults.currency(),
            defaults.defaultMargin(),
            defaults.inactivityDays(),
            defaults.staleQuoteDays(),
            "",
            false);
    Database database = Database.open(folder.resolve(locale.getLanguage() + ".db"));
    databases.add(database);
    EventLog log = new EventLog(database, settings, clock);
    List<CommandSpec> specs = new ArrayList<>(CommandRegistry.loggingCommands(log));
    Figures figures = Figures.standard(database);
    if (englishFigures == null) {
      englishFigures = figures;
      englishSettings = settings;
    }
    specs.addAll(CommandRegistry.figureCommands(figures, log));
    Commands commands =
        new Commands(new CommandRegistry(specs), log, new RepRoster(database), clock);
    Console console = new Console(commands, Set.of(), settings.locale(), folder);
    log.configure(Console.WORKSPACE, settings);
    DemoHistory.fill(console, log, settings, clock);
    return console;
  }

  @AfterAll
  void close() {
    databases.forEach(Database::close);
  }

  Stream<Arguments> englishQuestions() {
    return FIGURES.stream()
        .flatMap(figure -> ENGLISH_PERIODS.stream().map(p -> Arguments.of(figure, p)));
  }

  Stream<Arguments> dutchQuestions() {
    return FIGURES.stream()
        .flatMap(figure -> DUTCH_PERIODS.stream().map(p -> Arguments.of(figure, p)));
  }

  @ParameterizedTest(name = "/kpi {0} {1}")
  @DisplayName("every figure of every period form in English: words, and a chart that decodes")
  @MethodSource("englishQuestions")
  void english(String figure, String period) throws IOException {
    answered(english, "/kpi " + figure + " " + period);
  }

  @ParameterizedTest(name = "/cijfers {0} {1}")
  @DisplayName("every figure of every period form in Dutch: words, and a chart that decodes")
  @MethodSource("dutchQuestions")
  void dutch(String figure, String period) throws IOException {
    answered(dutch, "/cijfers " + figure + " " + period);
  }

  Stream<String> weeks() {
    return Stream.of("", "this week", "last week", "2026-W10", "2025-W52", "2024-W40");
  }

  @ParameterizedTest(name = "/scorecard {0}")
  @DisplayName("the scorecard of a running, a full, an old and an empty week")
  @MethodSource("weeks")
  void scorecard(String week) throws IOException {
    answered(english, "/scorecard " + week);
  }

  @ParameterizedTest(name = "churn months of {0}")
  @DisplayName("the churn chart's months, counted along the index, equal each month asked alone")
  @MethodSource("churnPeriods")
  void churnMonths(String period) {
    // given
    ChurnFigure churn = englishFigures.churn();
    LocalDate today = LocalDate.ofInstant(NOW, englishSettings.zone());
    FigureQuery query =
        new FigureQuery(
            Console.WORKSPACE,
            englishSettings,
            PeriodParser.parse(period, today),
            Optional.empty(),
            NOW);
    // when
    List<ChurnResult.Month> months = churn.compute(query).months();
    // then
    assertThat(months).isNotEmpty();
    for (ChurnResult.Month month : months) {
      ChurnResult alone = churn.compute(query.withPeriod(month.month()));
      assertThat(month.rate()).as(month.month().toString()).isEqualTo(alone.rate());
      assertThat(month.fresh()).as(month.month().toString()).isEqualTo(alone.fresh().size());
    }
  }

  Stream<String> churnPeriods() {
    return Stream.of("march 2026", "2025", "last quarter");
  }

  private static void answered(Console console, String line) throws IOException {
    // when
    Reply reply = console.run(line).orElseThrow();
    // then: an answer for the channel, not an error, and its chart decodes
    assertThat(reply.ephemeral()).as(line + ": " + reply.text()).isFalse();
    assertThat(reply.text()).isNotBlank().doesNotContain("{", "}", "ref ");
    if (reply.picture().isPresent()) {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(reply.picture().get().png()));
      assertThat(image).as(line).isNotNull();
      assertThat(image.getWidth()).isGreaterThan(300);
    }
  }
}
