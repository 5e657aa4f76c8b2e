package dev.salesmeter.figure.leaderboard;

import dev.salesmeter.core.Period;
import dev.salesmeter.figure.FigureResult;
import dev.salesmeter.figure.leaderboard.LeaderboardFigure.Ranking;
import dev.salesmeter.store.Rep;
import java.util.List;
import java.util.Optional;

/**
 * Reps ranked by a figure for a period and for the period before: every rep with a sale in either,
 * best first, ties by name.
 *
 * @param places the reps in order; equal values share a rank (1, 2, 2, 4)
 */
public record LeaderboardResult(
    Period period, Optional<Rep> rep, Ranking ranking, List<Place> places) implements FigureResult {
  public LeaderboardResult {
    places = List.copyOf(places);
  }

  /**
   * A rep's place: the value of the ranking now and in the period before (cents or sales), the rank
   * now and before (among the reps listed, a value of nothing ranked last), and whether the rep is
   * new: their first sale ever is in the period.
   */
  public record Place(String rep, long now, long before, int rank, int rankBefore, boolean isNew) {
    /** Places risen since the period before: positive up, negative down. */
    public int rankChange() {
      return rankBefore - rank;
    }
  }

  /** Whether nobody sold anything in the period. */
  public boolean isEmpty() {
    return places.stream().allMatch(p -> p.now() == 0);
  }
}
