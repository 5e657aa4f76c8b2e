package dev.salesmeter.command;

import dev.salesmeter.core.Actor;
import dev.salesmeter.core.CustomerName;
import dev.salesmeter.core.EventKind;
import dev.salesmeter.core.FollowUpKind;
import dev.salesmeter.core.RepMention;
import dev.salesmeter.store.AppendResult;
import dev.salesmeter.store.EventDetails;
import dev.salesmeter.store.EventLog;
import dev.salesmeter.store.NewEvent;
import java.util.Optional;

/**
 * Logs one step of the sales process for a customer: lead, appointment, quote, follow-up, sale,
 * lost or churn. A new customer whose name is close to a known one is not created until the user
 * repeats the name exactly or adds {@code new}.
 */
final class LogStepHandler implements CommandHandler {
  private final EventKind kind;
  private final EventLog log;
  private final CustomerMatcher matcher;

  LogStepHandler(EventKind kind, EventLog log, CustomerMatcher matcher) {
    this.kind = kind;
    this.log = log;
    this.matcher = matcher;
  }

  @Override
  public Reply handle(CommandRequest request) {
    CommandArguments args = request.arguments();
    String customer = args.text().orElseThrow(() -> new InvalidInput("error.empty", Term.CUSTOMER));
    RepMention rep = whoseWork(request);
    NewEvent event =
        new NewEvent(
            request.workspace(),
            request.interactionId(),
            kind,
            rep,
            self(request.user()),
            Optional.of(customer),
            args.amount(),
            args.date().orElse(request.now()),
            request.now(),
            details(args),
            Optional.empty());
    EventLog.NewCustomerCheck check =
        args.has(Flag.NEW)
            ? EventLog.NewCustomerCheck.CONFIRMED
            : (name, added) -> matcher.closest(request.workspace(), name, added);
    AppendResult result = log.append(event, check);
    if (result instanceof AppendResult.Logged logged) {
      return Confirmations.of(request, logged);
    }
    if (result instanceof AppendResult.SimilarCustomer similar) {
      // Commands that may create a customer offer "new"; the others need the exact name.
      String key =
          request.command().flags().contains(Flag.NEW)
              ? "error.didYouMean"
              : "error.didYouMeanKnown";
      throw new InvalidInput(key, similar.known().name(), customer, commandName(request));
    }
    if (result instanceof AppendResult.NotActiveCustomer inactive) {
      throw new InvalidInput("error.notActiveCustomer", inactive.customer().name());
    }
    if (result instanceof AppendResult.NoOpenOpportunity none) {
      throw new InvalidInput("error.noOpenOpportunity." + kind.code(), none.customer().name());
    }
    throw new InvalidInput("error.unknownCustomer", customer, commandName(request));
  }

  private static String commandName(CommandRequest request) {
    return request.command().nameIn(request.settings().locale());
  }

  private EventDetails details(CommandArguments args) {
    if (args.has(Flag.CALL) && args.has(Flag.VISIT)) {
      throw new InvalidInput("error.callOrVisit");
    }
    Optional<FollowUpKind> followUp =
        kind != EventKind.FOLLOWUP
            ? Optional.empty()
            : Optional.of(args.has(Flag.VISIT) ? FollowUpKind.VISIT : FollowUpKind.CALL);
    return new EventDetails(
        args.has(Flag.CROSS_SELL),
        args.margin(),
        args.source(),
        args.reason(),
        followUp,
        args.products(),
        Optional.empty());
  }

  /** The rep the step belongs to: the asker, or (managers only) the rep they name. */
  private static RepMention whoseWork(CommandRequest request) {
    Actor user = request.user();
    Optional<RepMention> named = request.arguments().rep();
    if (named.isEmpty() || isSelf(named.get(), user)) {
      return self(user);
    }
    if (!user.manager()) {
      throw new InvalidInput("error.logForOthers");
    }
    return named.get();
  }

  static RepMention self(Actor user) {
    return new RepMention(Optional.of(user.platformUserId()), user.displayName());
  }

  static boolean isSelf(RepMention mention, Actor user) {
    if (mention.platformUserId().isPresent()) {
      return mention.platformUserId().get().equals(user.platformUserId());
    }
    String name = CustomerName.fold(mention.displayName());
    return name.equals(CustomerName.fold(user.displayName()))
        || name.equals(CustomerName.fold(user.platformUserId()));
  }
}
