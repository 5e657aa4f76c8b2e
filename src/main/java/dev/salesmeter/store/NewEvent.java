package dev.salesmeter.store;

import dev.salesmeter.core.EventKind;
import dev.salesmeter.core.Money;
import dev.salesmeter.core.RepMention;
import dev.salesmeter.core.WorkspaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An event to append.
 *
 * @param interactionId the platform request's unique id: the same id twice logs once
 * @param rep whose work the event is
 * @param loggedBy who typed the command
 * @param customerName the customer as typed; created when unknown
 * @param occurredAt when it happened (may be in the past, never in the future)
 * @param loggedAt when it was logged
 */
public record NewEvent(
    WorkspaceId workspace,
    String interactionId,
    EventKind kind,
    RepMention rep,
    RepMention loggedBy,
    Optional<String> customerName,
    Optional<Money> amount,
    Instant occurredAt,
    Instant loggedAt,
    EventDetails details,
    Optional<TargetScope> target) {

  public NewEvent {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(interactionId, "interactionId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(rep, "rep");
    Objects.requireNonNull(loggedBy, "loggedBy");
    Objects.requireNonNull(customerName, "customerName");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(loggedAt, "loggedAt");
    Objects.requireNonNull(details, "details");
    Objects.requireNonNull(target, "target");
  }
}
