package dev.salesmeter.command;

import dev.salesmeter.core.CustomerName;
import dev.salesmeter.core.EventKind;
import dev.salesmeter.core.RepMention;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.store.AppendResult;
import dev.salesmeter.store.Customer;
import dev.salesmeter.store.EventDetails;
import dev.salesmeter.store.EventLog;
import dev.salesmeter.store.LoggedEvent;
import dev.salesmeter.store.NewEvent;
import dev.salesmeter.store.Rep;
import dev.salesmeter.store.TargetScope;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Corrects an event ({@code /edit 12 amount:4200}): the old event is voided and a corrected copy
 * logged in its place, in one transaction, with a new number (COMMANDS.md, "Correcting an event").
 * The fields an event has are those of the command that logs it; the copy goes through the checks a
 * new event goes through (the values were read by the same parsers, and the store applies the same
 * rules). The author corrects their own events, a manager any.
 */
final class EditHandler implements CommandHandler {
  private final EventLog log;
  private final CustomerMatcher matcher;
  private final Map<EventKind, CommandSpec> loggedBy;

  /**
   * @param loggedBy the command that logs each kind of event, whose declaration says which fields
   *     the kind has
   */
  EditHandler(EventLog log, CustomerMatcher matcher, Map<EventKind, CommandSpec> loggedBy) {
    this.log = log;
    this.matcher = matcher;
    this.loggedBy = Map.copyOf(loggedBy);
  }

  @Override
  public Reply handle(CommandRequest request) {
    Optional<LoggedEvent> repeated =
        log.eventOfInteraction(request.workspace(), request.interactionId());
    if (repeated.isPresent()) {
      return Confirmations.of(request, repeated.get());
    }
    CommandArguments args = request.arguments();
    Locale locale = request.settings().locale();
    long number = args.eventNumber().orElseThrow(() -> new InvalidInput("error.editNumberMissing"));
    Set<OptionKey> given = given(args);
    if (given.isEmpty()) {
      throw new InvalidInput("error.editNothing", number, request.command().nameIn(locale));
    }
    LoggedEvent old =
        log.event(request.workspace(), number)
            .orElseThrow(() -> new InvalidInput("error.noSuchEvent", number));
    if (old.kind() == EventKind.VOID) {
      throw new InvalidInput("error.editOfVoid", number);
    }
    VoidHandler.refuseUndone(old);
    RepMention self = LogStepHandler.self(request.user());
    boolean own = log.rep(request.workspace(), self).map(old::belongsTo).orElse(false);
    if (!own && !request.user().manager()) {
      throw new InvalidInput("error.editNotYours", number, old.loggedBy().displayName());
    }
    CommandSpec spec = loggedBy.get(old.kind());
    Set<OptionKey> fields = fieldsOf(spec);
    Messages messages = request.formats().messages();
    for (OptionKey field : given) {
      if (!fields.contains(field)) {
        throw new InvalidInput(
            "error.editFieldNotTaken",
            field.in(locale),
            messages.get("kind." + old.kind().code()),
            number,
            fields.stream()
                .sorted()
                .map(f -> f.in(locale) + ":")
                .collect(Collectors.joining(", ")));
      }
    }
    if (args.rep().isPresent()
        && !request.user().manager()
        && !LogStepHandler.isSelf(args.rep().get(), request.user())) {
      throw new InvalidInput("error.editRepManagers");
    }
    NewEvent corrected = corrected(request, old, self);
    if (!changes(old, corrected)) {
      throw new InvalidInput("error.editNoChange", number);
    }
    EventLog.NewCustomerCheck check =
        args.has(Flag.NEW)
            ? EventLog.NewCustomerCheck.CONFIRMED
            : (name, added) -> matcher.closest(request.workspace(), name, added);
    AppendResult result = log.replace(old, corrected, self, check);
    return reply(request, spec, result);
  }

  private Reply reply(CommandRequest request, CommandSpec spec, AppendResult result) {
    String kindCommand = spec.nameIn(request.settings().locale());
    if (result instanceof AppendResult.Replaced replaced) {
      EventDescriptions describe =
          new EventDescriptions(request.formats(), request.settings().zone(), request.now());
      return Reply.privately(
          request
              .formats()
              .messages()
              .get(
                  "reply.edited",
                  describe.fullWithoutLink(replaced.old()),
                  describe.full(replaced.corrected()),
                  replaced.old().number(),
                  replaced.undo().number()));
    }
    if (result instanceof AppendResult.Logged logged) {
      return Confirmations.of(request, logged.event()); // a repeated request
    }
    if (result instanceof AppendResult.AlreadyVoided voided) {
      VoidHandler.refuseUndone(voided.event()); // corrected or voided meanwhile
      throw new InvalidInput("error.alreadyVoided", voided.event().number());
    }
    if (result instanceof AppendResult.SimilarCustomer similar) {
      String key =
          spec.flags().contains(Flag.NEW) ? "error.didYouMeanEdit" : "error.didYouMeanKnown";
      throw new InvalidInput(
          key,
          similar.known().name(),
          similar.name(),
          request.command().nameIn(request.settings().locale()),
          request.arguments().eventNumber().orElseThrow(),
          OptionKey.CUSTOMER.in(request.settings().locale()));
    }
    if (result instanceof AppendResult.NotActiveCustomer inactive) {
      throw new InvalidInput("error.notActiveCustomer", inactive.customer().name());
    }
    if (result instanceof AppendResult.NoOpenOpportunity none) {
      throw new InvalidInput("error.noOpenOpportunity." + spec.name(), none.customer().name());
    }
    if (result instanceof AppendResult.UnknownCustomer unknown) {
      throw new InvalidInput("error.unknownCustomer", unknown.name(), kindCommand);
    }
    throw new IllegalStateException("unexpected result of a correction: " + result);
  }

