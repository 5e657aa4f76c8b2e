package dev.salesmeter.figure.churn;

import dev.salesmeter.chart.ChartLook;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.Picture;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.churn.ChurnFigure.Rate;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Month by month: the customers active at the start (faint), new ones (green) and those who left
 * (vermillion), with the churn rate as a line on its own axis.
 */
final class ChurnChart {
  private ChurnChart() {}

  /** One month's churn and its new customers. */
  record Month(Period month, Rate rate, long fresh) {}

  static Picture draw(Formats formats, String title, Period period, List<Month> months) {
    Messages messages = formats.messages();
    CategoryChart chart = ChartLook.bars(title, formats);
    List<String> names =
        months.stream()
            .map(m -> formats.dayAndMonth(m.month().start()).replaceFirst("^1 ", ""))
            .toList();
    chart
        .addSeries(
            messages.get("chart.churn.active"),
            names,
            months.stream().map(m -> (double) m.rate().activeAtStart()).toList())
        .setFillColor(ChartLook.FAINT);
    chart
        .addSeries(
            messages.get("chart.churn.new"),
            names,
            months.stream().map(m -> (double) m.fresh()).toList())
        .setFillColor(ChartLook.GREEN);
    chart
        .addSeries(
            messages.get("chart.churn.churned"),
            names,
            months.stream().map(m -> (double) m.rate().churned()).toList())
        .setFillColor(ChartLook.VERMILLION);
    CategorySeries rate =
        chart.addSeries(
            messages.get("chart.churn.rate"),
            names,
            months.stream().map(m -> m.rate().percent().doubleValue()).toList());
    rate.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
    rate.setLineColor(ChartLook.BLUE);
    rate.setMarker(SeriesMarkers.CIRCLE);
    rate.setMarkerColor(ChartLook.BLUE);
    rate.setYAxisGroup(1);
    chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
    chart.getStyler().setYAxisMin(0, 0.0);
    chart.getStyler().setYAxisMin(1, 0.0);
    chart.getStyler().setYAxisTickLabelsFormattingFunction(ChartLook.count(formats));
    chart.getStyler().setXAxisTickMarkSpacingHint(10);
    chart.getStyler().setAvailableSpaceFill(0.9);
    return ChartLook.png(chart, ChartLook.fileName("churn", period.start(), period.end()));
  }
}
