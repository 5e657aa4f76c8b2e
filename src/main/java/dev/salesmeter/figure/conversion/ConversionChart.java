package dev.salesmeter.figure.conversion;

import dev.salesmeter.chart.ChartLook;
import dev.salesmeter.core.Picture;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.FigureText;
import dev.salesmeter.figure.Share;
import dev.salesmeter.figure.conversion.ConversionResult.Cohort;
import dev.salesmeter.store.Rep;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

/**
 * The funnel as bars: leads, then how many of them got an appointment, a quote and a sale, each
 * with its share of the leads; beside each, faint, the period before.
 */
final class ConversionChart {
  private ConversionChart() {}

  static Picture draw(ConversionResult result, Formats formats, String title) {
    Messages messages = formats.messages();
    Cohort now = result.cohort();
    Cohort before = result.previous();
    CategoryChart chart = ChartLook.bars(title, formats);
    List<String> steps =
        List.of(
            messages.get("chart.conversion.leads"),
            step(formats, "chart.conversion.appointments", now.toAppointment()),
            step(formats, "chart.conversion.quotes", now.toQuote()),
            step(formats, "chart.conversion.sales", now.toSale()));
    CategorySeries current =
        chart.addSeries(
            formats.periodShort(result.period()),
            steps,
            List.of(now.leads(), now.appointments(), now.quotes(), now.sales()));
    current.setFillColor(ChartLook.BLUE);
    if (before.leads() > 0) {
      CategorySeries earlier =
          chart.addSeries(
              formats.periodShort(result.previousPeriod()),
              steps,
              List.of(before.leads(), before.appointments(), before.quotes(), before.sales()));
      earlier.setFillColor(ChartLook.FAINT);
    }
    ChartLook.valueLabels(chart.getStyler());
    chart.getStyler().setYAxisMin(0.0);
    // Room above the highest bar for its label.
    chart
        .getStyler()
        .setYAxisMax(Math.max(1.0, Math.ceil(Math.max(now.leads(), before.leads()) * 1.12)));
    chart.getStyler().setYAxisTickLabelsFormattingFunction(ChartLook.count(formats));
    return ChartLook.png(
        chart,
        ChartLook.fileName(
            "conversion",
            result.period().start(),
            result.period().end(),
            result.rep().map(Rep::displayName).orElse("")));
  }

  /** "Quote (68%)": a step and its share of the leads. */
  private static String step(Formats formats, String key, Share share) {
    return formats.messages().get(key) + " (" + FigureText.share(formats, share) + ")";
  }
}
