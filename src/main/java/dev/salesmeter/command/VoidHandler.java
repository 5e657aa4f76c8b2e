package dev.salesmeter.command;

import dev.salesmeter.core.EventKind;
import dev.salesmeter.core.RepMention;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.store.EventLog;
import dev.salesmeter.store.LoggedEvent;
import dev.salesmeter.store.OpportunityState;
import dev.salesmeter.store.Undone;
import java.util.Optional;

/**
 * Undoes an event: by default the asker's latest one that still counts; a manager may name any
 * event by number, a rep only their own. Nothing is deleted: a void is logged. The reply names the
 * undone event with when it was logged, and, for a sale or lost event, the opportunity's state
 * after it, as the store derives it: open again only where it really reopened.
 */
final class VoidHandler implements CommandHandler {
  private final EventLog log;

  VoidHandler(EventLog log) {
    this.log = log;
  }

  @Override
  public Reply handle(CommandRequest request) {
    Optional<LoggedEvent> repeated =
        log.eventOfInteraction(request.workspace(), request.interactionId());
    if (repeated.isPresent()) {
      return Confirmations.of(request, repeated.get());
    }
    RepMention self = LogStepHandler.self(request.user());
    LoggedEvent target =
        request
            .arguments()
            .eventNumber()
            .map(
                number ->
                    log.event(request.workspace(), number)
                        .orElseThrow(() -> new InvalidInput("error.noSuchEvent", number)))
            .orElseGet(
                () ->
                    log.lastCountingEventLoggedBy(request.workspace(), self)
                        .orElseThrow(() -> new InvalidInput("error.nothingToVoid")));
    refuseUndone(target);
    boolean own = log.rep(request.workspace(), self).map(target::belongsTo).orElse(false);
    if (!own && !request.user().manager()) {
      throw new InvalidInput(
          "error.voidNotYours", target.number(), target.loggedBy().displayName());
    }
    Undone undone =
        log.undo(request.workspace(), request.interactionId(), self, target, request.now())
            .orElseThrow(() -> new InvalidInput("error.alreadyVoided", target.number()));
    var messages = request.formats().messages();
    EventDescriptions describe =
        new EventDescriptions(request.formats(), request.settings().zone(), request.now());
    String text =
        messages.get(
            "reply.voided",
            describe.full(target),
            undone.undo().number(),
            request.formats().when(target.loggedAt(), request.now()));
    Optional<String> opportunity =
        undone.opportunity().flatMap(change -> opportunityAfter(target, change, messages));
    return Reply.privately(opportunity.map(line -> text + " " + line).orElse(text));
  }

  /** A void, or an event voided or corrected already, cannot be undone (or corrected) again. */
  static void refuseUndone(LoggedEvent target) {
    if (target.kind() == EventKind.VOID) {
      throw new InvalidInput("error.voidOfVoid", target.number());
    }
    if (target.replacedBy().isPresent()) {
      throw new InvalidInput("error.alreadyCorrected", target.number(), target.replacedBy().get());
    }
    if (target.voided()) {
      throw new InvalidInput("error.alreadyVoided", target.number());
    }
  }

  /**
   * What undoing a sale or lost event did to its opportunity, as it is now: open again only when it
   * really went from won or lost to open (KPIS.md: a live sale wins over a live lost).
   */
  private static Optional<String> opportunityAfter(
      LoggedEvent target, Undone.OpportunityChange change, Messages messages) {
    if (target.kind() != EventKind.SALE && target.kind() != EventKind.LOST) {
      return Optional.empty();
    }
    String customer = change.customer().name();
    OpportunityState after = change.after();
    boolean same = after.status() == change.before().status();
    return Optional.of(
        switch (after.status()) {
          case OPEN -> messages.get("reply.reopened", customer);
          // Won after undoing a sale or lost: it was won before too (a live sale wins).
          case WON -> messages.get("reply.stillWon", customer, after.closedBy().orElse(0L));
          case LOST ->
              messages.get(
                  same ? "reply.stillLost" : "reply.nowLost",
                  customer,
                  after.closedBy().orElse(0L));
          case GONE -> messages.get("reply.opportunityGone", customer);
        });
  }
}
