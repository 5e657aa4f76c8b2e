package dev.salesmeter.transfer;

import dev.salesmeter.core.CustomerName;
import dev.salesmeter.core.RepMention;
import dev.salesmeter.store.Rep;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who the names in a rep column are. A name matches a known rep by display name (case and accents
 * aside), as a typed {@code @name} does; {@code --rep-map} says otherwise for names that differ
 * ("Anna de Vries" → {@code U024BE7LH}, her Slack user id, or {@code anna}, her console name).
 * Other names become reps by that name.
 */
final class RepNames {
  private final Map<String, RepMention> mapped;

  private RepNames(Map<String, RepMention> mapped) {
    this.mapped = mapped;
  }

  static final RepNames NONE = new RepNames(Map.of());

  /**
   * Reads {@code --rep-map} lines, {@code name=id} (or {@code ;} or {@code ,} between), {@code #}
   * comments and blank lines left out. An id names a known rep by chat id or console name; an id
   * the workspace does not know yet is taken as the chat user id of a rep to create.
   *
   * @param problems told each line that is not a mapping, by its number
   */
  static RepNames read(List<String> lines, List<Rep> known, Problems problems, String fileName) {
    Map<String, RepMention> mapped = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).replace("\uFEFF", "").strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int at = firstSeparator(line);
      String name = at < 0 ? "" : line.substring(0, at).strip();
      String id = at < 0 ? "" : line.substring(at + 1).strip();
      if (name.isEmpty() || id.isEmpty()) {
        problems.add(i + 1, fileName, "import.repMapLine", line);
        continue;
      }
      Optional<Rep> rep =
          known.stream()
              .filter(
                  r ->
                      r.platformUserId().equals(id)
                          || CustomerName.fold(r.displayName()).equals(CustomerName.fold(id)))
              .findFirst();
      mapped.put(
          CustomerName.fold(name),
          rep.map(r -> new RepMention(Optional.of(r.platformUserId()), r.displayName()))
              .orElse(new RepMention(Optional.of(id), name)));
    }
    return new RepNames(mapped);
  }

  private static int firstSeparator(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '=' || c == ';' || c == ',' || c == '\t') {
        return i;
      }
    }
    return -1;
  }

  /** The rep a row names: by its chat id where the file gives one, else by the name. */
  RepMention of(String name, Optional<String> chatId) {
    if (chatId.isPresent()) {
      return new RepMention(chatId, name);
    }
    return Optional.ofNullable(mapped.get(CustomerName.fold(name))).orElse(RepMention.byName(name));
  }
}
