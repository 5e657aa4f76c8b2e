package dev.salesmeter.figure;

import dev.salesmeter.core.Period;
import dev.salesmeter.store.Rep;
import java.util.Optional;

/**
 * What a figure computed for one question: its numbers, unrounded, as records. Chat text, charts,
 * JSON and pages are renderings of it, so a number is tested once and shown the same everywhere.
 */
public interface FigureResult {
  /** The period asked about. */
  Period period();

  /** The rep asked about, or empty for the team. */
  Optional<Rep> rep();

  /** The period the figure is compared with: the one before. */
  default Period previousPeriod() {
    return period().previous();
  }
}
