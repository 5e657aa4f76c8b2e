package dev.salesmeter.figure;

import static dev.salesmeter.figure.DrillRows.cell;
import static dev.salesmeter.figure.DrillRows.cents;
import static dev.salesmeter.figure.DrillRows.column;
import static dev.salesmeter.figure.DrillRows.flagged;
import static dev.salesmeter.figure.DrillRows.live;
import static dev.salesmeter.figure.DrillRows.table;
import static dev.salesmeter.figure.DrillRows.voided;
import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.core.Money;
import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.figure.Drilldown.Row;
import dev.salesmeter.figure.Drilldown.Table;
import dev.salesmeter.figure.aov.AovFigure;
import dev.salesmeter.figure.aov.AovResult;
import dev.salesmeter.figure.churn.ChurnFigure;
import dev.salesmeter.figure.churn.ChurnResult;
import dev.salesmeter.figure.conversion.ConversionFigure;
import dev.salesmeter.figure.conversion.ConversionResult;
import dev.salesmeter.figure.crosssell.CrossSellFigure;
import dev.salesmeter.figure.leaderboard.LeaderboardFigure;
import dev.salesmeter.figure.leaderboard.LeaderboardResult;
import dev.salesmeter.figure.ltv.LtvFigure;
import dev.salesmeter.figure.ltv.LtvResult;
import dev.salesmeter.figure.quotes.QuotesFigure;
import dev.salesmeter.figure.quotes.QuotesResult;
import dev.salesmeter.figure.repeat.RepeatFigure;
import dev.salesmeter.figure.revenue.RevenueFigure;
import dev.salesmeter.figure.revenue.RevenueResult;
import dev.salesmeter.store.Database;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The drill-down of every figure on one hand-built history, 31 March 2026 (event numbers in the
 * comments): the live rows reproduce the figure's number, the voided and corrected events are there
 * and marked, a rep sees their part, and another workspace's events never appear. On both engines.
 */
@ParameterizedClass
@EnumSource(Database.Engine.class)
final class DrilldownTest {
  private static final WorkspaceId OTHER = new WorkspaceId("T-other");

  @Parameter Database.Engine engine;

  @TempDir Path folder;
  TestWorkspace team;

  @BeforeEach
  void history() {
    team = TestWorkspace.english(engine, folder);
    // anna's opportunity with Acme: lead, appointment, two quotes, won
    team.log("@anna /lead Acme source:web date:2026-03-02"); // #1
    team.log("@anna /appointment Acme date:2026-03-04"); // #2
    team.log("@anna /quote Acme 1000 date:2026-03-05"); // #3
    team.log("@anna /quote Acme 1200 date:2026-03-06"); // #4: replaces the value of #3
    team.log("@anna /sale Acme 1200 cross-sell margin:30 date:2026-03-10"); // #5
    // bram's with Beta: quoted and lost
    team.log("@bram /lead Beta source:phone date:2026-03-03"); // #6
    team.log("@bram /quote Beta 500 date:2026-03-05"); // #7
    team.log("@bram /lost Beta date:2026-03-20"); // #8
    team.log("@bram /lead Gamma date:2026-03-12"); // #9 ...
    team.log("@bram /void"); // #10: ... voided
    // anna's with Delta: quoted, open, not touched since 16 March: stale (7 days)
    team.log("@anna /lead Delta date:2026-03-15"); // #11
    team.log("@anna /quote Delta 800 date:2026-03-16"); // #12
    // bram's direct sales to Epsilon: one voided, one corrected from 300 to 400
    team.log("@bram /sale Epsilon 300 date:2026-03-18"); // #13
    team.log("@bram /sale Epsilon 9999 date:2026-03-19"); // #14 ...
    team.log("@bram /void"); // #15: ... voided
    team.run("/edit 13 amount:400"); // #16 voids #13, #17 is the copy
    // Acme's first sale was in February: the March sale #5 is a repeat
    team.log("@anna /sale Acme 200 date:2026-02-10"); // #18
    team.log("@anna /quote Delta 900 date:2026-03-17"); // #19 ...
    team.log("@anna /void"); // #20: ... voided: Delta stays at 800, last touched 16 March
    team.log("@bram /quote Zeta 650 date:2026-01-20 new"); // #21: stale, from January
    team.log("@bram /sale Bravo 100 date:2025-03-10"); // #22: silent churn 10 March 2026
    team.log("@anna /sale Charlie 100 date:2025-09-01"); // #23
    team.log("@anna /churn Charlie date:2026-03-15"); // #24
    team.log("/cost \"Trade fair\" 600 date:2026-01-15"); // #25
    team.log("/cost Ads 100 date:2026-02-01"); // #26 ...
    team.log("/void"); // #27: ... voided
    // another workspace: none of it may appear
    for (String line :
        List.of(
            "@anna /lead Other Co date:2026-03-02",
            "@anna /quote Other Co 5000 date:2026-03-03",
            "@anna /sale Other Co 7777 date:2026-03-04",
            "@anna /sale Other Two 100 date:2025-03-10 new",
            "/cost Other fair 3000 date:2026-01-10")) {
      team.run(OTHER, line, UUID.randomUUID().toString());
    }
    assertThat(team.events()).isEqualTo(27);
    assertThat(team.events(OTHER)).isEqualTo(5);
  }

