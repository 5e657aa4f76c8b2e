package dev.salesmeter.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmeter.command.TestWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backup while running, and the restore the README describes: copy back, start, same figures. */
final class BackupTest {
  @TempDir Path folder;

  @Test
  @DisplayName(
      "backed up while open, restored into place: the same figures; a target is never overwritten")
  void backupAndRestore() throws Exception {
    Path live = folder.resolve("live");
    Path backup = folder.resolve("backup.db");
    String before;
    try (TestWorkspace team = TestWorkspace.english(live)) {
      // given
      team.run("@anna /lead Acme date:2026-03-02");
      team.run("@anna /quote Acme 900 date:2026-03-03");
      team.run("@anna /sale Acme 1000 date:2026-03-10");
      team.run("@bram /lead Beta date:2026-03-11");
      before = team.run("/kpi conversion march 2026").text();

      // when: backed up while the database is open (and its WAL holds the latest writes)
      Backup.copy(team.database(), backup);

      // then: later writes are not in the copy, and an existing target is refused
      team.run("@bram /lead Gamma date:2026-03-12");
      assertThatThrownBy(() -> Backup.copy(team.database(), backup))
          .isInstanceOf(Backup.TargetExists.class);
    }

    // when: restored as the README says (stopped; the copy in the database's place)
    Path restored = folder.resolve("restored");
    Files.createDirectories(restored);
    Files.copy(backup, restored.resolve("salesmeter.db"), StandardCopyOption.REPLACE_EXISTING);
    try (TestWorkspace team = TestWorkspace.english(restored)) {
      // then
      assertThat(team.events()).isEqualTo(4);
      assertThat(team.run("/kpi conversion march 2026").text()).isEqualTo(before);
    }
  }
}
