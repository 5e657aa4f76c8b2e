package dev.salesmeter.core;

import java.util.Objects;

/** The key of one team's data: a Slack team id, a Discord guild id, or the console's name. */
public record WorkspaceId(String value) {
  public WorkspaceId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a workspace id must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
