package dev.salesmeter.core;

/**
 * A chart still to be drawn. An answer's text goes out first — the platforms want an answer within
 * three seconds — and its picture is drawn after, when the adapter is ready to post it.
 */
@FunctionalInterface
public interface Drawing {
  Picture draw();
}
