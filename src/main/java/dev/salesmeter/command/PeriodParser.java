package dev.salesmeter.command;

import dev.salesmeter.core.Period;
import dev.salesmeter.core.PeriodPhrase;
import java.time.LocalDate;

/** Reads a period phrase of a command ({@link PeriodPhrase}); one it cannot read is bad input. */
public final class PeriodParser {
  private PeriodParser() {}

  /**
   * The period a phrase names.
   *
   * @param today today's date in the workspace's time zone
   * @throws InvalidInput for a phrase that names no period
   */
  public static Period parse(String phrase, LocalDate today) {
    return PeriodPhrase.read(phrase, today)
        .orElseThrow(() -> new InvalidInput("error.periodInvalid", phrase));
  }
}
