package dev.salesmeter.figure.quotes;

import dev.salesmeter.core.Money;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.FigureAnswer;
import dev.salesmeter.figure.FigureText;
import dev.salesmeter.figure.quotes.QuotesFigure.RepStaleQuotes;
import dev.salesmeter.figure.quotes.QuotesFigure.StaleQuote;
import dev.salesmeter.figure.quotes.QuotesResult.Cohort;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The quote win rate in words: the period's quoted opportunities and their outcome, the win rate by
 * count and value and its change; then the stale quotes now, per rep the one with most first, each
 * with their oldest few, and the other reps only counted.
 */
final class QuotesText {
  /** Reps whose oldest stale quotes are named; the others are only counted. */
  static final int REPS_NAMED = 3;

  private QuotesText() {}

  static FigureAnswer answer(QuotesResult result, Formats formats) {
    Messages messages = formats.messages();
    String periodWords = formats.period(result.period());
    String title = title(result, formats);
    Cohort cohort = result.cohort();
    List<String> lines = new ArrayList<>();
    if (cohort.quoted() == 0) {
      lines.add(messages.get("figure.quotes.none", periodWords));
    } else {
      lines.add(
          messages.get(
              "figure.quotes.cohort",
              cohort.quoted(),
              periodWords,
              cohort.won(),
              cohort.lost(),
              cohort.open()));
      lines.add(
          messages.get(
              "figure.quotes.winRate",
              FigureText.share(formats, cohort.winRate()),
              FigureText.share(formats, cohort.winRateByValue()),
              formats.money(Money.ofCents(cohort.wonValue())),
              formats.money(Money.ofCents(cohort.value()))));
      lines.add(
          messages.get(
              "figure.quotes.compare",
              formats.periodShort(result.previousPeriod()),
              FigureText.pointsChange(formats, result.winRateChange())));
    }
    lines.addAll(stale(result, formats));
    // The text says every number, so there is no block of key numbers to repeat them.
    FigureAnswer answer = new FigureAnswer(title, String.join("\n", lines), List.of());
    return cohort.quoted() == 0 && result.stale().isEmpty()
        ? answer
        : answer.withChart(() -> QuotesChart.draw(result, formats, title));
  }

  static String title(QuotesResult result, Formats formats) {
    return FigureText.title(
        formats.messages(), "figure.quotes", result.rep(), formats.period(result.period()));
  }

  /**
   * "107 stale quotes now (…):", then a line for each of the first few reps, most first, with their
   * oldest few and how many more; the other reps with only their counts.
   */
  private static List<String> stale(QuotesResult result, Formats formats) {
    Messages messages = formats.messages();
    if (result.stale().isEmpty()) {
      return List.of(messages.get("figure.quotes.noStale", result.staleDays()));
    }
    String heading = messages.get("figure.quotes.stale", result.staleCount(), result.staleDays());
    if (result.rep().isPresent()) {
      // One rep asked: the heading already names whose they are and how many.
      return List.of(heading + " " + oldest(result, formats, result.stale().get(0)) + ".");
    }
    List<String> lines = new ArrayList<>();
    lines.add(heading);
    List<RepStaleQuotes> named =
        result.stale().subList(0, Math.min(REPS_NAMED, result.stale().size()));
    for (RepStaleQuotes rep : named) {
      lines.add(
          messages.get(
              "figure.quotes.staleRep", rep.rep(), rep.count(), oldest(result, formats, rep)));
    }
    List<RepStaleQuotes> others = result.stale().subList(named.size(), result.stale().size());
    if (!others.isEmpty()) {
      List<String> counted =
          others.stream().limit(2L * REPS_NAMED).map(r -> r.rep() + " " + r.count()).toList();
      lines.add(
          messages.get(
              "figure.quotes.otherReps",
              others.size(),
              FigureText.firstOf(messages, counted, others.size())));
    }
    return lines;
  }

  /** "Charlie €500 (since 5 Mar 2026), … and 4 more": a rep's oldest stale quotes first. */
  private static String oldest(QuotesResult result, Formats formats, RepStaleQuotes rep) {
    List<String> shown = rep.oldest().stream().map(q -> one(result, formats, q)).toList();
    return FigureText.firstOf(formats.messages(), shown, rep.count());
  }

  private static String one(QuotesResult result, Formats formats, StaleQuote quote) {
    return formats
        .messages()
        .get(
            "figure.quotes.staleOne",
            quote.customer(),
            formats.money(quote.value()),
            formats.date(LocalDate.ofInstant(quote.lastTouch(), result.zone())));
  }
}
