package dev.salesmeter.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.figure.ShareResult.Part;
import dev.salesmeter.figure.ShareResult.RepPart;
import dev.salesmeter.figure.crosssell.CrossSellFigure;
import dev.salesmeter.store.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** KPIS.md figures 4 (cross-sell) and 5 (repeat), on one hand-built history. */
@ParameterizedClass
@EnumSource(Database.Engine.class)
final class ShareFiguresTest {
  @Parameter Database.Engine engine;

  @TempDir Path folder;
  TestWorkspace team;

  @BeforeEach
  void history() {
    team = TestWorkspace.english(engine, folder);
    team.run("/sale Acme 1000 date:2026-02-10 @anna"); // February; Acme's first sale
    team.run("/sale Acme 500 cross-sell date:2026-03-02 @anna"); // repeat (February), cross-sell
    team.run("/sale Beta 2000 date:2026-03-05 @anna"); // new
    team.run("/sale Beta 300 cross-sell date:2026-03-06 @bram"); // repeat (5 March), cross-sell
    team.run("/sale Gamma 200 cross-sell date:2026-03-07 @bram"); // new, cross-sell
    team.run("/sale Delta 999 cross-sell date:2026-03-08 @bram");
    team.run("/void"); // voided: not counted
  }

  @AfterEach
  void close() {
    team.close();
  }

  @Test
  @DisplayName("cross-sell: 3 of March's 4 sales, 1000 of 3000 revenue")
  void crossSell() {
    assertThat(team.run("/kpi crosssell march 2026").text())
        .isEqualTo(
            // 500 + 300 + 200 = 1000 of 500 + 2000 + 300 + 200 = 3000: 33.3%
            "Cross-sells: 3 of 4 sales (75%); €1,000 of €3,000 revenue (33.3%).\n"
                // February: 0 of 1; 75% - 0% = 75 points
                + "Against February 2026: +75 points (by count).\n"
                // bram 2 of 2, anna 1 of 2: best share first
                + "By rep: bram 100%, anna 50%.");
    ShareResult result = team.figure(CrossSellFigure.class).compute(team.query("march 2026"));
    assertThat(result.sales()).isEqualTo(new Part(new Share(3, 4), new Share(100_000, 300_000)));
    assertThat(result.previous()).isEqualTo(new Part(new Share(0, 1), new Share(0, 100_000)));
    assertThat(result.byCountChange())
        .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("75"));
    assertThat(result.reps())
        .extracting(r -> r.rep().displayName(), RepPart::part)
        .containsExactly(
            tuple("bram", new Part(new Share(2, 2), new Share(50_000, 50_000))),
            tuple("anna", new Part(new Share(1, 2), new Share(50_000, 250_000))));
  }

  @Test
  @DisplayName("repeat: a new customer's second order in the same period is a repeat")
  void repeat() {
    assertThat(team.run("/kpi herhaling march 2026").text())
        .isEqualTo(
            // Acme 500 (bought in February) and Beta 300 (bought 5 March): 800 of 3000 = 26.7%
            "To existing customers: 2 of 4 sales (50%); €800 of €3,000 revenue (26.7%).\n"
                // February: Acme's first sale, 0 of 1
                + "Against February 2026: +50 points (by count).\n"
                // equal by count: bram's 300 of 500 by revenue before anna's 500 of 2500
                + "By rep: bram 50%, anna 50%.");
    assertThat(team.run("/kpi repeat march 2026 @bram").text())
        .startsWith("To existing customers: 1 of 2 sales (50%); €300 of €500 revenue (60%).");
  }

  @Test
  @DisplayName("a period without sales says so")
  void noSales() {
    assertThat(team.run("/kpi crosssell january 2026").text())
        .isEqualTo("No sales were logged in January 2026 (1–31 Jan).");
  }

  @Test
  @DisplayName("one sale reads in the singular; none marked says so; a span of days by its dates")
  void wording() {
    // February: Acme's one sale, new, no cross-sell
    assertThat(team.run("/kpi crosssell february 2026").text())
        .isEqualTo(
            "The one sale was no cross-sell.\n"
                + "Against January 2026: no sales then.\n"
                + "By rep: anna 0%.");
    assertThat(team.run("/kpi repeat february 2026 @anna").text())
        .isEqualTo("The one sale was to a new customer.\nAgainst January 2026: no sales then.");
    // 2–31 March against 31 January–1 March (Acme's 1000, no cross-sell): 75 − 0 points
    assertThat(team.run("/kpi crosssell last 30 days").text())
        .contains("Against 31 Jan–1 Mar: +75 points (by count).");
    // a rep without sales in the period is not listed
    team.run("/sale Zeta 100 date:2026-02-11 @cathy");
    assertThat(team.run("/kpi crosssell march 2026").text()).doesNotContain("cathy");
  }

  @Test
  @DisplayName("in Dutch: plurals, names and the change in points")
  void dutch() {
    team.close();
    team = TestWorkspace.dutch(engine, folder.resolve("nl"));
    team.run("/verkoop Acme 1000 kruisverkoop datum:2026-03-02 @anna");
    team.run("/verkoop Beta 500 datum:2026-03-03 @anna");
    team.run("/verkoop Acme 250 datum:2026-02-03 @anna");
    assertThat(team.run("/cijfers kruisverkoop maart 2026").text())
        .isEqualTo(
            "Kruisverkoop: 1 van 2 verkopen (50%); € 1.000 van € 1.500 omzet (66,7%).\n"
                + "Tegenover februari 2026: +50 procentpunt (in aantal).\n"
                + "Per verkoper: anna 50%.");
    assertThat(team.run("/cijfers herhaling februari 2026").text())
        .isEqualTo(
            "De enige verkoop was aan een nieuwe klant.\n"
                + "Tegenover januari 2026: toen geen verkopen.\n"
                + "Per verkoper: anna 0%.");
  }
}
