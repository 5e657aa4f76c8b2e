package dev.salesmeter.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.command.CommandSpec;
import dev.salesmeter.command.TestWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed Slack manifest is the one the registry generates. */
final class SlackManifestTest {
  @TempDir Path folder;
  TestWorkspace team;

  @BeforeEach
  void open() {
    team = TestWorkspace.english(folder);
  }

  @AfterEach
  void close() {
    team.close();
  }

  @Test
  @DisplayName("slack/manifest.yml matches the registry (regenerate: java -jar … slack-manifest)")
  void committedManifest() throws Exception {
    String generated = SlackManifest.yaml(team.commands().registry());
    assertThat(Files.readString(Path.of("slack", "manifest.yml"))).isEqualTo(generated);
  }

  @Test
  @DisplayName("every command under both names, only the scopes used, Socket Mode on")
  void content() {
    String manifest = SlackManifest.yaml(team.commands().registry());
    for (CommandSpec spec : team.commands().registry().all()) {
      assertThat(manifest)
          .contains("command: /" + spec.name())
          .contains("command: /" + spec.dutchName());
    }
    assertThat(manifest)
        .contains(
            "- commands\n", "- chat:write\n", "- files:write\n", "- users:read\n", "- im:write\n")
        .contains("socket_mode_enabled: true")
        .doesNotContain("channels:history");
  }
}