  @AfterEach
  void close() {
    team.close();
  }

  private FigureQuery march(String... rep) {
    return team.query("march 2026", rep);
  }

  private static List<Object> numbers(Table table, List<Row> rows) {
    return column(table, rows, "number");
  }

  private static List<Object> longs(long... values) {
    return Arrays.stream(values).boxed().map(Object.class::cast).toList();
  }

  /** No row of any table names the other workspace's customers or costs. */
  private static void onlyOurs(Drilldown drill) {
    DrillRows.wellFormed(drill);
    for (Table table : drill.tables()) {
      for (Row row : table.rows()) {
        assertThat(row.cells().toString()).doesNotContain("Other");
      }
    }
  }

  @Test
  @DisplayName("revenue: March's sales; the live ones sum to the revenue, voided ones are struck")
  void revenue() {
    // given
    RevenueFigure figure = team.figure(RevenueFigure.class);
    // when
    Drilldown drill = figure.drill(march());
    RevenueResult result = figure.compute(march());
    // then: #5 and #17 live; #13 (corrected) and #14 voided; #18 is February's
    onlyOurs(drill);
    Table sales = table(drill, "sales");
    assertThat(drill.tables()).hasSize(1);
    assertThat(numbers(sales, sales.rows())).isEqualTo(longs(5, 13, 17, 14));
    assertThat(numbers(sales, live(sales))).isEqualTo(longs(5, 17));
    // 1200 + 400 = 1600 from 2 sales, the figure's
    assertThat(cents(sales, live(sales), "amount")).isEqualTo(160_000);
    assertThat(result.totals()).isEqualTo(new RevenueResult.Totals(Money.ofCents(160_000), 2));
    assertThat(live(sales)).hasSize((int) result.totals().sales());
    // the voided ones: the number of the void, and the copy names what it corrects
    assertThat(column(sales, voided(sales), "voided_by")).isEqualTo(longs(16, 15));
    Row copy = live(sales).get(1);
    assertThat(cell(sales, copy, "replaces")).isEqualTo(17L - 4);
    assertThat(cell(sales, copy, "amount")).isEqualTo(Money.ofCents(40_000));
    assertThat(cell(sales, voided(sales).get(0), "amount")).isEqualTo(Money.ofCents(30_000));
    // one row in full: #5
    assertThat(sales.rows().get(0).cells())
        .containsExactly(
            5L,
            LocalDate.of(2026, 3, 10),
            "anna",
            "Acme",
            Money.ofCents(120_000),
            true,
            true,
            "30%",
            null,
            null,
            null);
    // a voided sale is no repeat and no new one: it is not counted
    assertThat(cell(sales, voided(sales).get(1), "repeat")).isNull();
  }

