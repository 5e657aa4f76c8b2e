package dev.salesmeter.scorecard;

import dev.salesmeter.chart.ChartLook;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.Picture;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.FigureText;
import dev.salesmeter.figure.PeriodCounts.Counts;
import dev.salesmeter.figure.Share;
import dev.salesmeter.figure.leaderboard.LeaderboardFigure.Standing;
import java.math.BigDecimal;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.HorizontalBarChart;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The scorecard as one picture: a heading with the week's headline numbers, then four charts —
 * revenue of the nine weeks, the funnel's steps against the average week, the best reps, and the
 * shares against the average.
 */
final class ScorecardPicture {
  private static final int CELL_WIDTH = 780;
  private static final int CELL_HEIGHT = 540;

  private ScorecardPicture() {}

  /**
   * The picture of a scorecard: where the week has nothing to show in a panel, the panel says so in
   * words instead of drawing empty axes.
   */
  static Picture draw(ScorecardResult result, Formats formats, String title) {
    Messages messages = formats.messages();
    List<Period> weeks = result.weeks();
    Counts now = result.counts().get(0);
    String headline =
        messages.get(
            "scorecard.picture.headline",
            formats.money(now.revenue()),
            now.sales(),
            now.leads(),
            now.quotesDecided() == 0
                ? "—"
                : FigureText.share(formats, new Share(now.quotesWon(), now.quotesDecided())));
    List<ChartLook.Cell> cells =
        panels(result, formats).stream()
            .map(
                panel ->
                    panel
                        .note()
                        .map(note -> ChartLook.note(panel.title(), note))
                        .orElseGet(() -> panel.chart().get()::paint))
            .toList();
    Period week = weeks.get(0);
    String workspaceName = result.workspaceName();
    return ChartLook.gridOfCells(
        workspaceName.isEmpty() ? title : workspaceName + " · " + title,
        headline,
        cells,
        2,
        CELL_WIDTH,
        CELL_HEIGHT,
        ChartLook.fileName(
            "scorecard",
            week.start().get(IsoFields.WEEK_BASED_YEAR)
                + "-W"
                + String.format("%02d", week.start().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR))));
  }

  /**
   * A panel of the picture: a chart, or where the week has nothing for it, a note in words.
   *
   * @param chart draws the chart; not called where there is a note
   */
  record Panel(String title, Optional<String> note, Supplier<Chart<?, ?>> chart) {}

  /** The four panels: revenue per week, the week's steps, the best reps, the week's shares. */
  static List<Panel> panels(ScorecardResult result, Formats formats) {
    Messages messages = formats.messages();
    List<Period> weeks = result.weeks();
    List<Counts> counts = result.counts();
    int averaged = result.averaged();
    Counts now = counts.get(0);
    String week = formats.periodName(result.week());
    Optional<String> noSales = Optional.of(messages.get("scorecard.picture.noSales", week));
    return List.of(
        new Panel(
            messages.get("scorecard.picture.revenue"),
            counts.stream().allMatch(c -> c.revenue().cents() == 0) ? noSales : Optional.empty(),
            () -> revenueByWeek(formats, weeks, counts)),
        new Panel(
            messages.get("scorecard.picture.funnel"),
            result.quietWeek()
                ? Optional.of(messages.get("scorecard.picture.quiet", week))
                : Optional.empty(),
            () -> funnel(formats, counts, averaged)),
        new Panel(
            messages.get("scorecard.section.best"),
            result.best().isEmpty() ? noSales : Optional.empty(),
            () -> best(formats, result.best())),
        new Panel(
            messages.get("scorecard.picture.shares"),
            now.sales() + now.quotesDecided() == 0 ? noSales : Optional.empty(),
            () -> shares(formats, counts, averaged)));
  }

  private static CategoryChart small(String title, Formats formats) {
    CategoryChart chart = ChartLook.bars(title, formats);
    chart.getStyler().setChartTitleFont(ChartLook.font(20, true));
    chart.getStyler().setAxisTickLabelsFont(ChartLook.font(14, false));
    chart.getStyler().setLabelsFont(ChartLook.font(13, true));
    return chart;
  }

  /** Revenue of each of the nine weeks, oldest first; the scorecard's week in blue. */
  private static Chart<?, ?> revenueByWeek(
      Formats formats, List<Period> weeks, List<Counts> counts) {
    CategoryChart chart = small(formats.messages().get("scorecard.picture.revenue"), formats);
    List<String> names = new ArrayList<>();
    List<Double> earlier = new ArrayList<>();
    List<Double> current = new ArrayList<>();
    for (int i = weeks.size() - 1; i >= 0; i--) {
      names.add("W" + weeks.get(i).start().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      double revenue = counts.get(i).revenue().cents() / 100.0;
      earlier.add(i == 0 ? 0 : revenue);
      current.add(i == 0 ? revenue : 0);
    }
    chart.getStyler().setOverlapped(true);
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setXAxisTickMarkSpacingHint(30); // every week named
    chart.getStyler().setYAxisTickLabelsFormattingFunction(ChartLook.money(formats));
    chart.getStyler().setYAxisMin(0.0);
    CategorySeries before = chart.addSeries("before", names, earlier);
    before.setFillColor(ChartLook.FAINT);
    CategorySeries week = chart.addSeries("week", names, current);
    week.setFillColor(ChartLook.BLUE);
    return chart;
  }

  /** Leads, appointments, quotes and sales of the week, against the average week. */
  private static Chart<?, ?> funnel(Formats formats, List<Counts> counts, int averaged) {
    Messages messages = formats.messages();
    CategoryChart chart = small(messages.get("scorecard.picture.funnel"), formats);
    List<String> steps =
        List.of(
            messages.get("scorecard.leads"),
            messages.get("scorecard.appointments"),
            messages.get("scorecard.quotes"),
            messages.get("scorecard.sales"));
    List<ToLongFunction<Counts>> measures =
        List.of(Counts::leads, Counts::appointments, Counts::quotes, Counts::sales);
    weekAndAverage(
        chart,
        messages,
        steps,
        measures.stream().map(m -> (double) m.applyAsLong(counts.get(0))).toList(),
        averaged,
        averaged == 0
            ? List.of()
            : measures.stream()
                .map(
                    m ->
                        counts.subList(1, averaged + 1).stream().mapToLong(m).sum()
                            / (double) averaged)
                .toList());
    chart.getStyler().setYAxisMin(0.0);
    // The average of a count has decimals: its label is written with them.
    chart.getStyler().setYAxisTickLabelsFormattingFunction(ChartLook.number(formats));
    ChartLook.valueLabels(chart.getStyler());
    return chart;
  }

  /** The week's best reps by revenue, best on top. */
  private static Chart<?, ?> best(Formats formats, List<Standing> top) {
    HorizontalBarChart chart =
        ChartLook.panelRanking(
            formats.messages().get("scorecard.section.best"),
            formats,
            CELL_WIDTH,
            CELL_HEIGHT,
            ChartLook.money(formats));
    ChartLook.valueLabels(chart.getStyler());
    chart.getStyler().setLabelsFont(ChartLook.font(14, true));
    chart
        .addSeries(
            formats.messages().get("chart.leaderboard.revenue"),
            top.stream().map(s -> s.now() / 100.0).toList(),
            top.stream().map(s -> ChartLook.drawable(s.rep())).toList())
        .setFillColor(ChartLook.BLUE);
    return chart;
  }

  /** Win rate, cross-sell and repeat shares of the week, against the average (pooled). */
  private static Chart<?, ?> shares(Formats formats, List<Counts> counts, int averaged) {
    Messages messages = formats.messages();
    CategoryChart chart = small(messages.get("scorecard.picture.shares"), formats);
    List<String> names =
        List.of(
            messages.get("scorecard.picture.winRate"),
            messages.get("scorecard.crossSell"),
            messages.get("scorecard.repeat"));
    weekAndAverage(
        chart,
        messages,
        names,
        shareValues(List.of(counts.get(0))),
        averaged,
        averaged == 0 ? List.of() : shareValues(counts.subList(1, averaged + 1)));
    chart.getStyler().setYAxisMin(0.0);
    // Up to 100%, with room above a full bar for its label, which has no tick of its own.
    chart.getStyler().setYAxisMax(112.0);
    chart
        .getStyler()
        .setYAxisTickLabelsFormattingFunction(
            value -> value > 100 ? "" : formats.percent(BigDecimal.valueOf(Math.round(value))));
    ChartLook.valueLabels(chart.getStyler());
    return chart;
  }

  /**
   * The week's bars in blue and, where there are earlier weeks, their average's faint beside, with
   * room above the highest for its label.
   */
  private static void weekAndAverage(
      CategoryChart chart,
      Messages messages,
      List<String> names,
      List<Double> week,
      int averaged,
      List<Double> average) {
    chart
        .addSeries(messages.get("scorecard.picture.thisWeek"), names, week)
        .setFillColor(ChartLook.BLUE);
    if (averaged > 0) {
      chart
          .addSeries(messages.get("scorecard.picture.average", averaged), names, average)
          .setFillColor(ChartLook.FAINT);
    }
    double highest =
        Stream.concat(week.stream(), average.stream())
            .mapToDouble(Double::doubleValue)
            .max()
            .orElse(0);
    chart.getStyler().setYAxisMax(Math.max(1.0, highest * 1.15));
  }

  /** The pooled shares, in percent, of some weeks: win rate, cross-sell, repeat. */
  private static List<Double> shareValues(List<Counts> weeks) {
    long won = weeks.stream().mapToLong(Counts::quotesWon).sum();
    long decided = weeks.stream().mapToLong(Counts::quotesDecided).sum();
    long crossSells = weeks.stream().mapToLong(Counts::crossSells).sum();
    long repeats = weeks.stream().mapToLong(Counts::repeats).sum();
    long sales = weeks.stream().mapToLong(Counts::sales).sum();
    return List.of(
        new Share(won, decided).percentOrZero().doubleValue(),
        new Share(crossSells, sales).percentOrZero().doubleValue(),
        new Share(repeats, sales).percentOrZero().doubleValue());
  }
}
