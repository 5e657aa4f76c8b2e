package dev.salesmeter.figure;

import dev.salesmeter.chart.ChartLook;
import dev.salesmeter.core.Picture;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.ShareResult.Part;
import dev.salesmeter.figure.ShareResult.RepPart;
import dev.salesmeter.store.Rep;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HorizontalBarChart;

/**
 * A share of sales as bars: by count (blue) and by revenue (orange), the team (or the asked rep)
 * first, then each rep, best first; a row each, so that every name is written however many reps
 * there are, and each bar carries its percentage, so that a share of nothing reads as 0%.
 */
final class ShareChart {
  private ShareChart() {}

  static Picture draw(ShareResult result, Formats formats, String title, String chartName) {
    Messages messages = formats.messages();
    List<String> names = new ArrayList<>();
    List<Part> parts = new ArrayList<>();
    names.add(
        ChartLook.axisName(
            result.rep().map(Rep::displayName).orElse(messages.get("chart.share.team"))));
    parts.add(result.sales());
    for (RepPart rep : result.reps()) {
      names.add(ChartLook.axisName(rep.rep().displayName()));
      parts.add(rep.part());
    }
    HorizontalBarChart chart = ChartLook.ranking(title, formats, names.size());
    List<Double> byCount =
        parts.stream().map(p -> p.byCount().percentOrZero().doubleValue()).toList();
    List<Double> byRevenue =
        parts.stream().map(p -> p.byRevenue().percentOrZero().doubleValue()).toList();
    chart
        .addSeries(messages.get("chart.share.byCount"), byCount, distinct(names))
        .setFillColor(ChartLook.BLUE);
    chart
        .addSeries(messages.get("chart.share.byRevenue"), byRevenue, distinct(names))
        .setFillColor(ChartLook.ORANGE);
    double highest =
        Math.max(
            byCount.stream().mapToDouble(Double::doubleValue).max().orElse(0),
            byRevenue.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    // Room beyond the longest bar for its label, in tens of percent, up to 110% for a full bar.
    chart.getStyler().setXAxisMax(Math.min(115, Math.max(10, Math.ceil(highest * 1.15 / 10) * 10)));
    ChartLook.valueLabels(chart.getStyler());
    chart.getStyler().setLabelsFont(ChartLook.font(13, false));
    chart
        .getStyler()
        .setXAxisTickLabelsFormattingFunction(
            // the ticks (whole tens) and the bars' labels, to one decimal as the text has it
            value ->
                value > 100.5
                    ? ""
                    : formats.percent(BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP)));
    return ChartLook.png(
        chart,
        ChartLook.fileName(
            chartName,
            result.period().start(),
            result.period().end(),
            result.rep().map(Rep::displayName).orElse("")));
  }

  /** The names as categories: a name written twice (two reps cut alike) still gets its own row. */
  private static List<String> distinct(List<String> names) {
    List<String> rows = new ArrayList<>();
    for (String name : names) {
      String row = name;
      while (rows.contains(row)) {
        row = row + "\u200b";
      }
      rows.add(row);
    }
    return rows;
  }
}
