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

/** The revenue chart: revenue summed day by day against the target's pace. */
final class RevenueChartTest {
  @TempDir Path folder;
  TestWorkspace team;

  @AfterEach
  void close() {
    team.close();
  }

  @Test
  @DisplayName("revenue and the target's pace are drawn in the palette's blue and the faint grey")
  void revenueAndPace() {
    team = TestWorkspace.english(folder);
    team.log("/sale Acme 4000 date:2026-03-02 @anna");
    team.log("/sale Beta 2500 date:2026-03-20 @bram");
    team.log("/target 10000 march 2026");
    Reply reply = team.run("/kpi revenue march 2026");
    Png png = Png.of(reply.picture().orElseThrow(), ChartLook.WIDTH, ChartLook.HEIGHT);
    assertThat(reply.picture().orElseThrow().fileName())
        .isEqualTo("revenue-2026-03-01-2026-03-31.png");
    assertThat(png.pixels(ChartLook.BLUE)).isGreaterThan(1_000);
    assertThat(png.pixels(ChartLook.FAINT)).isGreaterThan(300);
    assertThat(png.inked()).isBetween(0.02, 0.5);
    assertThat(png.cleanEdges(4)).isTrue();
  }

  @Test
  @DisplayName("without a target there is no pace line; one rep's chart is named after the rep")
  void noTarget() {
    team = TestWorkspace.dutch(folder);
    team.log("/verkoop Acme 4000 datum:2026-03-02 @\"Anna de Vries\"");
    Reply reply = team.run("/cijfers omzet maart 2026 @\"Anna de Vries\"");
    Png png = Png.of(reply.picture().orElseThrow(), ChartLook.WIDTH, ChartLook.HEIGHT);
    assertThat(reply.picture().orElseThrow().fileName())
        .isEqualTo("revenue-2026-03-01-2026-03-31-Anna-de-Vries.png");
    assertThat(png.pixels(ChartLook.BLUE)).isGreaterThan(1_000);
    assertThat(png.pixels(ChartLook.FAINT)).isLessThan(50);
  }

  @Test
  @DisplayName("a period with nothing to draw has no chart; the text says why")
  void nothing() {
    team = TestWorkspace.english(folder);
    Reply reply = team.run("/kpi revenue march 2026");
    assertThat(reply.picture()).isEmpty();
    assertThat(reply.text()).startsWith("No sales were logged in March 2026");
  }
}
