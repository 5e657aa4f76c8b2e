package dev.salesmeter.command;

import dev.salesmeter.core.Period;
import dev.salesmeter.figure.FigureQuery;
import dev.salesmeter.figure.leaderboard.LeaderboardFigure;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code /leaderboard [period] [revenue|sales]}: reps ranked for a period (this month unless
 * named), by revenue unless the last word names another ranking.
 */
final class LeaderboardHandler implements CommandHandler {
  private final LeaderboardFigure leaderboard;

  LeaderboardHandler(LeaderboardFigure leaderboard) {
    this.leaderboard = leaderboard;
  }

  @Override
  public Reply handle(CommandRequest request) {
    LocalDate today = LocalDate.ofInstant(request.now(), request.settings().zone());
    List<String> words =
        request.arguments().text().map(text -> Arrays.asList(text.split(" "))).orElse(List.of());
    LeaderboardFigure.Ranking ranking = LeaderboardFigure.Ranking.REVENUE;
    if (!words.isEmpty()) {
      Optional<LeaderboardFigure.Ranking> named =
          LeaderboardFigure.Ranking.fromWord(words.get(words.size() - 1));
      if (named.isPresent()) {
        ranking = named.get();
        words = words.subList(0, words.size() - 1);
      }
    }
    Period period =
        words.isEmpty()
            ? Period.month(today.getYear(), today.getMonthValue())
            : PeriodParser.parse(String.join(" ", words), today);
    FigureQuery query =
        new FigureQuery(
            request.workspace(), request.settings(), period, Optional.empty(), request.now());
    return KpiHandler.reply(
        leaderboard.render(leaderboard.compute(query, ranking), request.formats()),
        request,
        period,
        request.arguments().has(Flag.PRIVATE));
  }
}
