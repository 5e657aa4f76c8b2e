package dev.salesmeter.figure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.command.TestWorkspace;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KPIS.md figure 3 on a hand-built history (31 March 2026). */
final class AovFigureTest {
  @TempDir Path folder;
  TestWorkspace team;

  @AfterEach
  void close() {
    team.close();
  }

  @Test
  @DisplayName("mean and median per rep; the gatherer and the hunter by the reps' medians")
  void gatherersAndHunters() {
    team = TestWorkspace.english(folder);
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
            // 7 sales, 10000: mean 10000 / 7 = 1428.57; median of 100 200 300 400 1000 3000 5000
            "7 sales, €10,000 in all: mean €1,428.57, median €400.\n"
                + "bram: 1 order, mean €5,000, median €5,000 — hunter (few big orders)\n"
                + "cathy: 2 orders, mean €2,000, median €2,000\n"
                // anna: 1000 / 4 = 250; median (200 + 300) / 2 = 250
                + "anna: 4 orders, mean €250, median €250 — gatherer (many small orders)\n"
                // counts 1 2 4 → 2; means 250 2000 5000 → 2000
                + "Medians across reps: 2 orders, mean order €2,000.\n"
                // February's mean 1000: 1428.57 - 1000 = 428.57 = 42.9%
                + "Mean order against February 2026: ▲ €428.57 (+42.9%).");
    assertThat(team.run("/kpi aov march 2026 @anna").text())
        // anna alone: 4 sales, 1000; the median of 100 200 300 400 is (200 + 300) / 2
        .startsWith("4 sales, €1,000 in all: mean €250, median €250.\n");
    assertThat(team.run("/kpi ordervalue january 2026").text())
        .isEqualTo("No sales were logged in January 2026 (1–31 Jan).");
  }
}
