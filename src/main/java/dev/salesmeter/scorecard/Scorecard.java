package dev.salesmeter.scorecard;

import dev.salesmeter.core.Money;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.FigureAnswer;
import dev.salesmeter.figure.FigureQuery;
import dev.salesmeter.figure.FigureText;
import dev.salesmeter.figure.Figures;
import dev.salesmeter.figure.PeriodCounts.Counts;
import dev.salesmeter.figure.churn.ChurnFigure.CustomerMoment;
import dev.salesmeter.figure.leaderboard.LeaderboardFigure;
import dev.salesmeter.figure.leaderboard.LeaderboardFigure.Standing;
import dev.salesmeter.figure.quotes.QuotesFigure.RepStaleQuotes;
import dev.salesmeter.figure.quotes.QuotesFigure.StaleQuote;
import dev.salesmeter.figure.revenue.RevenueFigure.TargetProgress;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * The weekly scorecard of KPIS.md: for one ISO week, the team's revenue against its target, the
 * funnel's steps, the quote win rate, order value, cross-sell and repeat shares, new and churned
 * customers — each against the week before and against the average of the 8 weeks before — then the
 * top three reps, and what needs chasing today (stale quotes, customers at risk).
 *
 * <p>The week's win rate is of the quoted opportunities decided (won or lost) in the week: the
 * cohort of a single week's quotes is nearly all still open, so its win rate says little. The
 * 8-week average of a count is its mean per week; of a share or the order value it is pooled (all 8
 * weeks' sales together), so a quiet week does not weigh as much as a busy one. Weeks before the
 * workspace's first logged step are not averaged in.
 */
public final class Scorecard {
  /** How many weeks before the scorecard's week make its average. */
  public static final int TRAILING_WEEKS = 8;

  private static final int TOP_REPS = 3;
  private static final int NAMES_SHOWN = 3;

  private final Figures figures;

  public Scorecard(Figures figures) {
    this.figures = figures;
  }

  /** The scorecard's default week: the last ISO week that has ended by the given day. */
  public static Period lastFullWeek(LocalDate today) {
    return Period.isoWeekOf(today).previous();
  }

  /** The scorecard of the query's period, which must be an ISO week; always the team's. */
  public FigureAnswer answer(FigureQuery query) {
    Period week = query.period();
    if (week.unit() != Period.Unit.WEEK) {
      throw new IllegalArgumentException("a scorecard is about an ISO week, not " + week);
    }
    Formats formats = Formats.of(query.settings());
    Messages messages = formats.messages();
    List<Period> weeks = new ArrayList<>();
    weeks.add(week);
    for (int i = 0; i < TRAILING_WEEKS; i++) {
      weeks.add(weeks.get(i).previous());
    }
    List<Counts> counts = figures.counts().count(query, weeks);
    Period all = new Period(weeks.get(TRAILING_WEEKS).start(), week.end(), Period.Unit.DAYS);
    List<CustomerMoment> ends = figures.churn().spellEnds(query.withPeriod(all));
    String title = messages.get("scorecard.title", formats.period(week));
    if (counts.stream().allMatch(Counts::isEmpty) && ends.isEmpty()) {
      return new FigureAnswer(
          title,
          messages.get("scorecard.nothing", formats.periodName(week), TRAILING_WEEKS),
          List.of());
    }
    List<Long> churned = new ArrayList<>();
    ZoneId zone = query.settings().zone();
    for (Period w : weeks) {
      churned.add(ends.stream().filter(e -> w.contains(LocalDate.ofInstant(e.at(), zone))).count());
    }
    // Average only over the weeks since the first one with anything logged; the average of
    // one week would only repeat the week before.
    int averaged = TRAILING_WEEKS;
    while (averaged > 0 && counts.get(averaged).isEmpty() && churned.get(averaged) == 0) {
      averaged--;
    }
    int weeksAveraged = averaged == 1 ? 0 : averaged;
    Comparison compare =
        new Comparison(formats, counts, churned, weeksAveraged, formats.periodName(weeks.get(1)));
    Counts now = counts.get(0);

    List<String> lines = new ArrayList<>();
    if (!query.now().isBefore(week.endInstant(zone))) {
      lines.add(compare.intro());
    } else {
      lines.add(compare.intro() + " " + messages.get("scorecard.running"));
    }

    lines.add("");
    lines.add(messages.get("scorecard.section.sales"));
    lines.add(compare.money("scorecard.revenue", c -> c.revenue().cents()));
    LocalDate lastDay =
        week.contains(LocalDate.ofInstant(query.now(), zone))
            ? LocalDate.ofInstant(query.now(), zone)
            : week.end();
    figures
        .revenue()
        .targetProgress(query, lastDay)
        .ifPresent(progress -> lines.add(target(formats, progress, lastDay)));
    lines.add(compare.count("scorecard.sales", Counts::sales));
    lines.add(compare.orderValue());

    lines.add("");
    lines.add(messages.get("scorecard.section.funnel"));
    lines.add(compare.count("scorecard.leads", Counts::leads));
    lines.add(compare.count("scorecard.appointments", Counts::appointments));
    lines.add(compare.count("scorecard.quotes", Counts::quotes));
    lines.add(compare.share("scorecard.winRate", Counts::quotesWon, Counts::quotesDecided));

    lines.add("");
    lines.add(messages.get("scorecard.section.mix"));
    lines.add(compare.share("scorecard.crossSell", Counts::crossSells, Counts::sales));
    lines.add(compare.share("scorecard.repeat", Counts::repeats, Counts::sales));

    lines.add("");
    lines.add(messages.get("scorecard.section.customers"));
    lines.add(compare.count("scorecard.new", Counts::newCustomers));
    List<CustomerMoment> churnedNow =
        ends.stream().filter(e -> week.contains(LocalDate.ofInstant(e.at(), zone))).toList();
    lines.add(compare.churnedLine());
    if (!churnedNow.isEmpty()) {
      Function<CustomerMoment, String> gone =
          c -> {
            String day = formats.date(LocalDate.ofInstant(c.at(), zone));
            return c.name()
                + " ("
                + (c.silent() ? messages.get("figure.churn.silently", day) : day)
                + ")";
          };
      lines.add(messages.get("scorecard.churnedNames", names(formats, churnedNow, gone)));
    }
    List<CustomerMoment> atRisk = figures.churn().atRisk(query);

    lines.add("");
    lines.add(messages.get("scorecard.section.best"));
    List<Standing> standings =
        figures.leaderboard().standings(query, LeaderboardFigure.Ranking.REVENUE).stream()
            .filter(s -> s.now() > 0)
            .toList();
    lines.addAll(best(formats, standings.subList(0, Math.min(TOP_REPS, standings.size())), week));

    lines.add("");
    lines.add(messages.get("scorecard.section.chase"));
    List<RepStaleQuotes> stale = figures.quotes().staleQuotes(query);
    long staleCount = stale.stream().mapToLong(RepStaleQuotes::count).sum();
    // Each rep's oldest few hold the team's oldest few.
    List<StaleQuote> oldest =
        stale.stream()
            .flatMap(rep -> rep.oldest().stream())
            .sorted(Comparator.comparing(StaleQuote::lastTouch))
            .limit(NAMES_SHOWN)
            .toList();
    int staleDays = query.settings().staleQuoteDays();
    Function<StaleQuote, String> staleOne =
        q ->
            messages.get(
                "scorecard.staleOne",
                q.customer(),
                formats.money(q.value()),
                q.rep(),
                formats.date(LocalDate.ofInstant(q.lastTouch(), zone)));
    lines.add(
        staleCount == 0
            ? messages.get("scorecard.noStale", staleDays)
            : staleCount == 1
                ? messages.get("scorecard.staleSingle", staleDays, staleOne.apply(oldest.get(0)))
                : messages.get(
                    "scorecard.stale",
                    staleCount,
                    staleDays,
                    perRep(stale),
                    FigureText.firstOf(
                        messages, oldest.stream().map(staleOne).toList(), staleCount)));
    Function<CustomerMoment, String> atRiskOne =
        c ->
            messages.get(
                "scorecard.atRiskOne", c.name(), formats.date(LocalDate.ofInstant(c.at(), zone)));
    lines.add(
        switch (atRisk.size()) {
          case 0 -> messages.get("scorecard.noRisk");
          case 1 -> messages.get("scorecard.atRiskSingle", atRiskOne.apply(atRisk.get(0)));
          default ->
              messages.get("scorecard.atRisk", atRisk.size(), names(formats, atRisk, atRiskOne));
        });

    List<FigureAnswer.Field> fields =
        List.of(
            field(messages, "revenue", formats.money(now.revenue())),
            field(messages, "sales", Long.toString(now.sales())),
            field(messages, "leads", Long.toString(now.leads())),
            field(
                messages, "winRate", compare.shareValue(Counts::quotesWon, Counts::quotesDecided)),
            field(messages, "newCustomers", Long.toString(now.newCustomers())),
            field(messages, "churned", Long.toString(churned.get(0))),
            field(messages, "atRisk", Integer.toString(atRisk.size())),
            field(messages, "staleQuotes", Long.toString(staleCount)));
    return new FigureAnswer(title, String.join("\n", lines), fields)
        .withChart(
            () ->
                ScorecardPicture.draw(
                    formats,
                    query.settings().name(),
                    title,
                    weeks,
                    counts,
                    weeksAveraged,
                    standings));
  }

  private static FigureAnswer.Field field(Messages messages, String name, String value) {
    return new FigureAnswer.Field(messages.get("figure.field." + name), value);
  }

  /** "Target March 2026: €23,000 of €40,000 (57.5%) by 22 Mar; €1,200 behind the pace." */
  private static String target(Formats formats, TargetProgress progress, LocalDate day) {
    long behind = progress.behindCents();
    return formats
        .messages()
        .get(
            behind > 0 ? "scorecard.targetBehind" : "scorecard.targetAhead",
            formats.periodName(progress.period()),
            formats.money(progress.revenue()),
            formats.money(progress.target()),
            formats.percent(
                FigureText.percent(progress.revenue().cents(), progress.target().cents())),
            formats.date(day),
            formats.money(Money.ofCents(Math.abs(behind))));
  }

  /** "1. anna €5,000 — ▲ €1,000 (+25%) vs the week before", …: the week's top reps by revenue. */
  private static List<String> best(Formats formats, List<Standing> top, Period week) {
    if (top.isEmpty()) {
      return List.of(formats.messages().get("figure.noSales", formats.periodName(week)));
    }
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < top.size(); i++) {
      Standing s = top.get(i);
      lines.add(
          formats
              .messages()
              .get(
                  "scorecard.bestOne",
                  i + 1,
                  s.rep(),
                  formats.money(Money.ofCents(s.now())),
                  FigureText.moneyChange(formats, s.now(), s.before())));
    }
    return lines;
  }

  /** "gijs 40, eva 25": how many stale quotes each rep has, most first. */
  private static String perRep(List<RepStaleQuotes> stale) {
    return stale.stream()
        .sorted(
            Comparator.comparingLong(RepStaleQuotes::count)
                .reversed()
                .thenComparing(RepStaleQuotes::rep))
        .map(rep -> rep.rep() + " " + rep.count())
        .collect(Collectors.joining(", "));
  }

  /** The first few names, and how many more there are. */
  private static <T> String names(Formats formats, List<T> items, Function<T, String> name) {
    return FigureText.firstOf(
        formats.messages(), items.stream().limit(NAMES_SHOWN).map(name).toList(), items.size());
  }

  /**
   * One line per measure: the week's value, its change against the week before, and against the
   * average of the weeks before it.
   */
  private record Comparison(
      Formats formats, List<Counts> counts, List<Long> churned, int averaged, String weekBefore) {

    private Messages messages() {
      return formats.messages();
    }

    String intro() {
      return averaged == 0
          ? messages().get("scorecard.introNoAverage", weekBefore)
          : messages().get("scorecard.intro", weekBefore, averaged);
    }

    private long sum(ToLongFunction<Counts> measure) {
      return counts.subList(1, averaged + 1).stream().mapToLong(measure).sum();
    }

    /** The change against the average, and the average. */
    private record ToAverage(String change, String average) {}

    private String line(String key, String value, String toBefore, Optional<ToAverage> toAverage) {
      String label = messages().get(key);
      return toAverage
          .map(
              average ->
                  messages()
                      .get(
                          "scorecard.line",
                          label,
                          value,
                          toBefore,
                          average.change(),
                          average.average()))
          .orElse(messages().get("scorecard.lineNoAverage", label, value, toBefore));
    }

    String count(String key, ToLongFunction<Counts> measure) {
      List<Long> values = counts.stream().map(measure::applyAsLong).toList();
      return countLine(key, values);
    }

    String churnedLine() {
      return countLine("scorecard.churned", churned);
    }

    private String countLine(String key, List<Long> values) {
      long now = values.get(0);
      BigDecimal toBefore = BigDecimal.valueOf(now - values.get(1));
      Optional<ToAverage> toAverage = Optional.empty();
      if (averaged > 0) {
        long total = values.subList(1, averaged + 1).stream().mapToLong(Long::longValue).sum();
        BigDecimal average =
            BigDecimal.valueOf(total).divide(BigDecimal.valueOf(averaged), 1, RoundingMode.HALF_UP);
        toAverage =
            Optional.of(
                new ToAverage(
                    FigureText.change(formats, BigDecimal.valueOf(now).subtract(average)),
                    formats.number(average)));
      }
      return line(key, Long.toString(now), FigureText.change(formats, toBefore), toAverage);
    }

    String money(String key, ToLongFunction<Counts> cents) {
      long now = cents.applyAsLong(counts.get(0));
      Optional<ToAverage> toAverage = Optional.empty();
      if (averaged > 0) {
        toAverage = Optional.of(moneyToAverage(now, Math.round((double) sum(cents) / averaged)));
      }
      return line(
          key,
          formats.money(Money.ofCents(now)),
          FigureText.moneyChange(formats, now, cents.applyAsLong(counts.get(1))),
          toAverage);
    }

    /** The mean order value; of the average weeks, their revenue over their sales. */
    String orderValue() {
      Counts now = counts.get(0);
      if (now.sales() == 0) {
        return messages().get("scorecard.orderValueNone", messages().get("scorecard.orderValue"));
      }
      long value = mean(now.revenue().cents(), now.sales());
      Counts before = counts.get(1);
      String toBefore =
          before.sales() == 0
              ? messages().get("scorecard.noSalesThen")
              : FigureText.moneyChange(
                  formats, value, mean(before.revenue().cents(), before.sales()));
      Optional<ToAverage> toAverage = Optional.empty();
      long sales = sum(Counts::sales);
      if (averaged > 0 && sales > 0) {
        toAverage = Optional.of(moneyToAverage(value, mean(sum(c -> c.revenue().cents()), sales)));
      }
      return line("scorecard.orderValue", formats.money(Money.ofCents(value)), toBefore, toAverage);
    }

    private ToAverage moneyToAverage(long cents, long averageCents) {
      return new ToAverage(
          FigureText.moneyChange(formats, cents, averageCents),
          formats.money(Money.ofCents(averageCents)));
    }

    private static long mean(long cents, long count) {
      return Math.round((double) cents / count);
    }

    String shareValue(ToLongFunction<Counts> part, ToLongFunction<Counts> whole) {
      Counts now = counts.get(0);
      return whole.applyAsLong(now) == 0
          ? "—"
          : formats.percent(FigureText.percent(part.applyAsLong(now), whole.applyAsLong(now)));
    }

    /** "Quote win rate: 62.5% (5 of 8) — +12.5 points against week 11 · …". */
    String share(String key, ToLongFunction<Counts> part, ToLongFunction<Counts> whole) {
      Counts now = counts.get(0);
      long wholeNow = whole.applyAsLong(now);
      if (wholeNow == 0) {
        return messages().get(key + "None", messages().get(key));
      }
      BigDecimal percent = FigureText.percent(part.applyAsLong(now), wholeNow);
      String value =
          messages()
              .get(
                  "scorecard.shareValue",
                  formats.percent(percent),
                  part.applyAsLong(now),
                  wholeNow);
      Counts before = counts.get(1);
      String toBefore =
          whole.applyAsLong(before) == 0
              ? messages().get("figure.nothingBefore")
              : FigureText.points(
                  formats,
                  percent.subtract(
                      FigureText.percent(part.applyAsLong(before), whole.applyAsLong(before))));
      Optional<ToAverage> toAverage = Optional.empty();
      long wholeBefore = sum(whole);
      if (averaged > 0 && wholeBefore > 0) {
        BigDecimal average = FigureText.percent(sum(part), wholeBefore);
        toAverage =
            Optional.of(
                new ToAverage(
                    FigureText.points(formats, percent.subtract(average)),
                    formats.percent(average)));
      }
      return line(key, value, toBefore, toAverage);
    }
  }
}
