package dev.salesmeter.figure;

import dev.salesmeter.core.Period;
import dev.salesmeter.store.Rep;
import java.util.Optional;

/**
 * Only while figures move to typed results: the answer of a figure that still writes its own words.
 * Removed when every figure computes a typed result.
 */
public record WordedResult(Period period, Optional<Rep> rep, FigureAnswer answer)
    implements FigureResult {
  public static WordedResult of(FigureQuery query, FigureAnswer answer) {
    return new WordedResult(query.period(), query.rep(), answer);
  }
}