  @Test
  @DisplayName("revenue per rep: only the rep's sales, summing to the rep's revenue")
  void revenueOfRep() {
    RevenueFigure figure = team.figure(RevenueFigure.class);
    Table anna = table(figure.drill(march("anna")), "sales");
    Table bram = table(figure.drill(march("bram")), "sales");
    assertThat(numbers(anna, anna.rows())).isEqualTo(longs(5));
    assertThat(numbers(bram, bram.rows())).isEqualTo(longs(13, 17, 14));
    assertThat(cents(bram, live(bram), "amount"))
        .isEqualTo(figure.compute(march("bram")).totals().revenue().cents())
        .isEqualTo(40_000);
    assertThat(column(bram, bram.rows(), "rep")).containsOnly("bram");
  }

  @Test
  @DisplayName("order value: the live rows' mean is the figure's mean")
  void aov() {
    AovFigure figure = team.figure(AovFigure.class);
    Table sales = table(figure.drill(march()), "sales");
    AovResult result = figure.compute(march());
    // (1200 + 400) / 2 = 800
    assertThat(result.orders().mean()).isEqualByComparingTo("80000");
    assertThat(
            BigDecimal.valueOf(cents(sales, live(sales), "amount"))
                .divide(BigDecimal.valueOf(live(sales).size())))
        .isEqualByComparingTo(result.orders().mean());
    assertThat(live(sales)).hasSize((int) result.orders().count());
  }

  @Test
  @DisplayName("cross-sell and repeat: the flagged live rows are the part, by count and revenue")
  void shares() {
    Table cross = table(team.figure(CrossSellFigure.class).drill(march()), "sales");
    ShareResult crossResult = team.figure(CrossSellFigure.class).compute(march());
    // #5 is a cross-sell: 1 of 2 sales, 1200 of 1600
    assertThat(numbers(cross, flagged(cross, live(cross), "crosssell"))).isEqualTo(longs(5));
    assertThat(crossResult.sales())
        .isEqualTo(
            new ShareResult.Part(
                new Share(1, 2),
                new Share(
                    cents(cross, flagged(cross, live(cross), "crosssell"), "amount"), 160_000)));
    Table repeat = table(team.figure(RepeatFigure.class).drill(march()), "sales");
    ShareResult repeatResult = team.figure(RepeatFigure.class).compute(march());
    // #5 (Acme bought in February) is a repeat; #17 is Epsilon's first live sale, #13 voided
    assertThat(numbers(repeat, flagged(repeat, live(repeat), "repeat"))).isEqualTo(longs(5));
    assertThat(column(repeat, live(repeat), "repeat")).containsExactly(true, false);
    assertThat(repeatResult.sales().byCount()).isEqualTo(new Share(1, 2));
    assertThat(repeatResult.sales().byRevenue()).isEqualTo(new Share(120_000, 160_000));
  }

