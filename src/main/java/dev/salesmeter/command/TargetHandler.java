package dev.salesmeter.command;

import dev.salesmeter.core.EventKind;
import dev.salesmeter.store.AppendResult;
import dev.salesmeter.store.EventDetails;
import dev.salesmeter.store.EventLog;
import dev.salesmeter.store.NewEvent;
import dev.salesmeter.store.TargetScope;
import java.util.Optional;

/**
 * Sets a revenue target for a period, for the team or one rep. A later target for the same period
 * and scope replaces an earlier one; voiding it brings the earlier one back.
 */
final class TargetHandler implements CommandHandler {
  private final EventLog log;

  TargetHandler(EventLog log) {
    this.log = log;
  }

  @Override
  public Reply handle(CommandRequest request) {
    CommandArguments args = request.arguments();
    var self = LogStepHandler.self(request.user());
    TargetScope scope = new TargetScope(args.period().orElseThrow(), args.rep());
    NewEvent event =
        new NewEvent(
            request.workspace(),
            request.interactionId(),
            EventKind.TARGET,
            self,
            self,
            Optional.empty(),
            args.amount(),
            request.now(),
            request.now(),
            EventDetails.NONE,
            Optional.of(scope));
    // An event without a customer obeys no opportunity rule: appending it always logs it.
    var logged = (AppendResult.Logged) log.append(event);
    return Confirmations.of(request, logged.event());
  }
}
