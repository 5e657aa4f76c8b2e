package dev.salesmeter.figure.churn;

import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.FigureAnswer;
import dev.salesmeter.figure.FigureText;
import dev.salesmeter.figure.churn.ChurnFigure.CustomerMoment;
import dev.salesmeter.figure.churn.ChurnFigure.Rate;
import java.util.ArrayList;
import java.util.List;

/**
 * Churn in words: who was active at the start and who of them left, who came in new or was won
 * back, the change against the period before, and who is at risk now. The text says every number,
 * so there is no block of key numbers.
 */
final class ChurnText {
  /** How many customers a list names before "and N more". */
  static final int NAMES_SHOWN = 8;

  private ChurnText() {}

  static FigureAnswer answer(ChurnResult result, Formats formats) {
    Messages messages = formats.messages();
    String title =
        FigureText.title(messages, "figure.churn", result.rep(), formats.period(result.period()));
    if (result.isEmpty()) {
      return new FigureAnswer(
          title, messages.get("figure.churn.none", formats.period(result.period())), List.of());
    }
    List<String> lines = new ArrayList<>();
    Rate rate = result.rate();
    if (rate.activeAtStart() == 0) {
      lines.add(messages.get("figure.churn.noneActive"));
    } else if (rate.churned() == 0) {
      lines.add(messages.get("figure.churn.noneLeft", rate.activeAtStart()));
    } else {
      lines.add(
          messages.get(
              "figure.churn.rate",
              rate.activeAtStart(),
              rate.churned(),
              FigureText.share(formats, rate.share()),
              names(formats, result.churned(), true)));
    }
    List<String> came = new ArrayList<>();
    if (!result.fresh().isEmpty()) {
      came.add(
          messages.get(
              "figure.churn.new", result.fresh().size(), names(formats, result.fresh(), false)));
    }
    if (!result.wonBack().isEmpty()) {
      came.add(
          messages.get(
              "figure.churn.wonBack",
              result.wonBack().size(),
              names(formats, result.wonBack(), false)));
    }
    lines.add(came.isEmpty() ? messages.get("figure.churn.noNew") : String.join(" ", came));
    if (!result.newAndGone().isEmpty()) {
      lines.add(messages.get("figure.churn.newAndGone", names(formats, result.newAndGone(), true)));
    }
    if (rate.activeAtStart() > 0) {
      lines.add(
          messages.get(
              "figure.churn.compare",
              formats.periodShort(result.previousPeriod()),
              FigureText.pointsChange(formats, result.rateChange())));
    }
    lines.add(
        result.atRisk().isEmpty()
            ? messages.get("figure.churn.noRisk")
            : messages.get(
                "figure.churn.atRisk",
                result.atRisk().size(),
                FigureText.firstOf(
                    messages,
                    result.atRisk().stream()
                        .limit(NAMES_SHOWN)
                        .map(
                            c ->
                                messages.get(
                                    "figure.churn.lapses", c.name(), formats.date(c.day())))
                        .toList(),
                    result.atRisk().size())));
    FigureAnswer answer = new FigureAnswer(title, String.join("\n", lines), List.of());
    boolean anything =
        result.months().stream().anyMatch(m -> m.rate().activeAtStart() > 0 || m.fresh() > 0);
    return anything ? answer.withChart(() -> ChurnChart.draw(result, formats, title)) : answer;
  }

  /** "Acme (4 Mar 2026), Beta (silently, 12 Mar 2026)", the first few, and how many more. */
  private static String names(Formats formats, List<CustomerMoment> named, boolean dated) {
    Messages messages = formats.messages();
    List<String> shown =
        named.stream()
            .limit(NAMES_SHOWN)
            .map(
                n -> {
                  if (!dated) {
                    return n.name();
                  }
                  String day = formats.date(n.day());
                  return n.name()
                      + " ("
                      + (n.silent() ? messages.get("figure.churn.silently", day) : day)
                      + ")";
                })
            .toList();
    return FigureText.firstOf(messages, shown, named.size());
  }
}
