package dev.salesmeter.figure.leaderboard;

import dev.salesmeter.core.Money;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.FigureAnswer;
import dev.salesmeter.figure.leaderboard.LeaderboardFigure.Ranking;
import dev.salesmeter.figure.leaderboard.LeaderboardResult.Place;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The leaderboard in words: a line per rep, best first, with the change against the period before.
 */
final class LeaderboardText {
  private LeaderboardText() {}

  static FigureAnswer answer(LeaderboardResult result, Formats formats) {
    Messages messages = formats.messages();
    String periodWords = formats.period(result.period());
    String title = title(result, formats);
    if (result.isEmpty()) {
      return new FigureAnswer(title, messages.get("figure.noSales", periodWords), List.of());
    }
    List<String> lines = new ArrayList<>();
    for (Place place : result.places()) {
      lines.add(
          messages.get(
              "figure.leaderboard.line",
              place.rank(),
              place.rep(),
              value(formats, result.ranking(), place.now()),
              change(formats, result.ranking(), place)));
    }
    lines.add(
        messages.get("figure.leaderboard.against", formats.periodShort(result.previousPeriod())));
    // The text says every number, so there is no block of key numbers to repeat them.
    return new FigureAnswer(title, String.join("\n", lines), List.of())
        .withChart(() -> LeaderboardChart.draw(result, formats, title));
  }

  static String title(LeaderboardResult result, Formats formats) {
    Messages messages = formats.messages();
    return messages.get(
        "figure.leaderboard.title",
        formats.period(result.period()),
        messages.get("figure.leaderboard.by." + result.ranking().name().toLowerCase(Locale.ROOT)));
  }

  /** "€2,500", or "1 sale", "3 sales". */
  static String value(Formats formats, Ranking ranking, long value) {
    return ranking == Ranking.REVENUE
        ? formats.money(Money.ofCents(value))
        : formats.messages().get("figure.leaderboard.sales", value);
  }

  /** "▲ €1,500", "▼ 1", "=", or "new" for a rep whose first sale ever is in the period. */
  private static String change(Formats formats, Ranking ranking, Place place) {
    if (place.isNew()) {
      return formats.messages().get("figure.leaderboard.new");
    }
    long difference = place.now() - place.before();
    if (difference == 0) {
      return "=";
    }
    long size = Math.abs(difference);
    return (difference > 0 ? "▲ " : "▼ ")
        + (ranking == Ranking.REVENUE ? formats.money(Money.ofCents(size)) : Long.toString(size));
  }
}
