package dev.salesmeter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.salesmeter.chart.ChartLook;
import dev.salesmeter.core.Money;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.FigureResult;
import dev.salesmeter.figure.FigureText;
import dev.salesmeter.figure.Share;
import dev.salesmeter.figure.ShareResult;
import dev.salesmeter.figure.ShareResult.Part;
import dev.salesmeter.figure.aov.AovResult;
import dev.salesmeter.figure.aov.AovResult.Kind;
import dev.salesmeter.figure.aov.AovResult.RepOrders;
import dev.salesmeter.figure.churn.ChurnResult;
import dev.salesmeter.figure.conversion.ConversionResult;
import dev.salesmeter.figure.conversion.ConversionResult.Cohort;
import dev.salesmeter.figure.leaderboard.LeaderboardFigure.Ranking;
import dev.salesmeter.figure.leaderboard.LeaderboardResult;
import dev.salesmeter.figure.leaderboard.LeaderboardResult.Place;
import dev.salesmeter.figure.ltv.LtvResult;
import dev.salesmeter.figure.quotes.QuotesResult;
import dev.salesmeter.figure.revenue.RevenueResult;
import dev.salesmeter.figure.revenue.RevenueResult.DayRevenue;
import java.awt.Color;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/**
 * A figure's chart as data for the browser: the chart-ready shape the dashboard's script draws with
 * ECharts. It is a rendering of the typed result, as the PNG chart is, in the same colours ({@link
 * ChartLook}'s Okabe–Ito palette) and with every value's label already written in the workspace's
 * format, so a tooltip reads as the chat does.
 *
 * @param type {@code bar} (categories across), {@code hbar} (categories down, first on top), {@code
 *     line} (over categories, or over numbers where the series have points) or {@code scatter}
 * @param unit how the value axis is labelled: {@code money}, {@code count} or {@code percent}
 * @param categories the category axis, for bars and lines over categories
 * @param series what is drawn
 * @param markers straight lines across the chart (medians, a lifetime)
 * @param xName the x axis's name, where it needs one
 * @param yName the value axis's name, where it needs one
 * @param locale for the axis numbers ({@code en}, {@code nl})
 * @param currency the workspace's currency (ISO 4217), for money on an axis
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ChartData(
    String type,
    String unit,
    List<String> categories,
    List<Series> series,
    List<Marker> markers,
    String xName,
    String yName,
    String locale,
    String currency) {

  /** Nothing to draw. */
  static final ChartData NONE =
      new ChartData("none", "", List.of(), List.of(), List.of(), "", "", "", "");

  /**
   * A series: one value per category (null where it has none), each with its label; or points.
   *
   * @param colour a CSS colour
   * @param points for lines over numbers and scatters: x, y, the label and the point's name
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Series(
      String name, String colour, List<Double> values, List<String> labels, List<Point> points) {
    static Series of(String name, Color colour, List<Double> values, List<String> labels) {
      return new Series(name, css(colour), values, labels, List.of());
    }

    static Series ofPoints(String name, Color colour, List<Point> points) {
      return new Series(name, css(colour), List.of(), List.of(), points);
    }
  }

  /** A point of a scatter or of a line over numbers. */
  public record Point(double x, double y, String label, String name) {}

  /**
   * A straight line across the chart at {@code value} on the {@code axis} ({@code x} or {@code y}).
   */
  public record Marker(String axis, double value, String name, String colour) {}

  /** The chart of a result, or {@link #NONE}. */
  static ChartData of(FigureResult result, Formats formats, Currency currency) {
    Builder builder = new Builder(formats, currency);
    if (result instanceof ConversionResult conversion) {
      return builder.conversion(conversion);
    } else if (result instanceof QuotesResult quotes) {
      return builder.quotes(quotes);
    } else if (result instanceof AovResult aov) {
      return builder.aov(aov);
    } else if (result instanceof RevenueResult revenue) {
      return builder.revenue(revenue);
    } else if (result instanceof ChurnResult churn) {
      return builder.churn(churn);
    } else if (result instanceof LtvResult ltv) {
      return builder.ltv(ltv);
    } else if (result instanceof ShareResult share) {
      return builder.share(share);
    } else if (result instanceof LeaderboardResult leaderboard) {
      return builder.leaderboard(leaderboard);
    }
    return NONE;
  }

  static String css(Color colour) {
    return String.format("#%06X", colour.getRGB() & 0xFFFFFF);
  }

  private static final class Builder {
    private final Formats formats;
    private final Messages messages;
    private final Currency currency;

    Builder(Formats formats, Currency currency) {
      this.formats = formats;
      this.messages = formats.messages();
      this.currency = currency;
    }

    private ChartData chart(
        String type, String unit, List<String> categories, List<Series> series) {
      return chart(type, unit, categories, series, List.of(), "", "");
    }

    private ChartData chart(
        String type,
        String unit,
        List<String> categories,
        List<Series> series,
        List<Marker> markers,
        String xName,
        String yName) {
      return new ChartData(
          type,
          unit,
          categories,
          series,
          markers,
          xName,
          yName,
          formats.locale().getLanguage(),
          currency.getCurrencyCode());
    }

    /** The funnel's steps, now and (faint) in the period before, as the PNG draws them. */
    ChartData conversion(ConversionResult result) {
      Cohort now = result.cohort();
      Cohort before = result.previous();
      List<String> steps =
          List.of(
              messages.get("chart.conversion.leads"),
              step("chart.conversion.appointments", now.toAppointment()),
              step("chart.conversion.quotes", now.toQuote()),
              step("chart.conversion.sales", now.toSale()));
      List<Series> series = new ArrayList<>();
      series.add(
          counts(
              formats.periodShort(result.period()),
              ChartLook.BLUE,
              List.of(now.leads(), now.appointments(), now.quotes(), now.sales())));
      if (before.leads() > 0) {
        series.add(
            counts(
                formats.periodShort(result.previousPeriod()),
                ChartLook.FAINT,
                List.of(before.leads(), before.appointments(), before.quotes(), before.sales())));
      }
      return chart("bar", "count", steps, series);
    }

    private String step(String key, Share share) {
      return messages.get(key) + " (" + FigureText.share(formats, share) + ")";
    }

    /** The quoted opportunities' outcomes, now and in the period before. */
    ChartData quotes(QuotesResult result) {
      List<String> outcomes =
          List.of(
              messages.get("chart.quotes.won"),
              messages.get("chart.quotes.lost"),
              messages.get("chart.quotes.open"));
      QuotesResult.Cohort now = result.cohort();
      QuotesResult.Cohort before = result.previous();
      List<Series> series = new ArrayList<>();
      series.add(
          counts(
              formats.periodShort(result.period()),
              ChartLook.BLUE,
              List.of(now.won(), now.lost(), now.open())));
      if (before.quoted() > 0) {
        series.add(
            counts(
                formats.periodShort(result.previousPeriod()),
                ChartLook.FAINT,
                List.of(before.won(), before.lost(), before.open())));
      }
      return chart("bar", "count", outcomes, series);
    }

    /** Orders (x) against the mean order (y), a point per rep, with the two medians. */
    ChartData aov(AovResult result) {
      boolean whole = result.wholeAmounts();
      Map<Kind, List<Point>> byKind =
          result.reps().stream()
              .collect(
                  Collectors.groupingBy(
                      RepOrders::kind,
                      Collectors.mapping(
                          rep ->
                              new Point(
                                  rep.count(),
                                  units(rep.mean()),
                                  messages.get(
                                      "figure.aov.rep",
                                      rep.rep().displayName(),
                                      rep.count(),
                                      FigureText.money(formats, rep.mean(), whole),
                                      FigureText.money(formats, rep.median(), whole)),
                                  rep.rep().displayName()),
                          Collectors.toList())));
      List<Series> series = new ArrayList<>();
      addPoints(series, byKind, Kind.NEITHER, "chart.aov.reps", ChartLook.BLUE);
      addPoints(series, byKind, Kind.GATHERER, "chart.aov.gatherers", ChartLook.SKY);
      addPoints(series, byKind, Kind.HUNTER, "chart.aov.hunters", ChartLook.GREEN);
      List<Marker> markers = new ArrayList<>();
      if (result.reps().size() > 1) {
        markers.add(
            new Marker(
                "x",
                result.countMedian().doubleValue(),
                messages.get("chart.aov.countMedian", formats.number(result.countMedian())),
                css(ChartLook.ORANGE)));
        markers.add(
            new Marker(
                "y",
                units(result.valueMedian()),
                messages.get(
                    "chart.aov.valueMedian",
                    FigureText.money(formats, result.valueMedian(), whole)),
                css(ChartLook.ORANGE)));
      }
      return chart(
          "scatter",
          "money",
          List.of(),
          series,
          markers,
          messages.get("chart.aov.orders"),
          messages.get("chart.aov.mean"));
    }

    private void addPoints(
        List<Series> series, Map<Kind, List<Point>> byKind, Kind kind, String key, Color colour) {
      List<Point> points = byKind.getOrDefault(kind, List.of());
      if (!points.isEmpty()) {
        series.add(Series.ofPoints(messages.get(key), colour, points));
      }
    }

    /**
     * Revenue summed up day by day through the period (to today in a running one), against the
     * target pro rata, as the PNG draws it.
     */
    ChartData revenue(RevenueResult result) {
      Map<LocalDate, Long> byDay =
          result.days().stream()
              .collect(Collectors.toMap(DayRevenue::day, d -> d.revenue().cents()));
      List<String> days = new ArrayList<>();
      List<Double> cumulative = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      List<Double> pace = new ArrayList<>();
      List<String> paceLabels = new ArrayList<>();
      long sum = 0;
      long length = result.period().lengthInDays();
      long day = 0;
      for (LocalDate date = result.period().start();
          !date.isAfter(result.period().end());
          date = date.plusDays(1)) {
        day++;
        days.add(formats.dayAndMonth(date));
        if (!date.isAfter(result.through())) {
          sum += byDay.getOrDefault(date, 0L);
          cumulative.add(sum / 100.0);
          labels.add(formats.money(Money.ofCents(sum)));
        } else {
          cumulative.add(null);
          labels.add("");
        }
        if (result.target().isPresent()) {
          BigDecimal due =
              BigDecimal.valueOf(result.target().get().cents())
                  .multiply(BigDecimal.valueOf(day))
                  .divide(BigDecimal.valueOf(length), 0, RoundingMode.HALF_UP);
          pace.add(due.doubleValue() / 100);
          paceLabels.add(formats.money(Money.ofCents(due.longValueExact())));
        }
      }
      List<Series> series = new ArrayList<>();
      series.add(
          Series.of(messages.get("chart.revenue.revenue"), ChartLook.BLUE, cumulative, labels));
      result
          .target()
          .ifPresent(
              target ->
                  series.add(
                      Series.of(
                          messages.get("chart.revenue.pace", formats.money(target)),
                          ChartLook.FAINT,
                          pace,
                          paceLabels)));
      return chart("line", "money", days, series);
    }

    /** New customers and those who left, month by month. */
    ChartData churn(ChurnResult result) {
      List<String> months = new ArrayList<>();
      List<Double> fresh = new ArrayList<>();
      List<String> freshLabels = new ArrayList<>();
      List<Double> left = new ArrayList<>();
      List<String> leftLabels = new ArrayList<>();
      for (ChurnResult.Month month : result.months()) {
        months.add(formats.periodShort(month.month()));
        fresh.add((double) month.fresh());
        freshLabels.add(formats.number(BigDecimal.valueOf(month.fresh())));
        left.add((double) month.rate().churned());
        leftLabels.add(
            month.rate().activeAtStart() == 0
                ? formats.number(BigDecimal.valueOf(month.rate().churned()))
                : messages.get(
                    "scorecard.shareValue",
                    FigureText.share(formats, month.rate().share()),
                    month.rate().churned(),
                    month.rate().activeAtStart()));
      }
      return chart(
          "bar",
          "count",
          months,
          List.of(
              Series.of(messages.get("chart.churn.new"), ChartLook.GREEN, fresh, freshLabels),
              Series.of(
                  messages.get("chart.churn.churned"), ChartLook.VERMILLION, left, leftLabels)));
    }

    /**
     * A customer's profit over the years against the acquisition cost (the crossing is the
     * payback), with the expected lifetime marked: as the PNG, drawn only where LTV is estimated.
     */
    ChartData ltv(LtvResult result) {
      if (result.ltv().isEmpty()
          || result.profitPerCustomer().filter(p -> p.signum() > 0).isEmpty()) {
        return NONE;
      }
      BigDecimal perYear = result.profitPerCustomer().orElseThrow();
      double years = result.lifetime().orElseThrow().doubleValue();
      double payback = result.payback().map(BigDecimal::doubleValue).orElse(0.0);
      int end = (int) Math.ceil(Math.min(12, Math.max(1, Math.max(years, payback)) * 1.25));
      boolean whole = result.wholeUnits();
      List<Point> profit = new ArrayList<>();
      for (int year = 0; year <= end; year++) {
        BigDecimal cents = perYear.multiply(BigDecimal.valueOf(year));
        profit.add(
            new Point(
                year,
                units(cents),
                FigureText.money(formats, cents, whole),
                messages.get("dashboard.number.years", year)));
      }
      List<Series> series = new ArrayList<>();
      series.add(Series.ofPoints(messages.get("chart.ltv.profit"), ChartLook.BLUE, profit));
      result
          .cac()
          .filter(cost -> cost.signum() > 0)
          .ifPresent(
              cost -> {
                String label = FigureText.money(formats, cost, whole);
                series.add(
                    Series.ofPoints(
                        messages.get("chart.ltv.cacOnly"),
                        ChartLook.VERMILLION,
                        List.of(
                            new Point(0, units(cost), label, ""),
                            new Point(end, units(cost), label, ""))));
              });
      String lifetime =
          messages.get(
              result.lifetimeCapped() ? "chart.ltv.lifetimeLong" : "chart.ltv.lifetime",
              // a number, so that its choice can say "year" or "years"
              result
                  .lifetime()
                  .orElseThrow()
                  .setScale(1, RoundingMode.HALF_UP)
                  .stripTrailingZeros());
      return chart(
          "line",
          "money",
          List.of(),
          series,
          List.of(new Marker("x", years, lifetime, css(ChartLook.ORANGE))),
          messages.get("chart.ltv.years"),
          "");
    }

    /** The team first, then each rep: the share of sales and of revenue. */
    ChartData share(ShareResult result) {
      List<String> rows = new ArrayList<>();
      List<Part> parts = new ArrayList<>();
      rows.add(result.rep().map(rep -> rep.displayName()).orElse(messages.get("chart.share.team")));
      parts.add(result.sales());
      for (ShareResult.RepPart rep : result.reps()) {
        rows.add(rep.rep().displayName());
        parts.add(rep.part());
      }
      return chart(
          "hbar",
          "percent",
          rows,
          List.of(
              shares(messages.get("chart.share.byCount"), ChartLook.BLUE, parts, true),
              shares(messages.get("chart.share.byRevenue"), ChartLook.ORANGE, parts, false)));
    }

    private Series shares(String name, Color colour, List<Part> parts, boolean byCount) {
      List<Double> values = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      for (Part part : parts) {
        Share share = byCount ? part.byCount() : part.byRevenue();
        values.add(share.percentOrZero().doubleValue());
        labels.add(
            byCount
                ? messages.get(
                    "scorecard.shareValue",
                    FigureText.share(formats, share),
                    share.part(),
                    share.whole())
                : FigureText.share(formats, share)
                    + " ("
                    + formats.money(Money.ofCents(share.part()))
                    + ")");
      }
      return Series.of(name, colour, values, labels);
    }

    /** Reps by the ranking's value, best on top, with the period before faint beside. */
    ChartData leaderboard(LeaderboardResult result) {
      boolean revenue = result.ranking() == Ranking.REVENUE;
      LongFunction<String> label =
          value ->
              revenue
                  ? formats.money(Money.ofCents(value))
                  : formats.number(BigDecimal.valueOf(value));
      List<String> reps = result.places().stream().map(Place::rep).toList();
      List<Double> now = new ArrayList<>();
      List<String> nowLabels = new ArrayList<>();
      List<Double> before = new ArrayList<>();
      List<String> beforeLabels = new ArrayList<>();
      for (Place place : result.places()) {
        now.add(revenue ? place.now() / 100.0 : place.now());
        nowLabels.add(label.apply(place.now()));
        before.add(revenue ? place.before() / 100.0 : place.before());
        beforeLabels.add(label.apply(place.before()));
      }
      return chart(
          "hbar",
          revenue ? "money" : "count",
          reps,
          List.of(
              Series.of(formats.periodShort(result.period()), ChartLook.BLUE, now, nowLabels),
              Series.of(
                  formats.periodShort(result.previousPeriod()),
                  ChartLook.FAINT,
                  before,
                  beforeLabels)));
    }

    private Series counts(String name, Color colour, List<Long> counts) {
      return Series.of(
          name,
          colour,
          counts.stream().map(Long::doubleValue).toList(),
          counts.stream().map(c -> formats.number(BigDecimal.valueOf(c))).toList());
    }

    private static double units(BigDecimal cents) {
      return cents.movePointLeft(2).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
  }
}
