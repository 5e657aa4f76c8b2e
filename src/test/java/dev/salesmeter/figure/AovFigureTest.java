package dev.salesmeter.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.figure.aov.AovFigure;
import dev.salesmeter.figure.aov.AovResult;
import dev.salesmeter.figure.aov.AovResult.Kind;
import dev.salesmeter.figure.aov.AovResult.RepOrders;
import dev.salesmeter.store.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** KPIS.md figure 3 on a hand-built history (31 March 2026). */
@ParameterizedClass
@EnumSource(Database.Engine.class)
final class AovFigureTest {
  @Parameter Database.Engine engine;

  @TempDir Path folder;
  TestWorkspace team;

  @AfterEach
  void close() {
    team.close();
  }

  @Test
  @DisplayName("mean and median per rep; the gatherer and the hunter by the reps' medians")
  void gatherersAndHunters() {
    team = TestWorkspace.english(engine, folder);
    team.run("/sale Feb 1000 date:2026-02-10 @anna");
    team.run("/sale Alpha 100 date:2026-03-02 @anna");
    team.run("/sale Bravo 200 date:2026-03-02 @anna");
    team.run("/sale Charlie 300 date:2026-03-02 @anna");
    team.run("/sale Delta 400 date:2026-03-02 @anna");
    team.run("/sale Big 5000 date:2026-03-03 @bram");
    team.run("/sale Echo 1000 date:2026-03-04 @cathy");
    team.run("/sale Foxtrot 3000 date:2026-03-05 @cathy");
    assertThat(team.run("/kpi aov march 2026").text())
        .isEqualTo(
            // 7 sales, 10000: mean 10000 / 7 = 1428.57, in whole euros as every amount was;
            // median of 100 200 300 400 1000 3000 5000
            "7 sales, €10,000 in all: mean €1,429, median €400.\n"
                + "bram: 1 order of €5,000 — hunter (few big orders)\n"
                + "cathy: 2 orders, mean €2,000, median €2,000\n"
                // anna: 1000 / 4 = 250; median (200 + 300) / 2 = 250
                + "anna: 4 orders, mean €250, median €250 — gatherer (many small orders)\n"
                // counts 1 2 4 → 2; means 250 2000 5000 → 2000
                + "Medians across reps: 2 orders, mean order €2,000.\n"
                // February's mean 1000: 1428.57 - 1000 = 428.57 = 42.9%
                + "Mean order against February 2026: ▲ €429 (+42.9%).");
    assertThat(team.run("/kpi aov march 2026 @anna").text())
        // anna alone: 4 sales, 1000; the median of 100 200 300 400 is (200 + 300) / 2
        .isEqualTo(
            "4 sales, €1,000 in all: mean €250, median €250.\n"
                + "Among the team: anna is a gatherer (many small orders).\n"
                // February: anna's one sale of 1000
                + "Mean order against February 2026: ▼ €750 (−75%).");
    AovResult result = aov().compute(team.query("march 2026"));
    assertThat(result.orders().count()).isEqualTo(7);
    assertThat(result.orders().mean()).isEqualByComparingTo("142857.1428571429");
    assertThat(result.orders().median()).isEqualByComparingTo("40000");
    assertThat(result.countMedian()).isEqualByComparingTo("2");
    assertThat(result.valueMedian()).isEqualByComparingTo("200000");
    assertThat(result.previous().mean()).isEqualByComparingTo("100000");
    assertThat(result.wholeAmounts()).isTrue();
    // best mean first
    assertThat(result.reps())
        .extracting(r -> r.rep().displayName(), RepOrders::kind)
        .containsExactly(
            tuple("bram", Kind.HUNTER), tuple("cathy", Kind.NEITHER), tuple("anna", Kind.GATHERER));
    assertThat(result.reps().get(2).median()).isEqualByComparingTo("25000");
    assertThat(team.run("/kpi ordervalue january 2026").text())
        .isEqualTo("No sales were logged in January 2026 (1–31 Jan).");
  }

  @Test
  @DisplayName(
      "amounts with cents keep cents; an even count's median is the mean of the middle two")
  void cents() {
    team = TestWorkspace.dutch(engine, folder);
    team.run("/verkoop Alpha 100,50 datum:2026-03-02 @anna");
    team.run("/verkoop Bravo 200 datum:2026-03-03 @anna");
    team.run("/verkoop Charlie 301 datum:2026-03-04 @bram");
    team.run("/verkoop Delta 400 datum:2026-03-05 @bram");
    AovResult result = aov().compute(team.query("march 2026"));
    assertThat(result.wholeAmounts()).isFalse();
    // (200 + 301) / 2 = 250.50; 1001.50 / 4 = 250.375
    assertThat(result.orders().median()).isEqualByComparingTo("25050");
    assertThat(result.orders().mean()).isEqualByComparingTo("25037.5");
    assertThat(team.run("/cijfers orderwaarde maart 2026").text())
        .isEqualTo(
            "4 verkopen, samen € 1.001,50: gemiddeld € 250,38, mediaan € 250,50.\n"
                // bram: 701 / 2 = 350.50; anna: 300.50 / 2 = 150.25
                + "bram: 2 orders, gemiddeld € 350,50, mediaan € 350,50\n"
                + "anna: 2 orders, gemiddeld € 150,25, mediaan € 150,25\n"
                + "Medianen over de verkopers: 2 orders, gemiddelde order € 250,38.\n"
                + "Gemiddelde order tegenover februari 2026: toen niets.");
  }

  private AovFigure aov() {
    return team.figure(AovFigure.class);
  }
}
