package dev.salesmeter.discord;

import static dev.salesmeter.discord.FakeDiscord.ACME;
import static dev.salesmeter.discord.FakeDiscord.ANNA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.core.WorkspaceId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database held by another process longer than Discord waits: the interaction is deferred in time
 * and the confirmation follows up once the store is free. The answer limit is short here, and the
 * lock is held until the deferral has arrived, so the order does not depend on speed.
 */
final class DiscordBusyStoreTest {
  @TempDir static Path folder;
  static TestWorkspace team;
  static FakeDiscord discord;
  static DiscordConnection connection;

  @BeforeAll
  static void connect() throws Exception {
    team = TestWorkspace.english(folder);
    discord = new FakeDiscord();
    DiscordAdapter adapter =
        new DiscordAdapter(
            team.commands(),
            team.suggestions(),
            new DiscordAdapter.Settings(Set.of(ACME), Set.of()),
            Duration.ofMillis(100));
    connection =
        DiscordConnection.start(
            "Bot-token.test.x", discord.apiUrl(), discord.gatewayUrl(), adapter);
    assertThat(discord.registrations.poll(30, TimeUnit.SECONDS)).isNotNull();
  }

  @AfterAll
  static void close() throws Exception {
    connection.close();
    discord.close();
    team.close();
  }

  @Test
  @DisplayName(
      "a store held by another process: deferred in time, then the confirmation follows up")
  void deferredThenFollowUp() throws Exception {
    WorkspaceId acme = new WorkspaceId(ACME);
    team.commands().settings(acme);
    long before = team.events(acme);
    String id;
    try (Connection otherProcess =
            DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("salesmeter.db"));
        Statement lock = otherProcess.createStatement()) {
      // given another process holding SQLite's write lock
      lock.execute("BEGIN IMMEDIATE");

      // when a sale comes in
      id =
          discord.slashCommand(
              ACME,
              ANNA,
              "en-US",
              "sale",
              "[{\"name\":\"customer\",\"type\":3,\"value\":\"Slow Store BV\"},"
                  + "{\"name\":\"amount\",\"type\":10,\"value\":700}]",
              "{}");

      // then Discord hears in time that the answer follows, privately; nothing is stored yet
      JsonNode first = FakeDiscord.json(discord.callback(id).text());
      assertThat(first.path("type").asInt()).isEqualTo(5); // deferred
      assertThat(first.path("data").path("flags").asInt() & 64).isEqualTo(64); // ephemeral
      assertThat(team.events(acme)).isEqualTo(before);
      lock.execute("ROLLBACK");
    }

    // once the store is free, the confirmation follows up
    assertThat(discord.followUp(id).text()).contains("Sale #").contains("Slow Store BV");
    assertThat(team.events(acme)).isEqualTo(before + 1);
  }
}
