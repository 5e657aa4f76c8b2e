package dev.salesmeter.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The management endpoints, for an operator's load balancer, orchestrator and Prometheus:
 *
 * <ul>
 *   <li>{@code /healthz}, liveness: the process answers and its database takes a write;
 *   <li>{@code /readyz}, readiness: live, and every chat platform connected;
 *   <li>{@code /metrics}: Prometheus text.
 * </ul>
 *
 * A failed check answers 503 with one line that says what is wrong.
 */
public final class Management {
  /** A chat platform's connection, by name ({@code slack}, {@code discord}). */
  public record Connection(String name, BooleanSupplier connected) {}

  private final Supplier<Optional<String>> databaseProblem;
  private final List<Connection> connections;
  private final MicrometerMetrics metrics;

  /**
   * @param databaseProblem a write to the database; empty when it worked, else what went wrong
   * @param connections the platforms that must be connected for the process to be ready
   */
  public Management(
      Supplier<Optional<String>> databaseProblem,
      List<Connection> connections,
      MicrometerMetrics metrics) {
    this.databaseProblem = databaseProblem;
    this.connections = List.copyOf(connections);
    this.metrics = metrics;
  }

  /** Adds the three routes to a listener. */
  public void routes(RoutesConfig routes) {
    routes.get("/healthz", this::health);
    routes.get("/readyz", this::ready);
    routes.get("/metrics", this::metrics);
  }

  private void health(Context ctx) {
    Optional<String> problem = liveness();
    answer(ctx, problem);
  }

  private void ready(Context ctx) {
    Optional<String> problem = liveness();
    if (problem.isEmpty()) {
      String down =
          connections.stream()
              .filter(connection -> !connection.connected().getAsBoolean())
              .map(Connection::name)
              .collect(Collectors.joining(", "));
      if (!down.isEmpty()) {
        problem = Optional.of("not connected: " + down);
      }
    }
    answer(ctx, problem);
  }

  private Optional<String> liveness() {
    try {
      return databaseProblem.get().map(p -> "database: " + p);
    } catch (RuntimeException e) {
      return Optional.of("database: " + e.getMessage());
    }
  }

  private static void answer(Context ctx, Optional<String> problem) {
    ctx.contentType("text/plain; charset=utf-8");
    if (problem.isPresent()) {
      // One line, so a probe's log shows all of it.
      ctx.status(503).result(problem.get().lines().findFirst().orElse("") + "\n");
    } else {
      ctx.status(200).result("ok");
    }
  }

  private void metrics(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
  }
}
