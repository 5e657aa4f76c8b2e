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

/** The leaderboard chart: horizontal bars, best on top, a row for every rep. */
final class LeaderboardChartTest {
  @TempDir Path folder;
  TestWorkspace team;

  @AfterEach
  void close() {
    team.close();
  }

  @Test
  @DisplayName("50 reps, one with a 40-character name in another script: a taller picture")
  void fiftyReps() {
    team = TestWorkspace.english(folder);
    for (int i = 1; i <= 49; i++) {
      team.log("/sale Acme " + (100 * i) + " date:2026-03-02 @rep" + i);
    }
    team.log(
        "/sale Ζαχαροπλαστείο 9999 date:2026-03-03 @\"Ζωή Παπαδοπούλου-Αθανασίου της Θεσσαλονίκης\"");
    Reply reply = team.run("/leaderboard march 2026");
    // 200 pixels of title and axis, and 26 for each of the 50 reps
    Png png = Png.of(reply.picture().orElseThrow(), ChartLook.WIDTH, 200 + 26 * 50);
    assertThat(png.pixels(ChartLook.BLUE)).isGreaterThan(20_000);
    assertThat(png.cleanEdges(4)).isTrue();
  }

  @Test
  @DisplayName("a few reps: the chart keeps its usual size")
  void fewReps() {
    team = TestWorkspace.dutch(folder);
    team.log("/verkoop Acme 500 datum:2026-03-02 @anna");
    team.log("/verkoop Beta 900 datum:2026-03-02 @bram");
    Reply reply = team.run("/ranglijst maart 2026 verkopen");
    Png png = Png.of(reply.picture().orElseThrow(), ChartLook.WIDTH, ChartLook.HEIGHT);
    assertThat(reply.picture().orElseThrow().fileName())
        .isEqualTo("leaderboard-sales-2026-03-01-2026-03-31.png");
    assertThat(png.pixels(ChartLook.BLUE)).isGreaterThan(5_000);
    assertThat(png.inked()).isBetween(0.05, 0.6);
  }
}
