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
  private static final int ROW_HEIGHT = 26;
  private static final int MAX_HEIGHT = 1_600;
  private static final int LONGEST_NAME = 24;

  private LeaderboardChart() {}

  static Picture draw(
      Formats formats, String title, Period period, Ranking ranking, List<Standing> standings) {
    List<Standing> shown = standings.stream().filter(s -> s.now() > 0).toList();
    int height = Math.min(MAX_HEIGHT, Math.max(ChartLook.HEIGHT, 200 + ROW_HEIGHT * shown.size()));
    HorizontalBarChart chart = ChartLook.horizontalBars(title, formats, ChartLook.WIDTH, height);
    // The first category is drawn on top: the best rep.
    List<String> names = shown.stream().map(s -> cut(ChartLook.drawable(s.rep()))).toList();
    List<Double> values =
        shown.stream()
            .map(s -> ranking == Ranking.REVENUE ? s.now() / 100.0 : (double) s.now())
            .toList();
    HorizontalBarSeries bars =
        chart.addSeries(
            formats.messages().get("chart.leaderboard." + ranking.name().toLowerCase(Locale.ROOT)),
            values,
            names);
    bars.setFillColor(ChartLook.BLUE);
    chart.getStyler().setLegendVisible(false);
    chart
        .getStyler()
        .setXAxisTickLabelsFormattingFunction(
            ranking == Ranking.REVENUE ? ChartLook.money(formats) : ChartLook.number(formats));
    chart.getStyler().setXAxisMin(0.0);
    // Every rep's name on the axis, however many there are (the rows are sized for it).
    chart.getStyler().setYAxisTickMarkSpacingHint(ROW_HEIGHT - 6);
    chart.getStyler().setXAxisTickMarkSpacingHint(ROW_HEIGHT - 6);
    chart.getStyler().setAvailableSpaceFill(0.75);
    return ChartLook.png(
        chart,
        ChartLook.fileName(
            "leaderboard", ranking.name().toLowerCase(Locale.ROOT), period.start(), period.end()));
  }

  /** A name short enough for the axis, cut with an ellipsis. */
  private static String cut(String name) {
    return name.codePointCount(0, name.length()) <= LONGEST_NAME
        ? name
        : name.substring(0, name.offsetByCodePoints(0, LONGEST_NAME - 1)) + "…";
  }
}
