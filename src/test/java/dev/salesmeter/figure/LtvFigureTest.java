package dev.salesmeter.figure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.command.TestWorkspace;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KPIS.md figure 7, with the seed's worked example: CAC €1,000, €250 profit a year, 3 years. */
final class LtvFigureTest {
  @TempDir Path folder;
  TestWorkspace team;

  @AfterEach
  void close() {
    team.close();
  }

  @Test
  @DisplayName("the worked example: payback 4.0 years, LTV €750 < CAC €1,000, said plainly")
  void workedExample() {
    team = TestWorkspace.english(folder);
    // three customers active on 1 January 2025 (bought in 2024); Charlie leaves in March
    team.run("/sale Alpha 100 date:2024-06-01");
    team.run("/sale Bravo 100 date:2024-07-01");
    team.run("/sale Charlie 100 date:2024-08-01");
    team.run("/churn Charlie date:2025-03-01");
    // 2025: four customers buy 1000 each; two of them are new
    team.run("/sale Alpha 1000 date:2025-05-01");
    team.run("/sale Bravo 1000 date:2025-05-02");
    team.run("/sale November 1000 date:2025-02-01");
    team.run("/sale Oscar 1000 date:2025-03-01");
    team.run("/cost Ads 2000 date:2025-01-15");
    assertThat(team.run("/kpi ltv 2025").text())
        .isEqualTo(
            // 4000 / 4 customers = 1000 a year; default margin 25% → 250 profit
            "A customer brought €1,000 revenue a year (4 customers); at a margin of 25% that is"
                + " €250 profit a year.\n"
                // 1 of 3 left: 33.3% a year, lifetime 1 / (1/3) = 3 years; 250 × 3 = 750
                + "Churn 33.3% a year (1 of 3): an expected lifetime of 3 years, so a lifetime"
                + " value of €750.\n"
                // 2000 / 2 new = 1000; 1000 / 250 = 4.0 years; 750 / 1000 = 0.75
                + "Acquiring a customer cost €1,000 (€2,000 over 2 new customers): payback in 4.0"
                + " years; LTV : CAC 0.75.\n"
                // 1000 - 750 = 250
                + "A customer stays 3 years but takes 4.0 years to pay back what winning them cost:"
                + " each new customer loses the business €250.");
  }

  @Test
  @DisplayName("no churn in the window: a lifetime of at least 10 years; per-sale margins count")
  void noChurn() {
    team = TestWorkspace.english(folder);
    team.run("/sale Alpha 1000 margin:40 date:2025-05-01");
    team.run("/sale Bravo 1000 date:2025-06-01");
    assertThat(team.run("/kpi klantwaarde 2025").text())
        .startsWith(
            // (1000 × 40% + 1000 × 25%) / 2 = 325 profit a year; 650 / 2000 = 32.5%
            "A customer brought €1,000 revenue a year (2 customers); at a margin of 32.5% that is"
                + " €325 profit a year.\n"
                + "Churn 0% a year (0 of 0): an expected lifetime of ≥ 10 years, so a lifetime"
                + " value of €3,250.");
  }
}
