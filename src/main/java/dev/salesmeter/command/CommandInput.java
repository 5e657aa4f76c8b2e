package dev.salesmeter.command;

import dev.salesmeter.core.Actor;
import dev.salesmeter.core.Platform;
import dev.salesmeter.core.WorkspaceId;
import java.util.Objects;

/**
 * A command as a platform delivers it in text form (Slack's slash command, a console line).
 *
 * @param command the command's name as typed, with or without the slash
 * @param text everything after the name
 */
public record CommandInput(
    Platform platform,
    WorkspaceId workspace,
    Actor user,
    String channel,
    String interactionId,
    String command,
    String text) {

  public CommandInput {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(interactionId, "interactionId");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(text, "text");
  }
}
