package dev.salesmeter.figure;

import dev.salesmeter.core.Period;
import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.store.Rep;
import java.time.Instant;
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
}
