package dev.salesmeter.store;

import dev.salesmeter.core.WorkspaceId;
import java.time.Instant;
import java.util.Optional;

/**
 * A live API token, as the database keeps it: without the token itself, which only its maker ever
 * saw.
 *
 * @param createdBy the platform user id of the manager who made it
 * @param lastUsedAt when it last opened a request (recorded at most once a minute)
 */
public record ApiToken(
    long id,
    WorkspaceId workspace,
    String name,
    String createdBy,
    Instant createdAt,
    Optional<Instant> lastUsedAt) {}
