package dev.salesmeter.figure;

import dev.salesmeter.core.Drawing;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A figure's answer in the workspace's words: a title, sentences, and the numbers as labelled
 * fields that adapters lay out (Block Kit fields, embed fields), and a chart where there is
 * something to draw.
 */
public record FigureAnswer(String title, String text, List<Field> fields, Optional<Drawing> chart) {
  /** A labelled number, such as "Revenue: €12,400". */
  public record Field(String label, String value) {}

  public FigureAnswer {
    fields = List.copyOf(fields);
    Objects.requireNonNull(chart, "chart");
  }

  /** An answer without a chart: there is nothing to draw. */
  public FigureAnswer(String title, String text, List<Field> fields) {
    this(title, text, fields, Optional.empty());
  }

  /** The answer with a chart, drawn when it is asked for (see {@link Drawing}). */
  public FigureAnswer withChart(Drawing drawing) {
    return new FigureAnswer(title, text, fields, Optional.of(drawing));
  }
}
