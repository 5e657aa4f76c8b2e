package dev.salesmeter.command;

import dev.salesmeter.core.Picture;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a command answers, for any platform: text, optional labelled fields (Slack lays them out as
 * Block Kit fields, Discord as embed fields), an optional PNG chart, and who sees it.
 *
 * @param title a short heading, where the platform shows one
 * @param ephemeral whether only the asker sees it (errors and one's own logging) or the channel
 */
public record Reply(
    Optional<String> title,
    String text,
    List<Field> fields,
    Optional<Picture> image,
    boolean ephemeral) {

  /** A labelled number, such as "Win rate: 42%". */
  public record Field(String label, String value) {}

  public Reply {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
    fields = List.copyOf(fields);
    Objects.requireNonNull(image, "image");
  }

  /** A reply only the asker sees. */
  public static Reply privately(String text) {
    return new Reply(Optional.empty(), text, List.of(), Optional.empty(), true);
  }
}
