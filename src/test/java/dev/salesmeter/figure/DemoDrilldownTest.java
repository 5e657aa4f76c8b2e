package dev.salesmeter.figure;

import static dev.salesmeter.figure.DrillRows.cell;
import static dev.salesmeter.figure.DrillRows.cents;
import static dev.salesmeter.figure.DrillRows.column;
import static dev.salesmeter.figure.DrillRows.flagged;
import static dev.salesmeter.figure.DrillRows.live;
import static dev.salesmeter.figure.DrillRows.table;
import static dev.salesmeter.figure.DrillRows.voided;
import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.app.DemoHistory;
import dev.salesmeter.command.CommandRegistry;
import dev.salesmeter.command.CommandSpec;
import dev.salesmeter.command.Commands;
import dev.salesmeter.command.PeriodParser;
import dev.salesmeter.console.Console;
import dev.salesmeter.core.RepMention;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.figure.Drilldown.Row;
import dev.salesmeter.figure.Drilldown.Table;
import dev.salesmeter.figure.aov.AovFigure;
import dev.salesmeter.figure.aov.AovResult;
import dev.salesmeter.figure.churn.ChurnResult;
import dev.salesmeter.figure.conversion.ConversionFigure;
import dev.salesmeter.figure.conversion.ConversionResult;
import dev.salesmeter.figure.crosssell.CrossSellFigure;
import dev.salesmeter.figure.leaderboard.LeaderboardResult;
import dev.salesmeter.figure.ltv.LtvFigure;
import dev.salesmeter.figure.ltv.LtvResult;
import dev.salesmeter.figure.quotes.QuotesResult;
import dev.salesmeter.figure.repeat.RepeatFigure;
import dev.salesmeter.figure.revenue.RevenueResult;
import dev.salesmeter.store.Database;
import dev.salesmeter.store.EventLog;
import dev.salesmeter.store.Rep;
import dev.salesmeter.store.RepRoster;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every figure's drill-down on the demo history (31 March 2026), for several periods, for the team
 * and for single reps: the live rows tie to the computed result, number by number.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class DemoDrilldownTest {
  private static final Instant NOW = Instant.parse("2026-03-31T15:00:00Z");
  private static final List<String> PERIODS =
      List.of(
          "march 2026",
          "last month",
          "Q1 2026",
          "2025",
          "last 30 days",
          "2026-W10",
          "ytd",
          "2024-11-01..2025-02-15");

  @TempDir static Path folder;
  private Database database;
  private Figures figures;
  private EventLog log;
  private WorkspaceSettings settings;

  @BeforeAll
  void demo() {
    Clock clock = Clock.fixed(NOW, ZoneId.of("Europe/Amsterdam"));
    settings = WorkspaceSettings.DEFAULTS;
    database = Database.open(folder.resolve("demo.db"));
    log = new EventLog(database, settings, clock);
    List<CommandSpec> specs = new ArrayList<>(CommandRegistry.loggingCommands(log));
    figures = Figures.standard(database);
    specs.addAll(CommandRegistry.figureCommands(figures, log));
    Commands commands =
        new Commands(new CommandRegistry(specs), log, new RepRoster(database), clock);
    Console console = new Console(commands, Set.of(), settings.locale(), folder);
    log.configure(Console.WORKSPACE, settings);
    DemoHistory.fill(console, log, settings, clock);
  }

  @AfterAll
  void close() {
    database.close();
  }

  Stream<Arguments> questions() {
    return PERIODS.stream()
        .flatMap(
            p -> Stream.of(Arguments.of(p, ""), Arguments.of(p, "anna"), Arguments.of(p, "gijs")));
  }

  private FigureQuery query(String period, String rep) {
    Optional<Rep> asked =
        rep.isEmpty()
            ? Optional.empty()
            : Optional.of(log.rep(Console.WORKSPACE, RepMention.byName(rep)).orElseThrow());
    LocalDate today = LocalDate.ofInstant(NOW, settings.zone());
    return new FigureQuery(
        Console.WORKSPACE, settings, PeriodParser.parse(period, today), asked, NOW);
  }

  private <F extends Figure<?>> F figure(Class<F> type) {
    return figures.all().stream()
        .filter(type::isInstance)
        .map(type::cast)
        .findFirst()
        .orElseThrow();
  }

  @Test
  @DisplayName("the demo has voided sales in the drill-downs, struck and not counted")
  void voidedSales() {
    Table sales = table(figures.revenue().drill(query("Q1 2026", "")), "sales");
    assertThat(voided(sales)).isNotEmpty();
    assertThat(column(sales, voided(sales), "voided_by")).doesNotContainNull();
    assertThat(column(sales, voided(sales), "repeat")).containsOnlyNulls();
    assertThat(column(sales, live(sales), "repeat")).doesNotContainNull();
  }

  @ParameterizedTest(name = "sales figures, {0} {1}")
  @DisplayName("revenue, order value, cross-sell, repeat and the leaderboard tie to their sales")
  @MethodSource("questions")
  void sales(String period, String rep) {
    FigureQuery query = query(period, rep);
    Drilldown drill = figures.revenue().drill(query);
    DrillRows.wellFormed(drill);
    Table sales = table(drill, "sales");
    List<Row> live = live(sales);
    if (rep.isEmpty()) {
      // The demo team sells every week: an empty table would tie 0 to 0 and test nothing.
      assertThat(live).isNotEmpty();
    }
    RevenueResult revenue = figures.revenue().compute(query);
    assertThat(cents(sales, live, "amount")).isEqualTo(revenue.totals().revenue().cents());
    assertThat((long) live.size()).isEqualTo(revenue.totals().sales());
    // the same sales for every figure that counts them
    for (Figure<?> figure :
        List.of(
            figure(AovFigure.class), figure(CrossSellFigure.class), figure(RepeatFigure.class))) {
      assertThat(figure.drill(query)).as(figure.name()).isEqualTo(drill);
    }
    AovResult.Orders orders = figure(AovFigure.class).compute(query).orders();
    assertThat((long) live.size()).isEqualTo(orders.count());
    assertThat(cents(sales, live, "amount")).isEqualTo(orders.total().cents());
    share(sales, live, "crosssell", figure(CrossSellFigure.class).compute(query));
    share(sales, live, "repeat", figure(RepeatFigure.class).compute(query));
    // the leaderboard: the same rows, by place, each rep's live rows summing to theirs
    Table board = table(figures.leaderboard().drill(query), "sales");
    assertThat(board.rows()).containsExactlyInAnyOrderElementsOf(sales.rows());
    LeaderboardResult places = figures.leaderboard().compute(query);
    List<Object> order = column(board, board.rows(), "rep").stream().distinct().toList();
    List<String> placed =
        places.places().stream().filter(p -> order.contains(p.rep())).map(p -> p.rep()).toList();
    assertThat(order).containsExactlyElementsOf(placed);
    for (LeaderboardResult.Place place : places.places()) {
      List<Row> ofRep =
          live(board).stream().filter(r -> cell(board, r, "rep").equals(place.rep())).toList();
      if (rep.isEmpty() || rep.equals(place.rep())) {
        assertThat(cents(board, ofRep, "amount")).as(place.rep()).isEqualTo(place.now());
      }
    }
  }

  private static void share(Table sales, List<Row> live, String flag, ShareResult result) {
    List<Row> marked = flagged(sales, live, flag);
    assertThat(result.sales().byCount()).as(flag).isEqualTo(new Share(marked.size(), live.size()));
    assertThat(result.sales().byRevenue())
        .as(flag)
        .isEqualTo(new Share(cents(sales, marked, "amount"), cents(sales, live, "amount")));
  }

  @ParameterizedTest(name = "conversion, {0} {1}")
  @DisplayName("the funnel: the cohort's leads and the steps they reached")
  @MethodSource("questions")
  void conversion(String period, String rep) {
    FigureQuery query = query(period, rep);
    Drilldown drill = figure(ConversionFigure.class).drill(query);
    DrillRows.wellFormed(drill);
    Table leads = table(drill, "leads");
    List<Row> live = live(leads);
    ConversionResult.Cohort cohort = figure(ConversionFigure.class).compute(query).cohort();
    assertThat((long) live.size()).isEqualTo(cohort.leads());
    assertThat(reached(leads, live, "appointment")).isEqualTo(cohort.appointments());
    assertThat(reached(leads, live, "quote")).isEqualTo(cohort.quotes());
    assertThat(reached(leads, live, "sale")).isEqualTo(cohort.sales());
    assertThat(
            live.stream()
                .filter(
                    r -> cell(leads, r, "appointment") != null && cell(leads, r, "sale") != null)
                .count())
        .isEqualTo(cohort.appointmentSales());
    assertThat(
            live.stream()
                .filter(r -> cell(leads, r, "sale") == null && cell(leads, r, "lost") == null)
                .count())
        .isEqualTo(cohort.open());
  }

  private static long reached(Table table, List<Row> rows, String step) {
    return rows.stream().filter(r -> cell(table, r, step) != null).count();
  }

  @ParameterizedTest(name = "quotes, {0} {1}")
  @DisplayName("quotes: the quoted opportunities by state and value, and the stale ones now")
  @MethodSource("questions")
  void quotes(String period, String rep) {
    FigureQuery query = query(period, rep);
    Drilldown drill = figures.quotes().drill(query);
    DrillRows.wellFormed(drill);
    Table quotes = table(drill, "quotes");
    List<Row> live = live(quotes);
    QuotesResult result = figures.quotes().compute(query);
    assertThat((long) live.size()).isEqualTo(result.cohort().quoted());
    assertThat(cents(quotes, live, "amount")).isEqualTo(result.cohort().value());
    List<Row> won = live.stream().filter(r -> "won".equals(cell(quotes, r, "state"))).toList();
    assertThat((long) won.size()).isEqualTo(result.cohort().won());
    assertThat(cents(quotes, won, "amount")).isEqualTo(result.cohort().wonValue());
    assertThat(live.stream().filter(r -> "lost".equals(cell(quotes, r, "state"))).count())
        .isEqualTo(result.cohort().lost());
    assertThat((long) table(drill, "stale").rows().size()).isEqualTo(result.staleCount());
  }

  @ParameterizedTest(name = "churn, {0} {1}")
  @DisplayName("churn: the rate recomputed from the spells")
  @MethodSource("questions")
  void churn(String period, String rep) {
    FigureQuery query = query(period, rep);
    Drilldown drill = figures.churn().drill(query);
    DrillRows.wellFormed(drill);
    Table spells = table(drill, "spells");
    ChurnResult result = figures.churn().compute(query);
    List<Row> active = flagged(spells, spells.rows(), "active");
    assertThat((long) active.size()).isEqualTo(result.rate().activeAtStart());
    assertThat((long) flagged(spells, active, "churned").size()).isEqualTo(result.rate().churned());
    List<Row> started = spells.rows().stream().filter(r -> !active.contains(r)).toList();
    assertThat(flagged(spells, started, "wonback")).hasSameSizeAs(result.wonBack());
    assertThat(started.size() - flagged(spells, started, "wonback").size())
        .isEqualTo(result.fresh().size());
  }

  @ParameterizedTest(name = "ltv, {0} {1}")
  @DisplayName("lifetime value: revenue, customers, costs and churn of the window")
  @MethodSource("questions")
  void ltv(String period, String rep) {
    FigureQuery query = query(period, rep);
    Drilldown drill = figure(LtvFigure.class).drill(query);
    DrillRows.wellFormed(drill);
    LtvResult result = figure(LtvFigure.class).compute(query);
    Table sales = table(drill, "sales");
    List<Row> live = live(sales);
    assertThat(cents(sales, live, "amount")).isEqualTo(result.revenueCents());
    assertThat(column(sales, live, "customer").stream().distinct().count())
        .isEqualTo(result.customers());
    if (rep.isEmpty()) {
      assertThat(live.stream().filter(r -> cell(sales, r, "repeat").equals(false)).count())
          .isEqualTo(result.newCustomers());
    }
    Table costs = table(drill, "costs");
    assertThat(cents(costs, live(costs), "amount")).isEqualTo(result.costsCents());
    assertThat((long) table(drill, "churned").rows().size()).isEqualTo(result.rate().churned());
  }
}
