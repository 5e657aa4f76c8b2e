package dev.salesmeter.figure.revenue;

import dev.salesmeter.chart.ChartLook;
import dev.salesmeter.core.Money;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.Picture;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.figure.revenue.RevenueResult.DayRevenue;
import dev.salesmeter.store.Rep;
import java.awt.BasicStroke;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Revenue through the period, summed up day by day, against the straight line from nothing to the
 * target (the pace): above the line is ahead. The x axis counts days from the period's start, so
 * that even a single day is a line from nothing to its revenue; the end of the line carries the
 * revenue so far.
 */
final class RevenueChart {
  private RevenueChart() {}

  static Picture draw(RevenueResult result, Formats formats, String title) {
    Period period = result.period();
    Map<LocalDate, Long> byDay =
        result.days().stream().collect(Collectors.toMap(DayRevenue::day, d -> d.revenue().cents()));
    XYChart chart = ChartLook.lines(title, formats);
    List<Double> days = new ArrayList<>();
    List<Double> cumulative = new ArrayList<>();
    days.add(0.0);
    cumulative.add(0.0);
    long sum = 0;
    for (LocalDate day = period.start(); !day.isAfter(result.through()); day = day.plusDays(1)) {
      sum += byDay.getOrDefault(day, 0L);
      days.add((double) ChronoUnit.DAYS.between(period.start(), day) + 1);
      cumulative.add(sum / 100.0);
    }
    XYSeries line =
        chart.addSeries(formats.messages().get("chart.revenue.revenue"), days, cumulative);
    line.setMarker(SeriesMarkers.NONE);
    line.setLineColor(ChartLook.BLUE);
    line.setLineStyle(new BasicStroke(4f));
    double top = sum / 100.0;
    if (result.target().isPresent()) {
      Money goal = result.target().get();
      XYSeries pace =
          chart.addSeries(
              formats.messages().get("chart.revenue.pace", formats.money(goal)),
              List.of(0.0, (double) period.lengthInDays()),
              List.of(0.0, goal.cents() / 100.0));
      pace.setMarker(SeriesMarkers.NONE);
      pace.setLineColor(ChartLook.FAINT);
      pace.setLineStyle(
          new BasicStroke(
              3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {10f}, 0f));
      top = Math.max(top, goal.cents() / 100.0);
    }
    // Room above the highest line for the revenue written at the end of its line; an axis of
    // some height even when nothing was sold, so that the line at zero reads as zero.
    double yMax = top > 0 ? top * 1.15 : 1.0;
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(yMax);
    chart.getStyler().setXAxisMin(0.0);
    chart.getStyler().setXAxisMax((double) period.lengthInDays());
    // Dates need room: far enough apart that "13 Feb" and "7 Mar" never touch.
    chart.getStyler().setXAxisTickMarkSpacingHint(110);
    chart.getStyler().setYAxisTickLabelsFormattingFunction(ChartLook.money(formats));
    chart.getStyler().setAnnotationTextFont(ChartLook.font(16, true));
    chart.getStyler().setAnnotationTextFontColor(ChartLook.BLUE);
    chart.addAnnotation(
        new AnnotationText(
            formats.money(result.totals().revenue()),
            // kept off the right edge, where the text would be cut
            Math.min(days.get(days.size() - 1), period.lengthInDays() * 0.93),
            sum / 100.0 + yMax * 0.05,
            false));
    // x counts whole days gone: x = 1 is the end of the first day, labelled with its date.
    chart
        .getStyler()
        .setXAxisTickLabelsFormattingFunction(
            x ->
                x >= 1 && x == Math.rint(x)
                    ? formats.dayAndMonth(period.start().plusDays(Math.round(x) - 1))
                    : "");
    return ChartLook.png(
        chart,
        ChartLook.fileName(
            "revenue",
            period.start(),
            period.end(),
            result.rep().map(Rep::displayName).orElse("")));
  }
}
