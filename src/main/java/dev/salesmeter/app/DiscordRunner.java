package dev.salesmeter.app;

import dev.salesmeter.command.Commands;
import dev.salesmeter.command.Suggestions;
import dev.salesmeter.discord.DiscordAdapter;
import dev.salesmeter.discord.DiscordConnection;
import dev.salesmeter.http.Management;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Salesmeter in Discord, started when {@code DISCORD_BOT_TOKEN} is set. The token is read from the
 * environment and never written anywhere.
 */
final class DiscordRunner {
  private DiscordRunner() {}

  /** Connects to Discord. */
  static Connected start(
      Config config, Map<String, String> environment, Commands commands, Suggestions suggestions) {
    Config.Discord discord = config.discord();
    DiscordAdapter adapter =
        new DiscordAdapter(
            commands,
            suggestions,
            new DiscordAdapter.Settings(
                new HashSet<>(discord.guilds()), new HashSet<>(discord.managerRoles())));
    DiscordConnection connection =
        DiscordConnection.start(
            environment.get("DISCORD_BOT_TOKEN"), discord.apiUrl(), discord.gatewayUrl(), adapter);
    System.err.printf("Salesmeter in Discord; database %s.%n", config.database().described());
    return new Connected(
        adapter,
        connection,
        List.of(new Management.Connection("discord", connection::connected)),
        Optional.empty());
  }
}
