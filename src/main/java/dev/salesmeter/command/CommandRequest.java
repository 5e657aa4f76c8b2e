package dev.salesmeter.command;

import dev.salesmeter.core.Actor;
import dev.salesmeter.core.Platform;
import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.core.text.Formats;
import java.time.Instant;
import java.util.Objects;

/**
 * One command to handle, whatever platform sent it.
 *
 * @param interactionId the platform request's unique id: a retried request carries the same one
 * @param channel where the command was typed (for replies and schedules)
 * @param now the time the request arrived
 * @param platform where the command came from
 */
public record CommandRequest(
    Platform platform,
    WorkspaceId workspace,
    WorkspaceSettings settings,
    Actor user,
    String channel,
    String interactionId,
    CommandSpec command,
    CommandArguments arguments,
    Instant now) {

  public CommandRequest {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(interactionId, "interactionId");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(arguments, "arguments");
    Objects.requireNonNull(now, "now");
  }

  /** The workspace's words and number formats. */
  public Formats formats() {
    return Formats.of(settings);
  }
}
