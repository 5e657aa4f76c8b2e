package dev.salesmeter.figure.conversion;

import dev.salesmeter.core.Period;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.figure.Figure;
import dev.salesmeter.figure.FigureAnswer;
import dev.salesmeter.figure.FigureQuery;
import dev.salesmeter.figure.conversion.ConversionResult.Cohort;
import dev.salesmeter.store.Database;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Lead conversion: of the leads received in a period (live lead events), how many got an
 * appointment, a quote and a sale at any time up to now; the appointment-to-sale rate; and how many
 * are still open, since a young cohort has not finished converting. Per rep the opportunity's rep
 * counts. What each opportunity reached is read from {@code opportunity_facts}, which the database
 * keeps from the live events.
 */
public final class ConversionFigure implements Figure<ConversionResult> {
  private final Jdbi jdbi;

  public ConversionFigure(Database database) {
    this.jdbi = database.jdbi();
  }

  @Override
  public List<String> names() {
    return List.of("conversion", "conversie", "funnel", "trechter");
  }

  @Override
  public ConversionResult compute(FigureQuery query) {
    return jdbi.withHandle(
        handle ->
            new ConversionResult(
                query.period(),
                query.rep(),
                cohort(handle, query, query.period()),
                cohort(handle, query, query.period().previous())));
  }

  @Override
  public FigureAnswer render(ConversionResult result, Formats formats) {
    return ConversionText.answer(result, formats);
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
              AND (CAST(:rep AS BIGINT) IS NULL OR rep_id = :rep)
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
