package dev.salesmeter.app;

import dev.salesmeter.http.Management;
import dev.salesmeter.schedule.Poster;
import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A chat platform this process is connected to: where scheduled posts go, how to leave, the
 * connections {@code /readyz} checks (none for Slack's HTTP mode, which Slack calls), and the route
 * the platform needs on the public listener (Slack's events path in HTTP mode).
 */
record Connected(
    Poster poster,
    AutoCloseable connection,
    List<Management.Connection> readiness,
    Optional<Consumer<RoutesConfig>> route) {}
