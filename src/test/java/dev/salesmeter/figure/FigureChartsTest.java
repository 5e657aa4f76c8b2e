package dev.salesmeter.figure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.chart.ChartLook;
import dev.salesmeter.chart.Png;
import dev.salesmeter.command.Reply;
import dev.salesmeter.command.TestWorkspace;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The funnel and order-value charts, on small hand-built histories and on 50 reps. */
final class FigureChartsTest {
  @TempDir Path folder;
  TestWorkspace team;

  @AfterEach
  void close() {
    team.close();
  }

  @Test
  @DisplayName("the funnel: this period's bars in blue, the period before's faint beside them")
  void funnel() {
    team = TestWorkspace.english(folder);
    team.log("/lead Acme date:2026-02-03 @anna");
    team.log("/lead Beta date:2026-03-03 @anna");
    team.log("/quote Beta 500 date:2026-03-04 @anna");
    Reply reply = team.run("/kpi conversion march 2026");
    assertThat(reply.picture().orElseThrow().fileName())
        .isEqualTo("conversion-2026-03-01-2026-03-31.png");
    Png png = Png.of(reply.picture().orElseThrow(), ChartLook.WIDTH, ChartLook.HEIGHT);
    assertThat(png.pixels(ChartLook.BLUE)).isGreaterThan(2_000);
    assertThat(png.pixels(ChartLook.FAINT)).isGreaterThan(2_000);
    assertThat(png.cleanEdges(4)).isTrue();
  }

  @Test
  @DisplayName("a funnel with nothing before it draws no faint bars; no leads draws no chart")
  void funnelAlone() {
    team = TestWorkspace.dutch(folder);
    team.log("/aanvraag Acme datum:2026-03-03 @anna");
    Png png =
        Png.of(
            team.run("/cijfers conversie maart 2026").picture().orElseThrow(),
            ChartLook.WIDTH,
            ChartLook.HEIGHT);
    assertThat(png.pixels(ChartLook.FAINT)).isLessThan(100);
    assertThat(team.run("/cijfers conversie april 2026").picture()).isEmpty();
  }

  @Test
  @DisplayName("gatherers and hunters: a point per rep and the medians' lines in orange")
  void orderValue() {
    team = TestWorkspace.english(folder);
    for (int i = 0; i < 5; i++) {
      team.log("/sale Acme 100 date:2026-03-0" + (i + 2) + " @anna");
    }
    team.log("/sale Big 9000 date:2026-03-03 @bram");
    team.log("/sale Mid 2000 date:2026-03-04 @cathy");
    team.log("/sale Mid 2500 date:2026-03-05 @cathy");
    Reply reply = team.run("/kpi aov march 2026");
    Png png = Png.of(reply.picture().orElseThrow(), ChartLook.WIDTH, ChartLook.HEIGHT);
    assertThat(png.pixels(ChartLook.BLUE)).isGreaterThan(300);
    assertThat(png.pixels(ChartLook.ORANGE)).isGreaterThan(300);
    assertThat(png.cleanEdges(4)).isTrue();
  }

  @Test
  @DisplayName("50 reps with long names still make one clean picture")
  void orderValueFiftyReps() {
    team = TestWorkspace.english(folder);
    for (int i = 1; i <= 50; i++) {
      team.log(
          "/sale Acme " + (100 * i) + " date:2026-03-02 @\"Representative number " + i + " ✨\"");
    }
    Reply reply = team.run("/kpi aov march 2026");
    Png png = Png.of(reply.picture().orElseThrow(), ChartLook.WIDTH, ChartLook.HEIGHT);
    assertThat(png.pixels(ChartLook.BLUE)).isGreaterThan(3_000);
    assertThat(png.cleanEdges(4)).isTrue();
  }

  @Test
  @DisplayName("cross-sell: the team and each rep, share of sales in blue and of revenue in orange")
  void shares() {
    team = TestWorkspace.english(folder);
    team.log("/sale Acme 100 cross-sell date:2026-03-02 @anna");
    team.log("/sale Beta 900 date:2026-03-02 @anna");
    team.log("/sale Gamma 500 cross-sell date:2026-03-03 @bram");
    Reply reply = team.run("/kpi crosssell march 2026");
    assertThat(reply.picture().orElseThrow().fileName())
        .isEqualTo("crosssell-2026-03-01-2026-03-31.png");
    Png png = Png.of(reply.picture().orElseThrow(), ChartLook.WIDTH, ChartLook.HEIGHT);
    assertThat(png.pixels(ChartLook.BLUE)).isGreaterThan(2_000);
    assertThat(png.pixels(ChartLook.ORANGE)).isGreaterThan(1_000);
  }

  @Test
  @DisplayName("lifetime value: profit in blue crossing the acquisition cost in vermillion")
  void lifetime() {
    team = TestWorkspace.english(folder);
    // active on 1 April 2025 and gone by March 2026: churn 1 of 1, a lifetime of 1 year
    team.log("/sale Oud 100 date:2025-01-10 @anna");
    team.log("/sale Acme 4000 date:2026-01-05 @anna");
    team.log("/cost Fair 1000 date:2026-01-02");
    Reply reply = team.run("/kpi ltv march 2026");
    Png png = Png.of(reply.picture().orElseThrow(), ChartLook.WIDTH, ChartLook.HEIGHT);
    assertThat(png.pixels(ChartLook.BLUE)).isGreaterThan(1_000);
    assertThat(png.pixels(ChartLook.VERMILLION)).isGreaterThan(500);
    assertThat(png.pixels(ChartLook.ORANGE)).isGreaterThan(200);
  }

  @Test
  @DisplayName("quotes: outcomes and stale quotes per rep side by side in one picture")
  void quotes() {
    team = TestWorkspace.dutch(folder);
    team.log("/offerte Acme 1000 datum:2026-03-02 @anna");
    team.log("/offerte Beta 2000 datum:2026-03-03 @bram");
    team.log("/verkoop Beta 2000 datum:2026-03-10 @bram");
    Reply reply = team.run("/cijfers offertes maart 2026");
    // two cells of 760 by 540 under a heading of 96
    Png png = Png.of(reply.picture().orElseThrow(), 2 * 760, 96 + 540);
    assertThat(png.pixels(ChartLook.BLUE)).isGreaterThan(1_000);
    // Acme's quote of 2 March is stale by 31 March
    assertThat(png.pixels(ChartLook.VERMILLION)).isGreaterThan(1_000);
    assertThat(png.cleanEdges(4)).isTrue();
  }

  @Test
  @DisplayName("churn: the rate per month above, new and lost customers per month below")
  void churn() {
    team = TestWorkspace.english(folder);
    team.log("/sale Acme 100 date:2025-06-02");
    team.log("/sale Beta 100 date:2025-07-02");
    team.log("/churn Beta date:2026-02-10");
    Reply reply = team.run("/kpi churn march 2026");
    assertThat(reply.picture().orElseThrow().fileName())
        .isEqualTo("churn-2026-03-01-2026-03-31.png");
    // two panels of 330 under a heading of 96
    Png png = Png.of(reply.picture().orElseThrow(), ChartLook.WIDTH, 96 + 2 * 330);
    assertThat(png.pixels(ChartLook.GREEN)).isGreaterThan(100);
    assertThat(png.pixels(ChartLook.VERMILLION)).isGreaterThan(100);
    assertThat(png.pixels(ChartLook.BLUE)).isGreaterThan(100);
  }
}
