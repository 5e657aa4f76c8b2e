package dev.salesmeter.figure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.command.TestWorkspace;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KPIS.md figures 4 (cross-sell) and 5 (repeat), on one hand-built history. */
final class ShareFiguresTest {
  @TempDir Path folder;
  TestWorkspace team;

  @BeforeEach
  void history() {
    team = TestWorkspace.english(folder);
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
            "3 of 4 sales were cross-sells (75%); €1,000 of €3,000 revenue (33.3%).\n"
                // February: 0 of 1; 75% - 0% = 75 points
                + "Against February 2026: +75 points (by count).\n"
                // anna 1 of 2, bram 2 of 2
                + "By rep: anna 50% · bram 100%.");
  }

  @Test
  @DisplayName("repeat: a new customer's second order in the same period is a repeat")
  void repeat() {
    assertThat(team.run("/kpi herhaling march 2026").text())
        .isEqualTo(
            // Acme 500 (bought in February) and Beta 300 (bought 5 March): 800 of 3000 = 26.7%
            "2 of 4 sales were to existing customers (50%); €800 of €3,000 revenue (26.7%).\n"
                // February: Acme's first sale, 0 of 1
                + "Against February 2026: +50 points (by count).\n"
                + "By rep: anna 50% · bram 50%.");
    assertThat(team.run("/kpi repeat march 2026 @bram").text())
        .startsWith("1 of 2 sales were to existing customers (50%); €300 of €500 revenue (60%).");
  }

  @Test
  @DisplayName("a period without sales says so")
  void noSales() {
    assertThat(team.run("/kpi crosssell january 2026").text())
        .isEqualTo("No sales were logged in January 2026 (1–31 Jan).");
  }
}
