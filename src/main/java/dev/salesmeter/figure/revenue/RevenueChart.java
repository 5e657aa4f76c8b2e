package dev.salesmeter.figure.revenue;

import dev.salesmeter.chart.ChartLook;
import dev.salesmeter.core.Money;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.Picture;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.figure.FigureQuery;
import dev.salesmeter.store.Rep;
import java.awt.BasicStroke;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Revenue through the period, day by day and summed up, against the straight line from nothing to
 * the target (the pace): above the line is ahead.
 */
final class RevenueChart {
  private RevenueChart() {}

  /**
   * @param revenueByDay the revenue of each day with sales, in cents
   * @param through the last day to draw revenue for (today in a running period)
   */
  static Picture draw(
      FigureQuery query,
      Formats formats,
      String title,
      Map<LocalDate, Long> revenueByDay,
      Optional<Money> target,
      LocalDate through) {
    Period period = query.period();
    XYChart chart = ChartLook.lines(title, formats);
    List<Double> days = new ArrayList<>();
    List<Double> cumulative = new ArrayList<>();
    long sum = 0;
    for (LocalDate day = period.start(); !day.isAfter(through); day = day.plusDays(1)) {
      sum += revenueByDay.getOrDefault(day, 0L);
      days.add((double) ChronoUnit.DAYS.between(period.start(), day) + 1);
      cumulative.add(sum / 100.0);
    }
    String revenue = formats.messages().get("chart.revenue.revenue");
    XYSeries line = chart.addSeries(revenue, days, cumulative);
    line.setMarker(SeriesMarkers.NONE);
    line.setLineColor(ChartLook.BLUE);
    line.setLineStyle(new BasicStroke(4f));
    target.ifPresent(
        goal -> {
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
        });
    chart.getStyler().setXAxisMin(1.0);
    chart.getStyler().setXAxisMax((double) period.lengthInDays());
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisTickLabelsFormattingFunction(ChartLook.money(formats));
    chart
        .getStyler()
        .setXAxisTickLabelsFormattingFunction(
            day -> formats.dayAndMonth(period.start().plusDays(Math.round(day) - 1)));
    return ChartLook.png(
        chart,
        ChartLook.fileName(
            "revenue", period.start(), period.end(), query.rep().map(Rep::displayName).orElse("")));
  }
}
