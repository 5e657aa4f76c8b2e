package dev.salesmeter.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.core.WorkspaceId;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no guild configured, the commands are registered once, globally. */
final class DiscordGlobalCommandsTest {
  @TempDir Path folder;

  @Test
  @DisplayName("no guilds configured: one global registration; each server names its workspace")
  void global() throws Exception {
    try (TestWorkspace team = TestWorkspace.english(folder);
        FakeDiscord discord = new FakeDiscord()) {
      DiscordAdapter adapter =
          new DiscordAdapter(
              team.commands(), team.suggestions(), new DiscordAdapter.Settings(Set.of(), Set.of()));
      try (DiscordConnection connection =
          DiscordConnection.start(
              "Bot-token.global.x", discord.apiUrl(), discord.gatewayUrl(), adapter)) {
        FakeDiscord.Request registration = discord.registrations.poll(15, TimeUnit.SECONDS);
        assertThat(registration).isNotNull();
        assertThat(registration.method()).isEqualTo("PUT");
        assertThat(registration.path())
            .isEqualTo("/applications/" + FakeDiscord.APPLICATION + "/commands");
        assertThat(FakeDiscord.json(registration.text()))
            .hasSize(team.commands().registry().all().size());
        assertThat(discord.registrations.poll(1, TimeUnit.SECONDS)).isNull();
        assertThat(team.commands().settings(new WorkspaceId(FakeDiscord.ACME)).name())
            .isEqualTo("Acme Sales");
        assertThat(team.commands().settings(new WorkspaceId(FakeDiscord.BAKKER)).name())
            .isEqualTo("Bakker Group");
      }
    }
  }
}
