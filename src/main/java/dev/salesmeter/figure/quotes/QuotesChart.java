package dev.salesmeter.figure.quotes;

import dev.salesmeter.chart.ChartLook;
import dev.salesmeter.core.Picture;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.FigureText;
import dev.salesmeter.figure.quotes.QuotesFigure.RepStaleQuotes;
import dev.salesmeter.figure.quotes.QuotesResult.Cohort;
import dev.salesmeter.store.Rep;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.HorizontalBarChart;

/**
 * Two charts side by side: the period's quoted opportunities — won, lost, still open — against the
 * period before (faint); and the stale quotes open now (whatever the period asked), per rep, most
 * first. Every bar carries its count, so a zero or a count of one can be read.
 */
final class QuotesChart {
  private static final int CELL_WIDTH = 760;
  private static final int CELL_HEIGHT = 540;
  private static final int REPS_SHOWN = 12;

  private QuotesChart() {}

  static Picture draw(QuotesResult result, Formats formats, String title) {
    Messages messages = formats.messages();
    return ChartLook.grid(
        title,
        winRate(result, formats),
        List.of(outcomes(result, formats), stale(result, formats)),
        2,
        CELL_WIDTH,
        CELL_HEIGHT,
        ChartLook.fileName(
            "quotes",
            result.period().start(),
            result.period().end(),
            result.rep().map(Rep::displayName).orElse("")));
  }

  /** Quoted, won, lost and still open; the period before beside it, faint, where it quoted any. */
  private static CategoryChart outcomes(QuotesResult result, Formats formats) {
    Messages messages = formats.messages();
    CategoryChart chart =
        ChartLook.bars(
            messages.get("chart.quotes.cohort", formats.periodShort(result.period())), formats);
    chart.getStyler().setChartTitleFont(ChartLook.font(20, true));
    List<String> steps =
        List.of(
            messages.get("chart.quotes.quoted"),
            messages.get("chart.quotes.won"),
            messages.get("chart.quotes.lost"),
            messages.get("chart.quotes.open"));
    Cohort now = result.cohort();
    // Two series may not share a name: the two periods are named apart.
    chart
        .addSeries(
            formats.periodShort(result.period()),
            steps,
            List.of(now.quoted(), now.won(), now.lost(), now.open()))
        .setFillColor(ChartLook.BLUE);
    Cohort before = result.previous();
    if (before.quoted() > 0) {
      chart
          .addSeries(
              formats.periodShort(result.previousPeriod()),
              steps,
              List.of(before.quoted(), before.won(), before.lost(), before.open()))
          .setFillColor(ChartLook.FAINT);
    }
    ChartLook.valueLabels(chart.getStyler());
    chart.getStyler().setYAxisMin(0.0);
    // Room above the highest bar for its label; at least 1, so that zeros sit on a real axis.
    chart
        .getStyler()
        .setYAxisMax(Math.max(1.0, Math.ceil(Math.max(now.quoted(), before.quoted()) * 1.15)));
    chart.getStyler().setYAxisTickLabelsFormattingFunction(ChartLook.count(formats));
    return chart;
  }

  /** The stale quotes open now, per rep, most first (or "none" on an empty axis). */
  private static HorizontalBarChart stale(QuotesResult result, Formats formats) {
    Messages messages = formats.messages();
    HorizontalBarChart chart =
        ChartLook.panelRanking(
            messages.get("chart.quotes.stale", result.staleDays(), formats.date(result.today())),
            formats,
            CELL_WIDTH,
            CELL_HEIGHT,
            ChartLook.count(formats));
    List<RepStaleQuotes> most = result.stale().stream().limit(REPS_SHOWN).toList();
    if (most.isEmpty()) {
      chart.addSeries("—", List.of(0.0), List.of(messages.get("chart.quotes.noneStale")));
      chart.getStyler().setXAxisMax(1.0);
      return chart;
    }
    chart
        .addSeries(
            messages.get("chart.quotes.staleSeries"),
            most.stream().map(r -> (double) r.count()).toList(),
            most.stream().map(r -> ChartLook.axisName(r.rep())).toList())
        .setFillColor(ChartLook.VERMILLION);
    ChartLook.valueLabels(chart.getStyler());
    chart.getStyler().setLabelsFont(ChartLook.font(15, true));
    // Room beyond the longest bar for its label; the labels say the counts, so fewer ticks.
    chart.getStyler().setXAxisMax(Math.max(1.0, Math.ceil(most.get(0).count() * 1.15)));
    chart.getStyler().setYAxisTickMarkSpacingHint(60);
    return chart;
  }

  private static String winRate(QuotesResult result, Formats formats) {
    Cohort now = result.cohort();
    return now.quoted() == 0
        ? formats.messages().get("chart.quotes.noneQuoted")
        : formats
            .messages()
            .get(
                "chart.quotes.winRate",
                FigureText.share(formats, now.winRate()),
                FigureText.share(formats, now.winRateByValue()));
  }
}
