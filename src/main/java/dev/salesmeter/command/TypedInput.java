package dev.salesmeter.command;

import dev.salesmeter.core.Actor;
import dev.salesmeter.core.Platform;
import dev.salesmeter.core.WorkspaceId;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A command as a platform with typed options delivers it (Discord's slash commands).
 *
 * @param command the command's English name
 * @param values the options given, by parameter name, as {@link TypedArguments} reads them
 * @param language the user's own language as the platform knows it, which replies follow where the
 *     workspace allows it
 */
public record TypedInput(
    Platform platform,
    WorkspaceId workspace,
    Actor user,
    String channel,
    String interactionId,
    String command,
    Map<String, Object> values,
    Optional<Locale> language) {

  public TypedInput {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(interactionId, "interactionId");
    Objects.requireNonNull(command, "command");
    values = Map.copyOf(values);
    Objects.requireNonNull(language, "language");
  }
}