  @Test
  @DisplayName("conversion: the cohort's leads with the steps each reached; a voided lead struck")
  void conversion() {
    // given Beta's lead corrected to a day later: #28 voids #6, #29 is the copy
    team.run("/edit 6 date:2026-03-04");
    ConversionFigure figure = team.figure(ConversionFigure.class);
    Drilldown drill = figure.drill(march());
    onlyOurs(drill);
    Table leads = table(drill, "leads");
    ConversionResult.Cohort cohort = figure.compute(march()).cohort();
    // Acme (#1), Beta (#6, corrected by #28/#29), Gamma (#9, voided by #10), Delta (#11), by date
    assertThat(numbers(leads, leads.rows())).isEqualTo(longs(1, 6, 29, 9, 11));
    assertThat(numbers(leads, voided(leads))).isEqualTo(longs(6, 9));
    assertThat(column(leads, voided(leads), "voided_by")).isEqualTo(longs(28, 10));
    assertThat(cell(leads, leads.rows().get(2), "replaces")).isEqualTo(6L);
    assertThat(cell(leads, leads.rows().get(2), "date")).isEqualTo(LocalDate.of(2026, 3, 4));
    List<Row> counted = live(leads);
    assertThat(counted).hasSize((int) cohort.leads()).hasSize(3);
    assertThat(steps(leads, counted, "appointment")).isEqualTo(cohort.appointments()).isEqualTo(1);
    assertThat(steps(leads, counted, "quote")).isEqualTo(cohort.quotes()).isEqualTo(3);
    assertThat(steps(leads, counted, "sale")).isEqualTo(cohort.sales()).isEqualTo(1);
    long open =
        counted.stream()
            .filter(r -> cell(leads, r, "sale") == null && cell(leads, r, "lost") == null)
            .count();
    assertThat(open).isEqualTo(cohort.open()).isEqualTo(1);
    // Acme in full: the day each step was first reached
    assertThat(counted.get(0).cells())
        .containsExactly(
            1L,
            LocalDate.of(2026, 3, 2),
            "anna",
            "Acme",
            "web",
            LocalDate.of(2026, 3, 4),
            LocalDate.of(2026, 3, 5),
            LocalDate.of(2026, 3, 10),
            null,
            null,
            null);
    assertThat(cell(leads, counted.get(1), "lost")).isEqualTo(LocalDate.of(2026, 3, 20));
    // per rep: the opportunity's rep
    Table bram = table(figure.drill(march("bram")), "leads");
    assertThat(numbers(bram, bram.rows())).isEqualTo(longs(6, 29, 9));
    assertThat(live(bram)).hasSize((int) figure.compute(march("bram")).cohort().leads());
  }

  private static long steps(Table table, List<Row> rows, String step) {
    return rows.stream().filter(r -> cell(table, r, step) != null).count();
  }

  @Test
  @DisplayName("quotes: the quoted opportunities at their latest quote, their state, and stale")
  void quotes() {
    QuotesFigure figure = team.figure(QuotesFigure.class);
    Drilldown drill = figure.drill(march());
    onlyOurs(drill);
    QuotesResult result = figure.compute(march());
    Table quotes = table(drill, "quotes");
    // Acme (first quote #3), Beta (#7), Delta (#12), and Delta's voided #19, by date
    assertThat(numbers(quotes, quotes.rows())).isEqualTo(longs(3, 7, 12, 19));
    assertThat(cell(quotes, voided(quotes).get(0), "voided_by")).isEqualTo(20L);
    List<Row> counted = live(quotes);
    assertThat(counted).hasSize((int) result.cohort().quoted());
    // valued at the latest quote: 1200 + 500 + 800 = 2500, of which 1200 won
    assertThat(column(quotes, counted, "amount"))
        .containsExactly(Money.ofCents(120_000), Money.ofCents(50_000), Money.ofCents(80_000));
    assertThat(cents(quotes, counted, "amount")).isEqualTo(result.cohort().value());
    assertThat(column(quotes, counted, "state")).containsExactly("won", "lost", "open");
    List<Row> won = counted.stream().filter(r -> "won".equals(cell(quotes, r, "state"))).toList();
    assertThat(won).hasSize((int) result.cohort().won());
    assertThat(cents(quotes, won, "amount")).isEqualTo(result.cohort().wonValue());
    assertThat(column(quotes, counted, "stale")).containsExactly(false, false, true);
    assertThat(cell(quotes, counted.get(2), "touched")).isEqualTo(LocalDate.of(2026, 3, 16));
    // the stale quotes now, whatever the period: Zeta (January) and Delta, oldest first
    Table stale = table(drill, "stale");
    assertThat(column(stale, stale.rows(), "customer")).containsExactly("Zeta", "Delta");
    assertThat(stale.rows()).hasSize((int) result.staleCount());
    Table bramStale = table(figure.drill(march("bram")), "stale");
    assertThat(column(bramStale, bramStale.rows(), "customer")).containsExactly("Zeta");
    Table bram = table(figure.drill(march("bram")), "quotes");
    assertThat(numbers(bram, bram.rows())).isEqualTo(longs(7));
  }

