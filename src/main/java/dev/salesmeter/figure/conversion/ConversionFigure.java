package dev.salesmeter.figure.conversion;

import dev.salesmeter.core.Period;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.figure.DrillCells;
import dev.salesmeter.figure.Drilldown;
import dev.salesmeter.figure.Drilldown.Column;
import dev.salesmeter.figure.Drilldown.Kind;
import dev.salesmeter.figure.Drilldown.Row;
import dev.salesmeter.figure.Drilldown.Table;
import dev.salesmeter.figure.Figure;
import dev.salesmeter.figure.FigureAnswer;
import dev.salesmeter.figure.FigureQuery;
import dev.salesmeter.figure.conversion.ConversionResult.Cohort;
import dev.salesmeter.store.Database;
import java.time.ZoneId;
import java.util.Arrays;
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
  /**
   * The cohort: the opportunities of {@code opportunity_facts} whose first live lead came in the
   * span, of the team or of {@code :rep} (the opportunity's rep).
   */
  private static final String COHORT =
      "workspace_id = :ws AND lead_at >= :from AND lead_at < :to"
          + " AND (CAST(:rep AS BIGINT) IS NULL OR rep_id = :rep)";

  private static final List<Column> COLUMNS =
      List.of(
          new Column("number", Kind.NUMBER),
          new Column("date", Kind.DATE),
          new Column("rep", Kind.TEXT),
          new Column("customer", Kind.TEXT),
          new Column("source", Kind.TEXT),
          new Column("appointment", Kind.DATE),
          new Column("quote", Kind.DATE),
          new Column("sale", Kind.DATE),
          new Column("lost", Kind.DATE),
          new Column("voided_by", Kind.NUMBER),
          new Column("replaces", Kind.NUMBER));

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

  /**
   * The cohort's leads, one row per opportunity: its first live lead (number, day, source), its rep
   * and customer, and the day it first reached each step, as the figure counts them. The lead
   * events of the period that were voided follow as struck rows, so a corrected lead shows both.
   */
  @Override
  public Drilldown drill(FigureQuery query) {
    ZoneId zone = query.settings().zone();
    return jdbi.withHandle(
        handle ->
            new Drilldown(
                List.of(
                    new Table(
                        "leads",
                        COLUMNS,
                        handle
                            .createQuery(
                                "SELECT l.number, l.local_date, r.display_name AS rep,"
                                    + " c.name AS customer, l.source, o.appointment_at,"
                                    + " o.first_quote_at, o.won_at, o.lost_at, NULL AS voided_by,"
                                    + " p.number AS replaces, l.occurred_at"
                                    + " FROM (SELECT * FROM opportunity_facts WHERE "
                                    + COHORT
                                    + ") o"
                                    // the first live lead, as lead_at is
                                    + " JOIN events l ON l.id = (SELECT x.id FROM live_events x"
                                    + " WHERE x.opportunity_id = o.opportunity_id"
                                    + " AND x.kind = 'lead' ORDER BY x.occurred_at, x.id LIMIT 1)"
                                    + " JOIN reps r ON r.id = o.rep_id"
                                    + " JOIN customers c ON c.id = o.customer_id"
                                    + " LEFT JOIN events p ON p.id = l.replaces_event_id"
                                    + " UNION ALL"
                                    + " SELECT l.number, l.local_date, r.display_name, c.name,"
                                    + " l.source, NULL, NULL, NULL, NULL, v.number, p.number,"
                                    + " l.occurred_at"
                                    + " FROM events l JOIN events v ON v.voids_event_id = l.id"
                                    + " JOIN opportunities o ON o.id = l.opportunity_id"
                                    + " JOIN reps r ON r.id = o.rep_id"
                                    + " JOIN customers c ON c.id = l.customer_id"
                                    + " LEFT JOIN events p ON p.id = l.replaces_event_id"
                                    + " WHERE l.workspace_id = :ws AND l.kind = 'lead'"
                                    + " AND l.occurred_at >= :from AND l.occurred_at < :to"
                                    + " AND (CAST(:rep AS BIGINT) IS NULL OR o.rep_id = :rep)"
                                    + " ORDER BY 12, 1")
                            .bindMap(query.span(query.period()))
                            .map(
                                (rs, ctx) -> {
                                  Long voidedBy = DrillCells.number(rs, "voided_by");
                                  return new Row(
                                      Arrays.asList(
                                          rs.getLong("number"),
                                          DrillCells.date(rs, "local_date"),
                                          rs.getString("rep"),
                                          rs.getString("customer"),
                                          rs.getString("source"),
                                          DrillCells.day(rs, "appointment_at", zone),
                                          DrillCells.day(rs, "first_quote_at", zone),
                                          DrillCells.day(rs, "won_at", zone),
                                          DrillCells.day(rs, "lost_at", zone),
                                          voidedBy,
                                          DrillCells.number(rs, "replaces")),
                                      voidedBy != null);
                                })
                            .list()))));
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
            WHERE\s"""
                + COHORT)
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
