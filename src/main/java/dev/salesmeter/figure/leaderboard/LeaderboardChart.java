package dev.salesmeter.figure.leaderboard;

import dev.salesmeter.chart.ChartLook;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.Picture;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.figure.leaderboard.LeaderboardFigure.Ranking;
import dev.salesmeter.figure.leaderboard.LeaderboardFigure.Standing;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.HorizontalBarChart;
import org.knowm.xchart.HorizontalBarSeries;

/** Reps as horizontal bars, best on top; with many reps the picture grows, names are cut short. */
final class LeaderboardChart {
  private LeaderboardChart() {}

  static Picture draw(
      Formats formats, String title, Period period, Ranking ranking, List<Standing> standings) {
    List<Standing> shown = standings.stream().filter(s -> s.now() > 0).toList();
    HorizontalBarChart chart = ChartLook.ranking(title, formats, shown.size());
    // The first category is drawn on top: the best rep.
    HorizontalBarSeries bars =
        chart.addSeries(
            formats.messages().get("chart.leaderboard." + ranking.name().toLowerCase(Locale.ROOT)),
            shown.stream()
                .map(s -> ranking == Ranking.REVENUE ? s.now() / 100.0 : (double) s.now())
                .toList(),
            shown.stream().map(s -> ChartLook.axisName(s.rep())).toList());
    bars.setFillColor(ChartLook.BLUE);
    chart.getStyler().setLegendVisible(false);
    chart
        .getStyler()
        .setXAxisTickLabelsFormattingFunction(
            ranking == Ranking.REVENUE ? ChartLook.money(formats) : ChartLook.count(formats));
    return ChartLook.png(
        chart,
        ChartLook.fileName(
            "leaderboard", ranking.name().toLowerCase(Locale.ROOT), period.start(), period.end()));
  }
}
