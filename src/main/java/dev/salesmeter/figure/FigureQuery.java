package dev.salesmeter.figure;

import dev.salesmeter.core.Period;
import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.store.Rep;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a figure is asked for.
 *
 * @param rep one rep, or empty for the whole team
 * @param now the time of the question (a period that includes it is still running)
 */
public record FigureQuery(
    WorkspaceId workspace,
    WorkspaceSettings settings,
    Period period,
    Optional<Rep> rep,
    Instant now) {
  /**
   * The FROM and WHERE of a span's sales per rep and day: {@code d} a row of sales_by_day in {@code
   * :ws} from {@code :firstDay} through {@code :lastDay}, {@code r} its rep.
   */
  public static final String SALES_BY_DAY =
      "FROM sales_by_day d JOIN reps r ON r.id = d.rep_id"
          + " WHERE d.workspace_id = :ws AND d.day >= :firstDay AND d.day <= :lastDay";

  /**
   * Which sales count in a span, for the team or {@code :rep}: those whose local day (as logged)
   * lies in {@code :firstDay} through {@code :lastDay}, by the rep of each sale. A condition on the
   * unaliased columns {@code workspace_id}, {@code day} and {@code rep_id}, which sales_by_day,
   * sale_facts and {@link SaleRows}' rows share: the figures that sum sales and their drill-downs
   * read the same rule.
   */
  public static final String SALES_OF_SPAN =
      "workspace_id = :ws AND day >= :firstDay AND day <= :lastDay"
          + " AND (CAST(:rep AS BIGINT) IS NULL OR rep_id = :rep)";

  public FigureQuery {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(rep, "rep");
    Objects.requireNonNull(now, "now");
  }

  /** The same question about another period. */
  public FigureQuery withPeriod(Period other) {
    return new FigureQuery(workspace, settings, other, rep, now);
  }

  /**
   * The parameters most figure queries take, bound by name: {@code :ws}, the period's UTC bounds
   * {@code :from} (inclusive) and {@code :to} (exclusive) at local midnights, its local days {@code
   * :firstDay} and {@code :lastDay} (ISO dates, both inclusive), and {@code :rep} (null for the
   * team).
   */
  public Map<String, Object> span(Period span) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("ws", workspace.value());
    parameters.put("from", span.startInstant(settings.zone()).toEpochMilli());
    parameters.put("to", span.endInstant(settings.zone()).toEpochMilli());
    parameters.put("firstDay", span.start().toString());
    parameters.put("lastDay", span.end().toString());
    parameters.put("rep", rep.map(Rep::id).orElse(null));
    return parameters;
  }

  /**
   * A {@code WITH spans (i, span_from, span_to, first_day, last_day)} clause with one row per
   * period, in order, for statements that count several periods at once; the rows' bounds ({@code
   * :from0}, {@code :to0}, …, as {@link #span} gives them) are put into {@code parameters}.
   */
  public String withSpans(List<Period> periods, Map<String, Object> parameters) {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < periods.size(); i++) {
      Map<String, Object> span = span(periods.get(i));
      for (String bound : List.of("from", "to", "firstDay", "lastDay")) {
        parameters.put(bound + i, span.get(bound));
      }
      rows.append(i == 0 ? "" : ", ")
          .append("(%d, :from%d, :to%d, :firstDay%d, :lastDay%d)".formatted(i, i, i, i, i));
    }
    return "WITH spans (i, span_from, span_to, first_day, last_day) AS (VALUES " + rows + ") ";
  }
}
