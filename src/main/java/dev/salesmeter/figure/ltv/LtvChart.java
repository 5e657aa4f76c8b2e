package dev.salesmeter.figure.ltv;

import dev.salesmeter.chart.ChartLook;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.Picture;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import java.awt.BasicStroke;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * What a customer earns over the years against what acquiring one cost: the profit line crosses the
 * acquisition cost at the payback time (break-even); the expected lifetime is marked. A lifetime
 * left of the crossing is a customer who leaves before paying back.
 */
final class LtvChart {
  private LtvChart() {}

  /**
   * @param profitPerYear a customer's profit a year, in cents
   * @param lifetime the expected lifetime in years
   * @param cac the acquisition cost per new customer in cents, where there were new customers
   */
  static Picture draw(
      Formats formats,
      String title,
      Period window,
      BigDecimal profitPerYear,
      BigDecimal lifetime,
      Optional<BigDecimal> cac) {
    Messages messages = formats.messages();
    double perYear = profitPerYear.doubleValue() / 100;
    double years = lifetime.doubleValue();
    double payback =
        cac.filter(cost -> perYear > 0).map(cost -> cost.doubleValue() / 100 / perYear).orElse(0.0);
    double end = Math.min(12, Math.max(1, Math.max(years, payback)) * 1.25);
    XYChart chart = ChartLook.lines(title, formats);
    chart.setXAxisTitle(messages.get("chart.ltv.years"));
    XYSeries profit =
        chart.addSeries(
            messages.get("chart.ltv.profit"), List.of(0.0, end), List.of(0.0, perYear * end));
    profit.setMarker(SeriesMarkers.NONE);
    profit.setLineColor(ChartLook.BLUE);
    profit.setLineStyle(new BasicStroke(4f));
    cac.ifPresent(
        cost -> {
          XYSeries line =
              chart.addSeries(
                  messages.get("chart.ltv.cac", formats.oneDecimal(BigDecimal.valueOf(payback))),
                  List.of(0.0, end),
                  List.of(cost.doubleValue() / 100, cost.doubleValue() / 100));
          line.setMarker(SeriesMarkers.NONE);
          line.setLineColor(ChartLook.VERMILLION);
          line.setLineStyle(new BasicStroke(3f));
        });
    // The expected lifetime, where the profit line stops being earned.
    chart.getStyler().setAnnotationLineColor(ChartLook.ORANGE);
    chart.getStyler().setAnnotationLineStroke(new BasicStroke(3f));
    chart.addAnnotation(new AnnotationLine(years, true, false));
    XYSeries lifetimeKey =
        chart.addSeries(
            messages.get("chart.ltv.lifetime", formats.number(lifetime)),
            List.of(years),
            List.of(0.0));
    lifetimeKey.setMarker(SeriesMarkers.NONE);
    lifetimeKey.setLineColor(ChartLook.ORANGE);
    chart.getStyler().setXAxisMin(0.0);
    chart.getStyler().setXAxisMax(end);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisTickLabelsFormattingFunction(ChartLook.money(formats));
    chart.getStyler().setXAxisTickLabelsFormattingFunction(ChartLook.number(formats));
    return ChartLook.png(chart, ChartLook.fileName("ltv", window.start(), window.end()));
  }
}
