package dev.salesmeter.command;

import dev.salesmeter.core.Drawing;
import dev.salesmeter.core.Picture;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a command answers, for any platform: text, optional labelled fields (Slack lays them out as
 * Block Kit fields, Discord as embed fields), an optional chart drawn when the adapter is ready to
 * post it (after the text, see {@link Drawing}), and who sees it.
 *
 * @param title a short heading, where the platform shows one
 * @param context a line under the answer that says what it covers (the period in words and dates),
 *     where the platform shows one
 * @param ephemeral whether only the asker sees it (errors and one's own logging) or the channel
 */
public record Reply(
    Optional<String> title,
    String text,
    List<Field> fields,
    Optional<String> context,
    Optional<Drawing> chart,
    boolean ephemeral) {

  /** A labelled number, such as "Win rate: 42%". */
  public record Field(String label, String value) {}

  public Reply {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
    fields = List.copyOf(fields);
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(chart, "chart");
  }

  /** A reply only the asker sees. */
  public static Reply privately(String text) {
    return new Reply(Optional.empty(), text, List.of(), Optional.empty(), Optional.empty(), true);
  }

  /** The chart drawn now, where the reply has one (the console; tests). */
  public Optional<Picture> picture() {
    return chart.map(Drawing::draw);
  }
}
