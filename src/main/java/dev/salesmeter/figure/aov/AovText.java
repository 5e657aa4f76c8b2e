package dev.salesmeter.figure.aov;

import dev.salesmeter.core.Period;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.FigureAnswer;
import dev.salesmeter.figure.FigureText;
import dev.salesmeter.figure.aov.AovResult.Kind;
import dev.salesmeter.figure.aov.AovResult.Orders;
import dev.salesmeter.figure.aov.AovResult.RepOrders;
import java.util.ArrayList;
import java.util.List;

/**
 * Order value in words: the orders, mean and median; per rep, best mean first, who gathers and who
 * hunts; the medians across reps; and the mean against the period before. Means and medians are in
 * whole units where every amount was.
 */
final class AovText {
  /** How many reps the team's answer lists, a line each, before "and 3 more reps". */
  static final int REPS_SHOWN = 8;

  private AovText() {}

  static FigureAnswer answer(AovResult result, Formats formats) {
    Messages messages = formats.messages();
    Period period = result.period();
    String title = FigureText.title(messages, "figure.aov", result.rep(), formats.period(period));
    Orders orders = result.orders();
    if (orders.count() == 0) {
      return new FigureAnswer(
          title,
          messages.get(
              "figure.aov.none", formats.period(period), period.unit() == Period.Unit.DAY ? 1 : 0),
          List.of());
    }
    boolean whole = result.wholeAmounts();
    List<String> lines = new ArrayList<>();
    lines.add(
        messages.get(
            "figure.aov.orders",
            orders.count(),
            formats.money(orders.total()),
            FigureText.money(formats, orders.mean(), whole),
            FigureText.money(formats, orders.median(), whole)));
    if (result.rep().isPresent()) {
      result
          .asked()
          .filter(asked -> asked.kind() != Kind.NEITHER)
          .ifPresent(
              asked ->
                  lines.add(
                      messages.get(
                          "figure.aov.kindOf",
                          asked.rep().displayName(),
                          kind(messages, asked.kind()))));
    } else {
      result.reps().stream()
          .limit(REPS_SHOWN)
          .forEach(rep -> lines.add(repLine(formats, rep, whole)));
      if (result.reps().size() > REPS_SHOWN) {
        lines.add(messages.get("figure.aov.moreReps", result.reps().size() - REPS_SHOWN));
      }
      if (result.reps().size() > 1) {
        lines.add(
            messages.get(
                "figure.aov.medians",
                result.countMedian(),
                FigureText.money(formats, result.valueMedian(), whole)));
      }
    }
    lines.add(
        messages.get(
            "figure.aov.compare",
            formats.periodShort(result.previousPeriod()),
            result.previous().count() == 0
                ? messages.get("figure.nothingBefore")
                : FigureText.moneyChange(formats, orders.mean(), result.previous().mean(), whole)));
    // The text says every number, so there is no block of key numbers to repeat them.
    FigureAnswer answer = new FigureAnswer(title, String.join("\n", lines), List.of());
    return answer.withChart(() -> AovChart.draw(result, formats, title));
  }

  /** "anna: 4 orders, mean €250, median €250 — gatherer (many small orders)". */
  private static String repLine(Formats formats, RepOrders rep, boolean whole) {
    Messages messages = formats.messages();
    String line =
        messages.get(
            "figure.aov.rep",
            rep.rep().displayName(),
            rep.count(),
            FigureText.money(formats, rep.mean(), whole),
            FigureText.money(formats, rep.median(), whole));
    return rep.kind() == Kind.NEITHER ? line : line + " — " + kind(messages, rep.kind());
  }

  private static String kind(Messages messages, Kind kind) {
    return messages.get(kind == Kind.GATHERER ? "figure.aov.gatherer" : "figure.aov.hunter");
  }
}
