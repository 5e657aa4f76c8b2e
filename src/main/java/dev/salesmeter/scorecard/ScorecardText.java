package dev.salesmeter.scorecard;

import dev.salesmeter.core.Money;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.FigureAnswer;
import dev.salesmeter.figure.FigureText;
import dev.salesmeter.figure.PeriodCounts.Counts;
import dev.salesmeter.figure.Share;
import dev.salesmeter.figure.churn.ChurnFigure.CustomerMoment;
import dev.salesmeter.figure.leaderboard.LeaderboardFigure.Standing;
import dev.salesmeter.figure.quotes.QuotesFigure.StaleQuote;
import dev.salesmeter.figure.revenue.RevenueFigure.TargetProgress;
import dev.salesmeter.scorecard.ScorecardResult.Measure;
import dev.salesmeter.scorecard.ScorecardResult.ShareMeasure;
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

/**
 * The scorecard in words: one line per measure with its change against the week before and the
 * average, the best reps, and what needs chasing. Every number is in the text, so the answer has no
 * block of key numbers to repeat them; the picture's headline holds the key ones.
 */
final class ScorecardText {
  private static final int TOP_REPS = 3;
  private static final int NAMES_SHOWN = 3;

  private final Formats formats;
  private final Messages messages;
  private final ScorecardResult result;
  private final ZoneId zone;

  private ScorecardText(ScorecardResult result, Formats formats, ZoneId zone) {
    this.formats = formats;
    this.messages = formats.messages();
    this.result = result;
    this.zone = zone;
  }

  static FigureAnswer answer(ScorecardResult result, Formats formats) {
    return new ScorecardText(result, formats, formats.zone()).answer();
  }

  private FigureAnswer answer() {
    String title = messages.get("scorecard.title", formats.period(result.week()));
    if (result.nothingLogged()) {
      return new FigureAnswer(
          title,
          messages.get(
              "scorecard.nothing", formats.periodName(result.week()), Scorecard.TRAILING_WEEKS),
          List.of());
    }
    List<String> lines = new ArrayList<>();
    String intro =
        result.averaged() == 0
            ? messages.get("scorecard.introNoAverage", formats.periodName(result.weekBefore()))
            : messages.get(
                "scorecard.intro", formats.periodName(result.weekBefore()), result.averaged());
    lines.add(result.running() ? intro + " " + messages.get("scorecard.running") : intro);

    lines.add("");
    lines.add(messages.get("scorecard.section.sales"));
    lines.add(money("scorecard.revenue", result.revenueCents()));
    result.target().ifPresent(progress -> lines.add(target(progress, result.targetDay())));
    lines.add(count("scorecard.sales", Counts::sales));
    Measure orderValue = result.orderValueCents();
    lines.add(
        orderValue.now().isEmpty()
            ? messages.get("scorecard.orderValueNone", messages.get("scorecard.orderValue"))
            : money("scorecard.orderValue", orderValue));

    lines.add("");
    lines.add(messages.get("scorecard.section.funnel"));
    lines.add(count("scorecard.leads", Counts::leads));
    lines.add(count("scorecard.appointments", Counts::appointments));
    lines.add(count("scorecard.quotes", Counts::quotes));
    lines.add(share("scorecard.winRate", result.share(Counts::quotesWon, Counts::quotesDecided)));

    lines.add("");
    lines.add(messages.get("scorecard.section.mix"));
    lines.add(share("scorecard.crossSell", result.share(Counts::crossSells, Counts::sales)));
    lines.add(share("scorecard.repeat", result.share(Counts::repeats, Counts::sales)));

    lines.add("");
    lines.add(messages.get("scorecard.section.customers"));
    lines.add(count("scorecard.new", Counts::newCustomers));
    lines.add(
        line("scorecard.churned", result.churnedCustomers(), this::countValue, this::countChange));
    if (!result.churnedInWeek().isEmpty()) {
      Function<CustomerMoment, String> gone =
          c -> {
            String day = formats.date(LocalDate.ofInstant(c.at(), zone));
            return c.name()
                + " ("
                + (c.silent() ? messages.get("figure.churn.silently", day) : day)
                + ")";
          };
      lines.add(messages.get("scorecard.churnedNames", names(result.churnedInWeek(), gone)));
    }

    lines.add("");
    lines.add(messages.get("scorecard.section.best"));
    lines.addAll(best());

    lines.add("");
    lines.add(messages.get("scorecard.section.chase"));
    lines.add(stale());
    lines.add(atRisk());
    return new FigureAnswer(title, String.join("\n", lines), List.of())
        .withChart(() -> ScorecardPicture.draw(result, formats, title));
  }

  /** "Target March 2026: €23,000 of €40,000 (57.5%) by 22 Mar; €1,200 behind the pace." */
  private String target(TargetProgress progress, LocalDate day) {
    long behind = progress.behindCents();
    return messages.get(
        behind > 0 ? "scorecard.targetBehind" : "scorecard.targetAhead",
        formats.periodName(progress.period()),
        formats.money(progress.revenue()),
        formats.money(progress.target()),
        formats.percent(FigureText.percent(progress.revenue().cents(), progress.target().cents())),
        formats.date(day),
        FigureText.money(formats, BigDecimal.valueOf(Math.abs(behind)), result.wholeUnits()));
  }

