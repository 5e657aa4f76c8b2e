package dev.salesmeter.command;

import dev.salesmeter.core.Period;
import dev.salesmeter.figure.FigureQuery;
import dev.salesmeter.scorecard.Scorecard;
import java.time.LocalDate;
import java.util.Optional;

/**
 * {@code /scorecard [week] [private]}: the weekly scorecard of an ISO week, the last full week
 * unless another is named.
 */
final class ScorecardHandler implements CommandHandler {
  private final Scorecard scorecard;

  ScorecardHandler(Scorecard scorecard) {
    this.scorecard = scorecard;
  }

  @Override
  public Reply handle(CommandRequest request) {
    LocalDate today = LocalDate.ofInstant(request.now(), request.settings().zone());
    Optional<String> text = request.arguments().text();
    Period week =
        text.map(phrase -> PeriodParser.parse(phrase, today))
            .orElseGet(() -> Scorecard.lastFullWeek(today));
    if (week.unit() != Period.Unit.WEEK) {
      throw new InvalidInput("error.notAWeek", text.orElseThrow());
    }
    if (week.start().isAfter(today)) {
      throw new InvalidInput("error.weekFuture", request.formats().period(week));
    }
    FigureQuery query =
        new FigureQuery(
            request.workspace(), request.settings(), week, Optional.empty(), request.now());
    return KpiHandler.reply(
        scorecard.answer(query), request, week, request.arguments().has(Flag.PRIVATE));
  }
}
