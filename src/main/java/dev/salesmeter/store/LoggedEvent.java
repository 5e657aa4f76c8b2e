package dev.salesmeter.store;

import dev.salesmeter.core.EventKind;
import dev.salesmeter.core.Money;
import dev.salesmeter.core.Period;
import java.time.Instant;
import java.util.Optional;

/**
 * An event as the log holds it.
 *
 * @param number the workspace's event number users see and name in {@code /void}
 * @param target the period and scope of a target event
 * @param targetRep the rep a target is for; empty for the team
 * @param loggedAt when it was logged (not when it happened)
 * @param opportunityId the opportunity it opened or joined, if any
 * @param voids the number of the event a void undoes
 * @param voided whether a later void undoes this event
 * @param replaces the number of the event this one corrects ({@code /edit})
 * @param replacedBy the number of the event that corrects this one
 * @param repeated whether this is an earlier log returned again for a repeated interaction id
 */
public record LoggedEvent(
    long id,
    long number,
    EventKind kind,
    Rep rep,
    Rep loggedBy,
    Optional<Customer> customer,
    Optional<Money> amount,
    Instant occurredAt,
    Instant loggedAt,
    Optional<Long> opportunityId,
    OpportunityLink link,
    EventDetails details,
    Optional<Period> target,
    Optional<Rep> targetRep,
    Optional<Long> voids,
    boolean voided,
    Optional<Long> replaces,
    Optional<Long> replacedBy,
    boolean repeated) {

  /** Whether this event is the work of, or was typed by, the given rep. */
  public boolean belongsTo(Rep someone) {
    return rep.id() == someone.id() || loggedBy.id() == someone.id();
  }

  LoggedEvent asRepeated() {
    return new LoggedEvent(
        id,
        number,
        kind,
        rep,
        loggedBy,
        customer,
        amount,
        occurredAt,
        loggedAt,
        opportunityId,
        link,
        details,
        target,
        targetRep,
        voids,
        voided,
        replaces,
        replacedBy,
        true);
  }
}
