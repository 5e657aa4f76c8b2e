package dev.salesmeter.figure.ltv;

import dev.salesmeter.chart.ChartLook;
import dev.salesmeter.core.Picture;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.store.Rep;
import java.awt.BasicStroke;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * What a customer earns over the years against what acquiring one cost: the profit line crosses the
 * acquisition cost at the payback time (break-even); the expected lifetime is marked. A lifetime
 * left of the crossing is a customer who leaves before paying back. Drawn only where the lifetime
 * is estimated.
 */
final class LtvChart {
  private LtvChart() {}

  static Picture draw(LtvResult result, Formats formats, String title) {
    Messages messages = formats.messages();
    double perYear = result.profitPerCustomer().orElseThrow().doubleValue() / 100;
    BigDecimal lifetime = result.lifetime().orElseThrow();
    double years = lifetime.doubleValue();
    double payback = result.payback().map(BigDecimal::doubleValue).orElse(0.0);
    double end = Math.min(12, Math.max(1, Math.max(years, payback)) * 1.25);
    XYChart chart = ChartLook.lines(ChartLook.drawable(title), formats);
    chart.setXAxisTitle(messages.get("chart.ltv.years"));
    XYSeries profit =
        chart.addSeries(
            messages.get("chart.ltv.profit"), List.of(0.0, end), List.of(0.0, perYear * end));
    profit.setMarker(SeriesMarkers.NONE);
    profit.setLineColor(ChartLook.BLUE);
    profit.setLineStyle(new BasicStroke(4f));
    result
        .cac()
        .filter(cost -> cost.signum() > 0)
        .ifPresent(
            cost -> {
              double units = cost.doubleValue() / 100;
              String name =
                  result.payback().isPresent()
                      ? messages.get(
                          "chart.ltv.cac",
                          formats.oneDecimal(
                              result.payback().get().setScale(1, RoundingMode.HALF_UP)))
                      : messages.get("chart.ltv.cacOnly");
              XYSeries line = chart.addSeries(name, List.of(0.0, end), List.of(units, units));
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
            result.lifetimeCapped()
                ? messages.get("chart.ltv.lifetimeLong", LtvText.years(lifetime))
                : messages.get("chart.ltv.lifetime", LtvText.years(lifetime)),
            List.of(years),
            List.of(0.0));
    lifetimeKey.setMarker(SeriesMarkers.NONE);
    lifetimeKey.setLineColor(ChartLook.ORANGE);
    chart.getStyler().setXAxisMin(0.0);
    chart.getStyler().setXAxisMax(end);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisTickLabelsFormattingFunction(ChartLook.money(formats));
    chart.getStyler().setXAxisTickLabelsFormattingFunction(ChartLook.number(formats));
    return ChartLook.png(
        chart,
        ChartLook.fileName(
            "ltv",
            result.window().start(),
            result.window().end(),
            result.rep().map(Rep::displayName).orElse("")));
  }
}
