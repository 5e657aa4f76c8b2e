package dev.salesmeter.transfer;

import dev.salesmeter.command.InvalidInput;
import dev.salesmeter.core.WorkspaceId;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What reading one file's rows needs: where they go, how its numbers and dates are written, who its
 * reps are, and where problems are noted.
 *
 * @param locale how the file writes numbers
 * @param hash the file's content hash, which keys rows without an id
 * @param now when the import runs: no event may lie after it
 */
record Context(
    WorkspaceId workspace,
    Locale locale,
    FileDates dates,
    RepNames reps,
    Problems problems,
    String hash,
    Instant now,
    Set<String> ids) {
  /** The longest id a row may carry. */
  private static final int MOST_ID = 200;

  Context(
      WorkspaceId workspace,
      Locale locale,
      FileDates dates,
      RepNames reps,
      Problems problems,
      String hash,
      Instant now) {
    this(workspace, locale, dates, reps, problems, hash, now, new HashSet<>());
  }

  /** A row's own id, checked. */
  static String id(String value) {
    if (value.length() > MOST_ID || value.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidInput("import.idInvalid", value, MOST_ID);
    }
    return value;
  }

  /** Whether an id is new in this file. */
  boolean newId(String id) {
    return ids.add(id);
  }

  /**
   * The interaction id of an event from a row: its id where it has one, else the file's content and
   * its line, so the same file imported twice adds nothing the second time.
   *
   * @param part which of a row's events, for a row that becomes several (a deal)
   */
  String interactionId(Optional<String> id, long line, String part) {
    String key = id.map(value -> "id:" + value).orElse(hash + ":" + line);
    return "import:" + key + (part.isEmpty() ? "" : ":" + part);
  }
}
