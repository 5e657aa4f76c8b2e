package dev.salesmeter.figure;

import dev.salesmeter.core.Period;
import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.store.Rep;
import java.time.Instant;
import java.util.HashMap;
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
   * {@code :from} (inclusive) and {@code :to} (exclusive) at local midnights, and {@code :rep}
   * (null for the team).
   */
  public Map<String, Object> span(Period span) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("ws", workspace.value());
    parameters.put("from", span.startInstant(settings.zone()).toEpochMilli());
    parameters.put("to", span.endInstant(settings.zone()).toEpochMilli());
    parameters.put("rep", rep.map(Rep::id).orElse(null));
    return parameters;
  }
}
