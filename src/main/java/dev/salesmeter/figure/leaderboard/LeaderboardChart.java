package dev.salesmeter.figure.leaderboard;

import dev.salesmeter.chart.ChartLook;
import dev.salesmeter.core.Picture;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.figure.leaderboard.LeaderboardFigure.Ranking;
import dev.salesmeter.figure.leaderboard.LeaderboardResult.Place;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.HorizontalBarChart;
import org.knowm.xchart.HorizontalBarSeries;

/**
 * Reps as horizontal bars, best on top, each named with the change of rank since the period before
 * (▲2, ▼1, = or new) and its bar labelled with its value; with many reps the picture grows, names
 * are cut short.
 */
final class LeaderboardChart {
  private LeaderboardChart() {}

  static Picture draw(LeaderboardResult result, Formats formats, String title) {
    Ranking ranking = result.ranking();
    List<Place> places = result.places();
    HorizontalBarChart chart = ChartLook.ranking(title, formats, places.size());
    // The first category is drawn on top: the best rep.
    HorizontalBarSeries bars =
        chart.addSeries(
            formats.messages().get("chart.leaderboard." + ranking.name().toLowerCase(Locale.ROOT)),
            places.stream()
                .map(p -> ranking == Ranking.REVENUE ? p.now() / 100.0 : (double) p.now())
                .toList(),
            places.stream()
                .map(p -> ChartLook.axisName(p.rep()) + "  " + mark(formats, p))
                .toList());
    bars.setFillColor(ChartLook.BLUE);
    chart.getStyler().setLegendVisible(false);
    ChartLook.valueLabels(chart.getStyler());
    chart.getStyler().setLabelsFont(ChartLook.font(15, true));
    double highest =
        places.stream()
            .mapToDouble(p -> ranking == Ranking.REVENUE ? p.now() / 100.0 : p.now())
            .max()
            .orElse(0);
    if (ranking == Ranking.REVENUE) {
      chart.getStyler().setXAxisMax(Math.max(1.0, highest * 1.2));
    } else {
      // Whole sales: the axis ends on a whole number, and the labels say the counts.
      chart.getStyler().setXAxisMax(Math.max(highest + 1, Math.ceil(highest * 1.2)));
      chart.getStyler().setPlotGridVerticalLinesVisible(false);
    }
    chart
        .getStyler()
        .setXAxisTickLabelsFormattingFunction(
            ranking == Ranking.REVENUE ? ChartLook.money(formats) : ChartLook.count(formats));
    return ChartLook.png(
        chart,
        ChartLook.fileName(
            "leaderboard",
            ranking.name().toLowerCase(Locale.ROOT),
            result.period().start(),
            result.period().end()));
  }

  /** The change of rank: "▲2", "▼1", "=", or "new". */
  static String mark(Formats formats, Place place) {
    if (place.isNew()) {
      return formats.messages().get("figure.leaderboard.new");
    }
    int change = place.rankChange();
    return change > 0 ? "▲" + change : change < 0 ? "▼" + -change : "=";
  }
}
