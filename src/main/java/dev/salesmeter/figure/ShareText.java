package dev.salesmeter.figure;

import dev.salesmeter.core.Money;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.ShareResult.Part;
import java.util.ArrayList;
import java.util.List;

/**
 * A share of sales in words (cross-sell, repeat): by count and by revenue, against the period
 * before, and per rep, best first. Its texts are under the figure's key prefix: {@code
 * <prefix>.none}, {@code .share}, {@code .compare}, {@code .title} and {@code .titleRep}.
 */
public final class ShareText {
  /** How many reps the team's answer names before "and 3 more". */
  static final int REPS_SHOWN = 5;

  private ShareText() {}

  /**
   * @param prefix the figure's message key prefix ({@code figure.repeat})
   * @param chartName the first word of the chart's file name ({@code repeat})
   */
  public static FigureAnswer answer(
      ShareResult result, Formats formats, String prefix, String chartName) {
    Messages messages = formats.messages();
    Period period = result.period();
    String title = FigureText.title(messages, prefix, result.rep(), formats.period(period));
    Part sales = result.sales();
    if (sales.isEmpty()) {
      return new FigureAnswer(
          title,
          messages.get(
              prefix + ".none", formats.period(period), period.unit() == Period.Unit.DAY ? 1 : 0),
          List.of());
    }
    List<String> lines = new ArrayList<>();
    lines.add(
        sales.byCount().part() == 0
            ? messages.get(prefix + ".noneOf", sales.byCount().whole())
            : messages.get(
                prefix + ".share",
                sales.byCount().part(),
                sales.byCount().whole(),
                FigureText.share(formats, sales.byCount()),
                formats.money(Money.ofCents(sales.byRevenue().part())),
                formats.money(Money.ofCents(sales.byRevenue().whole())),
                FigureText.share(formats, sales.byRevenue())));
    lines.add(
        messages.get(
            prefix + ".compare",
            formats.periodShort(result.previousPeriod()),
            result.previous().isEmpty() ? 0 : 1,
            FigureText.pointsChange(formats, result.byCountChange())));
    if (!result.reps().isEmpty()) {
      List<String> shown =
          result.reps().stream()
              .limit(REPS_SHOWN)
              .map(r -> r.rep().displayName() + " " + FigureText.share(formats, r.part().byCount()))
              .toList();
      lines.add(
          messages.get("figure.byRep", FigureText.firstOf(messages, shown, result.reps().size())));
    }
    // The text says every number, so there is no block of key numbers to repeat them.
    return new FigureAnswer(title, String.join("\n", lines), List.of())
        .withChart(() -> ShareChart.draw(result, formats, title, chartName));
  }
}