  @Test
  @DisplayName("quotes in Dutch: the state in Dutch words")
  void quotesInDutch() {
    team.close();
    team = TestWorkspace.dutch(engine, folder.resolve("nl"));
    team.log("@anna /offerte Acme 1000 datum:2026-03-05");
    Table quotes = table(team.figure(QuotesFigure.class).drill(march()), "quotes");
    assertThat(column(quotes, quotes.rows(), "state")).containsExactly("open");
    team.log("@anna /verkoop Acme 1000 datum:2026-03-06");
    quotes = table(team.figure(QuotesFigure.class).drill(march()), "quotes");
    assertThat(column(quotes, quotes.rows(), "state")).containsExactly("gewonnen");
  }

  @Test
  @DisplayName("churn: the spells that count; churned rows over active ones is the rate")
  void churn() {
    ChurnFigure figure = team.figures().churn();
    Drilldown drill = figure.drill(march());
    onlyOurs(drill);
    Table spells = table(drill, "spells");
    ChurnResult result = figure.compute(march());
    // active on 1 March: Bravo (since 10 March 2025), Charlie (1 Sep 2025), Acme (10 Feb 2026);
    // new in March: Epsilon (the corrected #17, 18 March)
    assertThat(column(spells, spells.rows(), "customer"))
        .containsExactly("Bravo", "Charlie", "Acme", "Epsilon");
    List<Row> active = flagged(spells, spells.rows(), "active");
    List<Row> churned = flagged(spells, active, "churned");
    assertThat(active).hasSize((int) result.rate().activeAtStart()).hasSize(3);
    assertThat(churned).hasSize((int) result.rate().churned()).hasSize(2);
    assertThat(new Share(churned.size(), active.size())).isEqualTo(result.rate().share());
    // Bravo in full: silent, on the day the window ran out
    assertThat(spells.rows().get(0).cells())
        .containsExactly(
            "Bravo",
            "bram",
            LocalDate.of(2025, 3, 10),
            LocalDate.of(2026, 3, 10),
            true,
            false,
            true,
            true);
    assertThat(cell(spells, spells.rows().get(1), "silent")).isEqualTo(false);
    assertThat(cell(spells, spells.rows().get(1), "end")).isEqualTo(LocalDate.of(2026, 3, 15));
    Row epsilon = spells.rows().get(3);
    assertThat(cell(spells, epsilon, "start")).isEqualTo(LocalDate.of(2026, 3, 18));
    assertThat(cell(spells, epsilon, "active")).isEqualTo(false);
    assertThat(cell(spells, epsilon, "owner")).isEqualTo("bram");
    // per rep, by the owner at the start: anna owns Charlie and Acme, one of whom left
    Table anna = table(figure.drill(march("anna")), "spells");
    assertThat(column(anna, anna.rows(), "customer")).containsExactly("Charlie", "Acme");
    ChurnFigure.Rate annaRate = figure.compute(march("anna")).rate();
    assertThat(flagged(anna, anna.rows(), "active")).hasSize((int) annaRate.activeAtStart());
    assertThat(flagged(anna, anna.rows(), "churned")).hasSize((int) annaRate.churned()).hasSize(1);
  }

