package dev.salesmeter.command;

import dev.salesmeter.core.Period;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.Figure;
import dev.salesmeter.figure.FigureAnswer;
import dev.salesmeter.figure.FigureQuery;
import dev.salesmeter.figure.Figures;
import dev.salesmeter.store.EventLog;
import dev.salesmeter.store.Rep;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code /kpi <figure> [period] [@rep] [private]}: a figure for the team or one rep, this month
 * unless another period is named, posted to the channel unless {@code private}. {@code /kpi} alone
 * lists the figures.
 */
final class KpiHandler implements CommandHandler {
  private final Figures figures;
  private final EventLog log;

  KpiHandler(Figures figures, EventLog log) {
    this.figures = figures;
    this.log = log;
  }

  @Override
  public Reply handle(CommandRequest request) {
    CommandArguments args = request.arguments();
    Messages messages = request.formats().messages();
    if (args.text().isEmpty()) {
      return Reply.privately(list(messages, request.settings().locale()));
    }
    Figure figure =
        figures
            .find(args.text().get())
            .orElseThrow(
                () ->
                    new InvalidInput(
                        "error.unknownFigure",
                        args.text().get(),
                        new Listing(
                            figures.all().stream()
                                .map(f -> f.nameIn(request.settings().locale()))
                                .toList())));
    Optional<Rep> rep = Optional.empty();
    if (args.rep().isPresent()) {
      rep =
          Optional.of(
              log.rep(request.workspace(), args.rep().get())
                  .orElseThrow(
                      () -> new InvalidInput("error.unknownRep", args.rep().get().displayName())));
    }
    LocalDate today = LocalDate.ofInstant(request.now(), request.settings().zone());
    Period period = args.period().orElse(Period.month(today.getYear(), today.getMonthValue()));
    FigureAnswer answer =
        figure.answer(
            new FigureQuery(request.workspace(), request.settings(), period, rep, request.now()));
    return reply(answer, request, period, args.has(Flag.PRIVATE));
  }

  /**
   * A figure's answer as a reply: to the channel unless asked privately, with the period in words
   * and dates as its context line.
   */
  static Reply reply(
      FigureAnswer answer, CommandRequest request, Period period, boolean privately) {
    List<Reply.Field> fields =
        answer.fields().stream().map(f -> new Reply.Field(f.label(), f.value())).toList();
    return new Reply(
        Optional.of(answer.title()),
        answer.text(),
        fields,
        Optional.of(request.formats().period(period)),
        answer.chart(),
        privately);
  }

  private String list(Messages messages, java.util.Locale locale) {
    String lines =
        figures.all().stream()
            .map(
                f ->
                    "• "
                        + f.nameIn(locale)
                        + " — "
                        + messages.get("figure." + f.name() + ".summary"))
            .collect(Collectors.joining("\n"));
    return messages.get("kpi.intro") + "\n" + lines + "\n" + messages.get("kpi.more");
  }
}
