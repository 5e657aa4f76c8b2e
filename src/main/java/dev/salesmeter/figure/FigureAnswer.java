package dev.salesmeter.figure;

import java.util.List;

/**
 * A figure's answer in the workspace's words: a title, sentences, and the numbers as labelled
 * fields that adapters lay out (Block Kit fields, embed fields).
 */
public record FigureAnswer(String title, String text, List<Field> fields) {
  /** A labelled number, such as "Revenue: €12,400". */
  public record Field(String label, String value) {}

  public FigureAnswer {
    fields = List.copyOf(fields);
  }
}