  @Test
  @DisplayName("lifetime value: the window's sales, costs and churned customers tie to the figure")
  void ltv() {
    LtvFigure figure = team.figure(LtvFigure.class);
    Drilldown drill = figure.drill(march());
    onlyOurs(drill);
    LtvResult result = figure.compute(march());
    assertThat(drill.tables()).extracting(Table::key).containsExactly("sales", "costs", "churned");
    // 1 April 2025 to 31 March 2026: Charlie #23, Acme #18 and #5, Epsilon #13 (voided), #17,
    // #14 (voided); Bravo's #22 is before the window
    Table sales = table(drill, "sales");
    assertThat(numbers(sales, sales.rows())).isEqualTo(longs(23, 18, 5, 13, 17, 14));
    // 100 + 200 + 1200 + 400 = 1900 from 3 customers, all 3 new in the window
    assertThat(cents(sales, live(sales), "amount"))
        .isEqualTo(result.revenueCents())
        .isEqualTo(190_000);
    assertThat(column(sales, live(sales), "customer").stream().distinct().count())
        .isEqualTo(result.customers())
        .isEqualTo(3);
    assertThat(live(sales).stream().filter(r -> cell(sales, r, "repeat").equals(false)).count())
        .isEqualTo(result.newCustomers());
    // profit: 1200 × 30% + (100 + 200 + 400) × 25% (the default) = 360 + 175 = 535
    assertThat(result.profitCents()).isEqualByComparingTo("53500");
    // costs: 600 live, the 100 voided by #27
    Table costs = table(drill, "costs");
    assertThat(costs.rows())
        .extracting(Row::cells)
        .containsExactly(
            Arrays.asList(
                25L, LocalDate.of(2026, 1, 15), "Trade fair", Money.ofCents(60_000), null, null),
            Arrays.asList(26L, LocalDate.of(2026, 2, 1), "Ads", Money.ofCents(10_000), 27L, null));
    assertThat(cents(costs, live(costs), "amount")).isEqualTo(result.costsCents());
    // churn of the window: Bravo was active on 1 April 2025 and left on 10 March 2026
    Table churned = table(drill, "churned");
    assertThat(column(churned, churned.rows(), "customer")).containsExactly("Bravo");
    assertThat(churned.rows()).hasSize((int) result.rate().churned());
    // per rep, the customers the rep owns at the window's end: bram owns Epsilon
    Drilldown bram = figure.drill(march("bram"));
    Table bramSales = table(bram, "sales");
    assertThat(numbers(bramSales, bramSales.rows())).isEqualTo(longs(13, 17, 14));
    assertThat(cents(bramSales, live(bramSales), "amount"))
        .isEqualTo(figure.compute(march("bram")).revenueCents());
    assertThat(table(bram, "costs").rows()).hasSize(2);
    Table annaSales = table(figure.drill(march("anna")), "sales");
    assertThat(cents(annaSales, live(annaSales), "amount"))
        .isEqualTo(figure.compute(march("anna")).revenueCents())
        .isEqualTo(150_000);
  }

  @Test
  @DisplayName("leaderboard: each rep's sales by place on the board; a rep's rows sum to theirs")
  void leaderboard() {
    LeaderboardFigure figure = team.figure(LeaderboardFigure.class);
    Drilldown drill = figure.drill(march());
    onlyOurs(drill);
    Table sales = table(drill, "sales");
    LeaderboardResult board = figure.compute(march());
    // anna 1200 first, then bram 400 with his voided sales among his rows
    assertThat(numbers(sales, sales.rows())).isEqualTo(longs(5, 13, 17, 14));
    assertThat(column(sales, sales.rows(), "rep")).containsExactly("anna", "bram", "bram", "bram");
    for (LeaderboardResult.Place place : board.places()) {
      List<Row> ofRep =
          live(sales).stream().filter(r -> cell(sales, r, "rep").equals(place.rep())).toList();
      assertThat(cents(sales, ofRep, "amount")).as(place.rep()).isEqualTo(place.now());
    }
    assertThat(board.places())
        .extracting(LeaderboardResult.Place::rep)
        .containsExactly("anna", "bram");
    Table bram = table(figure.drill(march("bram")), "sales");
    assertThat(column(bram, bram.rows(), "rep")).containsOnly("bram");
  }

  @Test
  @DisplayName("names with quotes, SQL and emoji come back as typed; an empty period has no rows")
  void hostileNames() {
    String name = "O'Brien; DROP TABLE events; -- 🍕";
    team.log("@anna /sale \"" + name + "\" 50 date:2026-03-30 new");
    Table sales = table(team.figure(RevenueFigure.class).drill(march()), "sales");
    assertThat(column(sales, sales.rows(), "customer")).contains(name);
    assertThat(team.events()).isEqualTo(28);
    for (Figure<?> figure : team.figures().all()) {
      Drilldown empty = figure.drill(team.query("2020"));
      DrillRows.wellFormed(empty);
      assertThat(empty.tables()).as(figure.name()).isNotEmpty();
      assertThat(empty.tables().stream().filter(t -> !t.key().equals("stale")))
          .as(figure.name())
          .allSatisfy(t -> assertThat(t.rows()).isEmpty());
    }
  }
}
