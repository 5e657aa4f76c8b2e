package dev.salesmeter.figure.funnel;

import dev.salesmeter.chart.ChartLook;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.Picture;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.FigureText;
import dev.salesmeter.figure.funnel.FunnelFigure.Cohort;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

/**
 * The funnel as bars: leads, then how many of them got an appointment, a quote and a sale, each
 * with its share of the leads; beside each, faint, the period before.
 */
final class FunnelChart {
  private FunnelChart() {}

  static Picture draw(
      Formats formats, String title, Period period, Cohort now, Cohort before, String rep) {
    Messages messages = formats.messages();
    CategoryChart chart = ChartLook.bars(title, formats);
    List<String> steps =
        List.of(
            messages.get("chart.funnel.leads"),
            step(formats, "chart.funnel.appointments", now.appointments(), now.leads()),
            step(formats, "chart.funnel.quotes", now.quotes(), now.leads()),
            step(formats, "chart.funnel.sales", now.sales(), now.leads()));
    CategorySeries current =
        chart.addSeries(
            formats.periodName(period),
            steps,
            List.of(now.leads(), now.appointments(), now.quotes(), now.sales()));
    current.setFillColor(ChartLook.BLUE);
    if (before.leads() > 0) {
      CategorySeries earlier =
          chart.addSeries(
              formats.periodName(period.previous()),
              steps,
              List.of(before.leads(), before.appointments(), before.quotes(), before.sales()));
      earlier.setFillColor(ChartLook.FAINT);
    }
    chart.getStyler().setLabelsVisible(true);
    chart.getStyler().setLabelsPosition(0.9);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisTickLabelsFormattingFunction(ChartLook.count(formats));
    return ChartLook.png(
        chart, ChartLook.fileName("conversion", period.start(), period.end(), rep));
  }

  /** "Quotes (68%)": a step and its share of the leads. */
  private static String step(Formats formats, String key, long count, long leads) {
    return formats.messages().get(key)
        + " ("
        + formats.percent(FigureText.percent(count, leads))
        + ")";
  }
}
