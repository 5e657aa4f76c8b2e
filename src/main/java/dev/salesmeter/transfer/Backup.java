package dev.salesmeter.transfer;

import dev.salesmeter.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A consistent copy of the SQLite database while Salesmeter runs: SQLite's {@code VACUUM INTO}
 * reads one snapshot (WAL lets writers go on meanwhile) and writes it, compacted, to a new file. To
 * restore, stop Salesmeter and put the copy in the database's place.
 */
public final class Backup {
  private Backup() {}

  /** The target exists: a backup never overwrites a file. */
  public static final class TargetExists extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TargetExists(Path target) {
      super(target + " exists");
    }
  }

  /**
   * Copies the database to a new file.
   *
   * @throws TargetExists when the target is there already
   */
  public static void copy(Database database, Path target) {
    if (Files.exists(target)) {
      throw new TargetExists(target);
    }
    database.copyTo(target);
  }
}
