package dev.salesmeter.core;

import java.util.Objects;

/**
 * The person who sent a command.
 *
 * @param platformUserId the platform's stable id for the user (a Slack or Discord user id, or the
 *     console name)
 * @param displayName how the user is shown in replies
 * @param manager whether the user may log for others, void anything and set targets and costs
 */
public record Actor(String platformUserId, String displayName, boolean manager) {
  public Actor {
    Objects.requireNonNull(platformUserId, "platformUserId");
    Objects.requireNonNull(displayName, "displayName");
  }
}
