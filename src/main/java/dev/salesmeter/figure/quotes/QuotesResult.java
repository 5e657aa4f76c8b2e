package dev.salesmeter.figure.quotes;

import dev.salesmeter.core.Period;
import dev.salesmeter.figure.FigureResult;
import dev.salesmeter.figure.Share;
import dev.salesmeter.figure.quotes.QuotesFigure.RepStaleQuotes;
import dev.salesmeter.store.Rep;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The quote win rate of a period's quoted opportunities and of the period before's, and the stale
 * quotes at the time of the question (not of the period asked).
 *
 * @param cohort the opportunities whose first live quote was sent in the period
 * @param previous the same of the period before
 * @param staleDays after how many days without a quote or follow-up an open quote is stale
 * @param today the local day of the question: the stale quotes are those open then
 * @param zone the workspace's time zone, in which a stale quote's last touch is a day
 * @param stale each rep's stale quotes, the rep with most first (ties by name), oldest first
 */
public record QuotesResult(
    Period period,
    Optional<Rep> rep,
    Cohort cohort,
    Cohort previous,
    int staleDays,
    LocalDate today,
    ZoneId zone,
    List<RepStaleQuotes> stale)
    implements FigureResult {
  public QuotesResult {
    stale = List.copyOf(stale);
  }

  /**
   * A cohort of quoted opportunities: how many, how many won, lost (and not won), and their value
   * at their latest quote, all of them and of the won ones, in cents.
   */
  public record Cohort(long quoted, long won, long lost, long value, long wonValue) {
    /** Neither won nor lost yet. */
    public long open() {
      return quoted - won - lost;
    }

    /** Won of quoted, by count. */
    public Share winRate() {
      return new Share(won, quoted);
    }

    /** Won quoted value of quoted value. */
    public Share winRateByValue() {
      return new Share(wonValue, value);
    }
  }

  /** The win rate by count against the period before, in points; empty when that quoted none. */
  public Optional<BigDecimal> winRateChange() {
    return cohort.winRate().pointsSince(previous.winRate());
  }

  /** How many stale quotes there are now, of the team or of the rep asked. */
  public long staleCount() {
    return stale.stream().mapToLong(RepStaleQuotes::count).sum();
  }
}
