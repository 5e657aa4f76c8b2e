package dev.salesmeter.command;

import dev.salesmeter.core.EventKind;
import dev.salesmeter.core.RepMention;
import dev.salesmeter.store.EventLog;
import dev.salesmeter.store.LoggedEvent;
import dev.salesmeter.store.OpportunityLink;
import java.util.Optional;

/**
 * Undoes an event: by default the asker's latest one that still counts; a manager may name any
 * event by number, a rep only their own. Nothing is deleted: a void is logged, and a voided sale or
 * lost event reopens its opportunity.
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
    if (target.kind() == EventKind.VOID) {
      throw new InvalidInput("error.voidOfVoid", target.number());
    }
    if (target.voided()) {
      throw new InvalidInput("error.alreadyVoided", target.number());
    }
    boolean own = log.rep(request.workspace(), self).map(target::belongsTo).orElse(false);
    if (!own && !request.user().manager()) {
      throw new InvalidInput(
          "error.voidNotYours", target.number(), target.loggedBy().displayName());
    }
    LoggedEvent voidEvent =
        log.appendVoid(request.workspace(), request.interactionId(), self, target, request.now())
            .orElseThrow(() -> new InvalidInput("error.alreadyVoided", target.number()));
    var messages = request.formats().messages();
    EventDescriptions describe =
        new EventDescriptions(request.formats(), request.settings().zone(), request.now());
    boolean reopens =
        (target.kind() == EventKind.SALE || target.kind() == EventKind.LOST)
            && target.link() != OpportunityLink.DIRECT;
    String text = messages.get("reply.voided", describe.full(target), voidEvent.number());
    if (reopens) {
      text += " " + messages.get("reply.reopened", target.customer().orElseThrow().name());
    }
    return Reply.privately(text);
  }
}