  /** The fields given, as the option keys that name them. */
  private static Set<OptionKey> given(CommandArguments args) {
    Set<OptionKey> given = EnumSet.noneOf(OptionKey.class);
    args.amount().ifPresent(v -> given.add(OptionKey.AMOUNT));
    args.text().ifPresent(v -> given.add(OptionKey.CUSTOMER));
    args.rep().ifPresent(v -> given.add(OptionKey.REP));
    args.date().ifPresent(v -> given.add(OptionKey.DATE));
    args.margin().ifPresent(v -> given.add(OptionKey.MARGIN));
    args.source().ifPresent(v -> given.add(OptionKey.SOURCE));
    args.reason().ifPresent(v -> given.add(OptionKey.REASON));
    if (!args.products().isEmpty()) {
      given.add(OptionKey.PRODUCTS);
    }
    args.label().ifPresent(v -> given.add(OptionKey.LABEL));
    args.period().ifPresent(v -> given.add(OptionKey.PERIOD));
    args.crossSell().ifPresent(v -> given.add(OptionKey.CROSS_SELL));
    args.followUpKind().ifPresent(v -> given.add(OptionKey.KIND));
    return given;
  }

  /** The fields an event has: what the command that logs it reads from its words and options. */
  static Set<OptionKey> fieldsOf(CommandSpec spec) {
    Set<OptionKey> fields = EnumSet.noneOf(OptionKey.class);
    switch (spec.syntax()) {
      case CUSTOMER -> fields.add(OptionKey.CUSTOMER);
      case CUSTOMER_AMOUNT -> fields.addAll(EnumSet.of(OptionKey.CUSTOMER, OptionKey.AMOUNT));
      case LABEL_AMOUNT -> fields.addAll(EnumSet.of(OptionKey.LABEL, OptionKey.AMOUNT));
      case PERIOD_AMOUNT -> fields.addAll(EnumSet.of(OptionKey.PERIOD, OptionKey.AMOUNT));
      default -> throw new IllegalArgumentException("not a logging command: " + spec.name());
    }
    if (spec.takesRep()) {
      fields.add(OptionKey.REP);
    }
    fields.addAll(spec.options());
    if (spec.flags().contains(Flag.CROSS_SELL)) {
      fields.add(OptionKey.CROSS_SELL);
    }
    if (spec.flags().contains(Flag.CALL) || spec.flags().contains(Flag.VISIT)) {
      fields.add(OptionKey.KIND);
    }
    return fields;
  }

  /** The old event with the given fields put in; logged by the one who corrects it. */
  private static NewEvent corrected(CommandRequest request, LoggedEvent old, RepMention self) {
    CommandArguments args = request.arguments();
    EventDetails was = old.details();
    EventDetails details =
        new EventDetails(
            args.crossSell().orElse(was.crossSell()),
            args.margin().or(was::margin),
            args.source().or(was::source),
            args.reason().or(was::reason),
            args.followUpKind().or(was::followUpKind),
            args.products().isEmpty() ? was.products() : args.products(),
            args.label().or(was::label));
    boolean target = old.kind() == EventKind.TARGET;
    // For a target, rep: is whom it is for; for any other event, whose work it is.
    RepMention rep = target ? mention(old.rep()) : args.rep().orElseGet(() -> mention(old.rep()));
    Optional<TargetScope> scope =
        old.target()
            .map(
                period ->
                    new TargetScope(
                        args.period().orElse(period),
                        args.rep().or(() -> old.targetRep().map(EditHandler::mention))));
    return new NewEvent(
        request.workspace(),
        request.interactionId(),
        old.kind(),
        rep,
        self,
        args.text().or(() -> old.customer().map(Customer::name)),
        args.amount().or(old::amount),
        args.date().orElse(old.occurredAt()),
        request.now(),
        details,
        scope);
  }

  /** Whether the copy differs from the old event in anything it says. */
  private static boolean changes(LoggedEvent old, NewEvent corrected) {
    boolean sameCustomer =
        corrected
            .customerName()
            .map(CustomerName::key)
            .equals(old.customer().map(c -> CustomerName.key(c.name())));
    boolean sameRep = old.kind() == EventKind.TARGET || names(corrected.rep(), old.rep());
    boolean sameTarget =
        corrected.target().map(TargetScope::period).equals(old.target())
            && corrected
                .target()
                .map(
                    scope ->
                        scope.rep().isPresent() == old.targetRep().isPresent()
                            && scope.rep().map(r -> names(r, old.targetRep().get())).orElse(true))
                .orElse(true);
    return !(sameCustomer
        && sameRep
        && sameTarget
        && corrected.amount().equals(old.amount())
        && corrected.occurredAt().equals(old.occurredAt())
        && corrected.details().equals(old.details()));
  }

  /** Whether a mention names a known rep: by the platform's id, or by name. */
  private static boolean names(RepMention mention, Rep rep) {
    if (mention.platformUserId().isPresent()) {
      return mention.platformUserId().get().equals(rep.platformUserId());
    }
    String name = CustomerName.fold(mention.displayName());
    return name.equals(CustomerName.fold(rep.displayName()))
        || name.equals(CustomerName.fold(rep.platformUserId()));
  }

  private static RepMention mention(Rep rep) {
    return new RepMention(Optional.of(rep.platformUserId()), rep.displayName());
  }
}
