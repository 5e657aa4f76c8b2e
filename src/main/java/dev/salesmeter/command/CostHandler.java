package dev.salesmeter.command;

import dev.salesmeter.core.EventKind;
import dev.salesmeter.store.AppendResult;
import dev.salesmeter.store.EventDetails;
import dev.salesmeter.store.EventLog;
import dev.salesmeter.store.NewEvent;
import java.util.List;
import java.util.Optional;

/** Logs an acquisition cost (a campaign, a fair, ads): what new customers cost to win. */
final class CostHandler implements CommandHandler {
  private final EventLog log;

  CostHandler(EventLog log) {
    this.log = log;
  }

  @Override
  public Reply handle(CommandRequest request) {
    CommandArguments args = request.arguments();
    var self = LogStepHandler.self(request.user());
    EventDetails details =
        new EventDetails(
            false,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            args.text());
    NewEvent event =
        new NewEvent(
            request.workspace(),
            request.interactionId(),
            EventKind.COST,
            self,
            self,
            Optional.empty(),
            args.amount(),
            args.date().orElse(request.now()),
            request.now(),
            details,
            Optional.empty());
    // An event without a customer obeys no opportunity rule: appending it always logs it.
    var logged = (AppendResult.Logged) log.append(event);
    return Confirmations.of(request, logged.event());
  }
}
