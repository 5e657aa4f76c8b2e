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
    assertThat(reply.image().orElseThrow().fileName())
        .isEqualTo("conversion-2026-03-01-2026-03-31.png");
    Png png = Png.of(reply.image().orElseThrow(), ChartLook.WIDTH, ChartLook.HEIGHT);
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
            team.run("/cijfers conversie maart 2026").image().orElseThrow(),
            ChartLook.WIDTH,
            ChartLook.HEIGHT);
    assertThat(png.pixels(ChartLook.FAINT)).isLessThan(100);
    assertThat(team.run("/cijfers conversie april 2026").image()).isEmpty();
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
    Png png = Png.of(reply.image().orElseThrow(), ChartLook.WIDTH, ChartLook.HEIGHT);
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
    Png png = Png.of(reply.image().orElseThrow(), ChartLook.WIDTH, ChartLook.HEIGHT);
    assertThat(png.pixels(ChartLook.BLUE)).isGreaterThan(3_000);
    assertThat(png.cleanEdges(4)).isTrue();
  }
}
