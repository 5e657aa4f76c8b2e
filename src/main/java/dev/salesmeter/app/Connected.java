package dev.salesmeter.app;

import dev.salesmeter.http.Management;
import dev.salesmeter.schedule.Poster;
import java.util.List;

/**
 * A chat platform this process is connected to: where scheduled posts go, how to leave, and the
 * connections {@code /readyz} checks (none for Slack's HTTP mode, which Slack calls).
 */
record Connected(Poster poster, AutoCloseable connection, List<Management.Connection> readiness) {}