  /**
   * "1. anna €5,000 — ▲ €1,000 (+25%) vs the week before": the week's top reps by revenue; a rep
   * who sold less than the week before is named without the fall, since this is what goes well.
   */
  private List<String> best() {
    List<Standing> top = result.best().subList(0, Math.min(TOP_REPS, result.best().size()));
    if (top.isEmpty()) {
      return List.of(messages.get("figure.noSales", formats.periodName(result.week())));
    }
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < top.size(); i++) {
      Standing s = top.get(i);
      String amount = formats.money(Money.ofCents(s.now()));
      lines.add(
          s.now() > s.before()
              ? messages.get(
                  "scorecard.bestRise",
                  i + 1,
                  s.rep(),
                  amount,
                  FigureText.moneyChange(formats, s.now(), s.before()))
              : messages.get("scorecard.bestOne", i + 1, s.rep(), amount));
    }
    return lines;
  }

  private String stale() {
    long count = result.staleCount();
    if (count == 0) {
      return messages.get("scorecard.noStale", result.staleDays());
    }
    // Each rep's oldest few hold the team's oldest few.
    List<StaleQuote> oldest =
        result.stale().stream()
            .flatMap(rep -> rep.oldest().stream())
            .sorted(Comparator.comparing(StaleQuote::lastTouch))
            .limit(NAMES_SHOWN)
            .toList();
    List<String> shown =
        oldest.stream()
            .map(
                q ->
                    messages.get(
                        "scorecard.staleOne",
                        q.customer(),
                        formats.money(q.value()),
                        q.rep(),
                        formats.date(LocalDate.ofInstant(q.lastTouch(), zone))))
            .toList();
    String perRep =
        FigureText.firstOf(
            messages,
            result.stale().stream()
                .limit(NAMES_SHOWN)
                .map(rep -> rep.rep() + " " + rep.count())
                .toList(),
            result.stale().size());
    return messages.get(
        "scorecard.stale",
        count,
        result.staleDays(),
        perRep,
        FigureText.firstOf(messages, shown, count));
  }

  private String atRisk() {
    List<CustomerMoment> atRisk = result.atRisk();
    if (atRisk.isEmpty()) {
      return messages.get("scorecard.noRisk");
    }
    Function<CustomerMoment, String> one =
        c -> messages.get("figure.churn.lapses", c.name(), formats.date(c.day()));
    return messages.get("scorecard.atRisk", atRisk.size(), names(atRisk, one));
  }

  /** The first few names, and how many more there are. */
  private <T> String names(List<T> items, Function<T, String> name) {
    return FigureText.firstOf(
        messages, items.stream().limit(NAMES_SHOWN).map(name).toList(), items.size());
  }

  private String count(String key, ToLongFunction<Counts> measure) {
    return line(key, result.count(measure), this::countValue, this::countChange);
  }

  private String money(String key, Measure measure) {
    return line(key, measure, this::moneyValue, this::moneyChange);
  }

  /**
   * "Leads: 4 — ▲ 1 vs the week before, ▲ 0.8 vs the average of 3.3"; where the week before has
   * nothing to compare (no sales for an order value), says so.
   */
  private String line(
      String key, Measure measure, Function<BigDecimal, String> value, ChangeWriter change) {
    BigDecimal now = measure.now().orElseThrow();
    String toBefore =
        measure
            .before()
            .map(before -> change.write(now, before))
            .orElseGet(() -> messages.get("scorecard.noSalesThen"));
    Optional<BigDecimal> average = measure.average();
    return average.isPresent()
        ? messages.get(
            "scorecard.line",
            messages.get(key),
            value.apply(now),
            toBefore,
            change.write(now, average.get()),
            value.apply(average.get()))
        : messages.get("scorecard.lineNoAverage", messages.get(key), value.apply(now), toBefore);
  }

  /** How a change from one number to another is written. */
  @FunctionalInterface
  private interface ChangeWriter {
    String write(BigDecimal now, BigDecimal before);
  }

  private String countValue(BigDecimal count) {
    return formats.number(count.setScale(1, RoundingMode.HALF_UP));
  }

  private String countChange(BigDecimal now, BigDecimal before) {
    return FigureText.change(formats, now.subtract(before).setScale(1, RoundingMode.HALF_UP));
  }

  private String moneyValue(BigDecimal cents) {
    return FigureText.money(formats, cents, result.wholeUnits());
  }

  private String moneyChange(BigDecimal now, BigDecimal before) {
    return FigureText.moneyChange(formats, now, before, result.wholeUnits());
  }

  /** "Quote win rate: 62.5% (5 of 8) — +12.5 points against week 11 · …". */
  private String share(String key, ShareMeasure measure) {
    Share now = measure.now();
    if (now.whole() == 0) {
      return messages.get(key + "None", messages.get(key));
    }
    String value =
        messages.get(
            "scorecard.shareValue", FigureText.share(formats, now), now.part(), now.whole());
    String toBefore = FigureText.pointsChange(formats, now.pointsSince(measure.before()));
    Optional<Share> average = measure.average().filter(a -> a.whole() > 0);
    return average.isPresent()
        ? messages.get(
            "scorecard.line",
            messages.get(key),
            value,
            toBefore,
            FigureText.pointsChange(formats, now.pointsSince(average.get())),
            FigureText.share(formats, average.get()))
        : messages.get("scorecard.lineNoAverage", messages.get(key), value, toBefore);
  }
}
