package dev.salesmeter.figure.quotes;

import dev.salesmeter.chart.ChartLook;
import dev.salesmeter.core.Picture;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.FigureQuery;
import dev.salesmeter.figure.FigureText;
import dev.salesmeter.figure.quotes.QuotesFigure.Cohort;
import dev.salesmeter.figure.quotes.QuotesFigure.RepStaleQuotes;
import dev.salesmeter.store.Rep;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.HorizontalBarChart;

/**
 * Two charts side by side: the period's quoted opportunities — won, lost, still open — against the
 * period before (faint); and the stale quotes per rep, most first.
 */
final class QuotesChart {
  private static final int CELL_WIDTH = 760;
  private static final int CELL_HEIGHT = 540;
  private static final int REPS_SHOWN = 12;

  private QuotesChart() {}

  static Picture draw(
      Formats formats,
      String title,
      FigureQuery query,
      Cohort now,
      Cohort before,
      List<RepStaleQuotes> stale) {
    Messages messages = formats.messages();
    CategoryChart outcomes = ChartLook.bars(formats.periodShort(query.period()), formats);
    List<String> steps =
        List.of(
            messages.get("chart.quotes.quoted"),
            messages.get("chart.quotes.won"),
            messages.get("chart.quotes.lost"),
            messages.get("chart.quotes.open"));
    outcomes
        .addSeries(
            formats.periodShort(query.period()),
            steps,
            List.of(now.quoted(), now.won(), now.lost(), now.quoted() - now.won() - now.lost()))
        .setFillColor(ChartLook.BLUE);
    if (before.quoted() > 0) {
      outcomes
          .addSeries(
              formats.periodShort(query.period().previous()),
              steps,
              List.of(
                  before.quoted(),
                  before.won(),
                  before.lost(),
                  before.quoted() - before.won() - before.lost()))
          .setFillColor(ChartLook.FAINT);
    }
    outcomes.getStyler().setLabelsVisible(true);
    outcomes.getStyler().setYAxisMin(0.0);
    outcomes.getStyler().setYAxisTickLabelsFormattingFunction(ChartLook.count(formats));
    outcomes.getStyler().setChartTitleFont(ChartLook.font(20, true));

    HorizontalBarChart perRep =
        ChartLook.panelRanking(
            messages.get("chart.quotes.stale", query.settings().staleQuoteDays()),
            formats,
            CELL_WIDTH,
            CELL_HEIGHT,
            ChartLook.count(formats));
    List<RepStaleQuotes> most =
        stale.stream()
            .sorted(Comparator.comparingLong(RepStaleQuotes::count).reversed())
            .limit(REPS_SHOWN)
            .toList();
    if (most.isEmpty()) {
      perRep.addSeries("—", List.of(0.0), List.of(messages.get("chart.quotes.noneStale")));
    } else {
      perRep
          .addSeries(
              messages.get("chart.quotes.staleSeries"),
              most.stream().map(r -> (double) r.count()).toList(),
              most.stream().map(r -> ChartLook.drawable(r.rep())).toList())
          .setFillColor(ChartLook.VERMILLION);
    }
    String winRate =
        now.quoted() == 0
            ? messages.get("chart.quotes.noneQuoted")
            : messages.get(
                "chart.quotes.winRate",
                formats.percent(FigureText.percent(now.won(), now.quoted())),
                formats.percent(FigureText.percent(now.wonValue(), now.value())));
    return ChartLook.grid(
        title,
        winRate,
        List.of(outcomes, perRep),
        2,
        CELL_WIDTH,
        CELL_HEIGHT,
        ChartLook.fileName(
            "quotes",
            query.period().start(),
            query.period().end(),
            query.rep().map(Rep::displayName).orElse("")));
  }
}
