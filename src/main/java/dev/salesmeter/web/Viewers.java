package dev.salesmeter.web;

import io.javalin.http.Context;
import java.util.Optional;

/** Finds who is looking from a web request: its session, or nobody (the page answers 403). */
@FunctionalInterface
public interface Viewers {
  Optional<Viewer> of(Context request);
}
