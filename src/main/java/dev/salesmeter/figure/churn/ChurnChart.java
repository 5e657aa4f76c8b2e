package dev.salesmeter.figure.churn;

import dev.salesmeter.chart.ChartLook;
import dev.salesmeter.core.Picture;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.store.Rep;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Month by month, on the same months one above the other: the churn rate (of the customers active
 * at the month's start, the share who left in it), and below it the new customers (green) and those
 * who left (vermillion). Two panels rather than two axes on one, so that each has its own scale and
 * the rate's points sit on their months, not beside their bars.
 */
final class ChurnChart {
  private static final int CELL_HEIGHT = 330;

  private ChurnChart() {}

  static Picture draw(ChurnResult result, Formats formats, String title) {
    Messages messages = formats.messages();
    List<ChurnResult.Month> months = result.months();
    List<String> names = months.stream().map(m -> monthName(formats, m, months)).toList();

    CategoryChart rate = panel(messages.get("chart.churn.rate"), formats);
    CategorySeries rates =
        rate.addSeries(
            messages.get("chart.churn.rateSeries"),
            names,
            months.stream().map(m -> percentOrZero(m)).toList());
    rates.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
    rates.setLineColor(ChartLook.BLUE);
    rates.setMarker(SeriesMarkers.CIRCLE);
    rates.setMarkerColor(ChartLook.BLUE);
    rate.getStyler().setLegendVisible(false);
    rate.getStyler()
        .setYAxisTickLabelsFormattingFunction(
            value -> formats.percent(BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP)));
    double highest = months.stream().mapToDouble(ChurnChart::percentOrZero).max().orElse(0);
    // A month without churn stays a visible point on the zero line, not the top of the panel.
    rate.getStyler().setYAxisMax(Math.max(5.0, highest * 1.2));

    CategoryChart counts = panel(messages.get("chart.churn.counts"), formats);
    counts
        .addSeries(
            messages.get("chart.churn.new"),
            names,
            months.stream().map(m -> (double) m.fresh()).toList())
        .setFillColor(ChartLook.GREEN);
    counts
        .addSeries(
            messages.get("chart.churn.churned"),
            names,
            months.stream().map(m -> (double) m.rate().churned()).toList())
        .setFillColor(ChartLook.VERMILLION);
    ChartLook.valueLabels(counts.getStyler());
    counts.getStyler().setYAxisTickLabelsFormattingFunction(ChartLook.count(formats));
    long most =
        months.stream().mapToLong(m -> Math.max(m.fresh(), m.rate().churned())).max().orElse(0);
    // Room above the highest bar for its label; a few customers still get readable bars.
    counts.getStyler().setYAxisMax(Math.max(4.0, Math.ceil(most * 1.15)));

    return ChartLook.grid(
        ChartLook.drawable(title),
        messages.get("chart.churn.subheading"),
        List.of(rate, counts),
        1,
        ChartLook.WIDTH,
        CELL_HEIGHT,
        ChartLook.fileName(
            "churn",
            result.period().start(),
            result.period().end(),
            result.rep().map(Rep::displayName).orElse("")));
  }

  private static CategoryChart panel(String title, Formats formats) {
    CategoryChart chart = ChartLook.bars(title, formats);
    chart.getStyler().setChartTitleFont(ChartLook.font(18, true));
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setAvailableSpaceFill(0.8);
    chart.getStyler().setYAxisTickMarkSpacingHint(40);
    // Every month named, so that the year shows where it changes.
    chart.getStyler().setXAxisTickMarkSpacingHint(10);
    return chart;
  }

  private static double percentOrZero(ChurnResult.Month month) {
    return month.rate().percent().doubleValue();
  }

  /** "Mar", with the year where a year begins and on the first month: "Apr 2025", "Jan 2026". */
  private static String monthName(
      Formats formats, ChurnResult.Month month, List<ChurnResult.Month> all) {
    LocalDate start = month.month().start();
    String name = formats.dayAndMonth(start).replaceFirst("^1 ", "");
    return month == all.get(0) || start.getMonth() == Month.JANUARY
        ? name + " " + start.getYear()
        : name;
  }
}
