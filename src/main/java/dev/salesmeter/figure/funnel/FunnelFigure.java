package dev.salesmeter.figure.funnel;

import dev.salesmeter.core.Period;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.Figure;
import dev.salesmeter.figure.FigureAnswer;
import dev.salesmeter.figure.FigureQuery;
import dev.salesmeter.figure.FigureText;
import dev.salesmeter.store.Database;
import dev.salesmeter.store.Rep;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Lead conversion: of the leads received in a period (live lead events), how many got an
 * appointment, a quote and a sale at any time up to now, each as a share of the leads; the
 * appointment-to-sale rate; and how many are still open, since a young cohort has not finished
 * converting. Per rep the opportunity's rep counts. What each opportunity reached is read from
 * {@code opportunity_facts}, which the database keeps from the live events.
 */
public final class FunnelFigure implements Figure {
  /** A cohort's counts. */
  record Cohort(
      long leads, long appointments, long quotes, long sales, long appointmentSales, long open) {}

  private final Jdbi jdbi;

  public FunnelFigure(Database database) {
    this.jdbi = database.jdbi();
  }

  @Override
  public List<String> names() {
    return List.of("conversion", "conversie", "funnel", "trechter");
  }

  @Override
  public FigureAnswer answer(FigureQuery query) {
    Formats formats = Formats.of(query.settings());
    Messages messages = formats.messages();
    String periodWords = formats.period(query.period());
    String title = FigureText.title(messages, "figure.funnel", query, periodWords);
    return jdbi.withHandle(
        handle -> {
          Cohort now = cohort(handle, query, query.period());
          if (now.leads() == 0) {
            return new FigureAnswer(
                title, messages.get("figure.funnel.none", periodWords), List.of());
          }
          Cohort before = cohort(handle, query, query.period().previous());
          String toAppointment =
              formats.percent(FigureText.percent(now.appointments(), now.leads()));
          String toQuote = formats.percent(FigureText.percent(now.quotes(), now.leads()));
          String toSale = formats.percent(FigureText.percent(now.sales(), now.leads()));
          String change =
              before.leads() == 0
                  ? messages.get("figure.nothingBefore")
                  : FigureText.points(
                      formats,
                      FigureText.percent(now.sales(), now.leads())
                          .subtract(FigureText.percent(before.sales(), before.leads())));
          String text =
              String.join(
                  "\n",
                  messages.get(
                      "figure.funnel.steps",
                      now.leads(),
                      now.appointments(),
                      toAppointment,
                      now.quotes(),
                      toQuote,
                      now.sales(),
                      toSale),
                  messages.get(
                      "figure.funnel.appointmentToSale",
                      now.appointmentSales(),
                      now.appointments(),
                      formats.percent(
                          FigureText.percent(now.appointmentSales(), now.appointments()))),
                  messages.get(
                      "figure.funnel.open",
                      now.open(),
                      now.leads(),
                      formats.percent(FigureText.percent(now.open(), now.leads()))),
                  messages.get(
                      "figure.funnel.compare",
                      formats.periodName(query.period().previous()),
                      change));
          List<FigureAnswer.Field> fields =
              List.of(
                  new FigureAnswer.Field(
                      messages.get("figure.field.leads"), Long.toString(now.leads())),
                  new FigureAnswer.Field(messages.get("figure.field.toAppointment"), toAppointment),
                  new FigureAnswer.Field(messages.get("figure.field.toQuote"), toQuote),
                  new FigureAnswer.Field(messages.get("figure.field.toSale"), toSale),
                  new FigureAnswer.Field(
                      messages.get("figure.field.open"), Long.toString(now.open())));
          return new FigureAnswer(title, text, fields)
              .withChart(
                  () ->
                      FunnelChart.draw(
                          formats,
                          title,
                          query.period(),
                          now,
                          before,
                          query.rep().map(Rep::displayName).orElse("")));
        });
  }

  private static Cohort cohort(Handle handle, FigureQuery query, Period period) {
    return handle
        .createQuery(
            """
            SELECT COUNT(*) AS leads,
                   COUNT(appointment_at) AS appointments,
                   COUNT(first_quote_at) AS quotes,
                   COUNT(won_at) AS sales,
                   COALESCE(SUM(CASE WHEN appointment_at IS NOT NULL AND won_at IS NOT NULL
                                THEN 1 ELSE 0 END), 0) AS appointment_sales,
                   COALESCE(SUM(CASE WHEN won_at IS NULL AND lost_at IS NULL
                                THEN 1 ELSE 0 END), 0) AS open
            FROM opportunity_facts
            WHERE workspace_id = :ws AND lead_at >= :from AND lead_at < :to
              AND (:rep IS NULL OR rep_id = :rep)
            """)
        .bindMap(query.span(period))
        .map(
            (rs, ctx) ->
                new Cohort(
                    rs.getLong("leads"),
                    rs.getLong("appointments"),
                    rs.getLong("quotes"),
                    rs.getLong("sales"),
                    rs.getLong("appointment_sales"),
                    rs.getLong("open")))
        .one();
  }
}
