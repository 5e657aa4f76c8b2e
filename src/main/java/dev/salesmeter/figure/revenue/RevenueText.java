package dev.salesmeter.figure.revenue;

import dev.salesmeter.core.Money;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.FigureAnswer;
import dev.salesmeter.figure.FigureText;
import dev.salesmeter.figure.revenue.RevenueResult.Pace;
import dev.salesmeter.figure.revenue.RevenueResult.Totals;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Revenue in words: the total and its sales, the target and the pace, the change against the period
 * before, and the best reps.
 */
final class RevenueText {
  /** How many reps the team's answer names before "and 3 more". */
  static final int REPS_SHOWN = 5;

  private RevenueText() {}

  static FigureAnswer answer(RevenueResult result, Formats formats) {
    Messages messages = formats.messages();
    Period period = result.period();
    String title =
        FigureText.title(messages, "figure.revenue", result.rep(), formats.period(period));
    if (result.isEmpty()) {
      return new FigureAnswer(
          title,
          messages.get("figure.revenue.none", formats.period(period), oneDay(period)),
          List.of());
    }
    Totals totals = result.totals();
    List<String> lines = new ArrayList<>();
    lines.add(
        messages.get("figure.revenue.total", formats.money(totals.revenue()), totals.sales()));
    result
        .target()
        .ifPresentOrElse(
            target ->
                lines.add(
                    messages.get(
                        "figure.revenue.target",
                        formats.money(target),
                        result
                            .attained()
                            .map(p -> formats.percent(p.setScale(1, RoundingMode.HALF_UP)))
                            .orElse("–"))),
            () -> lines.add(messages.get("figure.revenue.noTarget")));
    result.pace().ifPresent(pace -> lines.add(pace(result, pace, formats)));
    if (totals.sales() > 0 || result.previous().sales() > 0) {
      lines.add(
          messages.get(
              "figure.revenue.compare",
              formats.periodShort(result.previousPeriod()),
              FigureText.moneyChange(
                  formats, totals.revenue().cents(), result.previous().revenue().cents())));
    }
    if (result.rep().isEmpty() && !result.reps().isEmpty()) {
      List<String> shown =
          result.reps().stream()
              .limit(REPS_SHOWN)
              .map(r -> r.rep().displayName() + " " + formats.money(r.revenue()))
              .toList();
      lines.add(
          messages.get("figure.byRep", FigureText.firstOf(messages, shown, result.reps().size())));
    }
    // The text says every number, so there is no block of key numbers to repeat them.
    FigureAnswer answer = new FigureAnswer(title, String.join("\n", lines), List.of());
    boolean drawable = result.hasBegun() && (totals.sales() > 0 || result.target().isPresent());
    return drawable ? answer.withChart(() -> RevenueChart.draw(result, formats, title)) : answer;
  }

  /**
   * "Pace: €7,600 was due by today (day 20 of 31); €1,200 behind." The amounts in whole units where
   * the target has none: a target pro rata is no more exact than the target.
   */
  private static String pace(RevenueResult result, Pace pace, Formats formats) {
    boolean whole = FigureText.wholeUnits(result.target().orElseThrow());
    long gap = FigureText.roundCents(pace.aheadCents(), whole);
    return formats
        .messages()
        .get(
            "figure.revenue.pace",
            FigureText.money(formats, pace.dueCents(), whole),
            pace.day(),
            pace.days(),
            formats.money(Money.ofCents(Math.abs(gap))),
            Long.signum(gap));
  }

  /** 1 for a period of one day ("on 3 Mar"), else 0 ("in March 2026"). */
  static int oneDay(Period period) {
    return period.unit() == Period.Unit.DAY ? 1 : 0;
  }
}
