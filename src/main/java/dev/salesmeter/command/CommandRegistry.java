package dev.salesmeter.command;

import dev.salesmeter.core.EventKind;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.Figures;
import dev.salesmeter.scorecard.Scorecard;
import dev.salesmeter.store.EventLog;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every command, declared once. Slack's manifest, Discord's typed commands, the console and {@code
 * /help} all read this list, so they never drift apart.
 */
public final class CommandRegistry {
  private final List<CommandSpec> commands;

  /** The registry with the given commands followed by {@code /help}, which describes them all. */
  public CommandRegistry(List<CommandSpec> commands) {
    List<CommandSpec> all = new ArrayList<>(commands);
    all.add(
        new CommandSpec(
            "help", "hulp", Syntax.COMMAND_NAME, Set.of(), Set.of(), false, false, this::help));
    this.commands = List.copyOf(all);
    long distinctNames = this.commands.stream().flatMap(c -> c.names().stream()).distinct().count();
    if (distinctNames != this.commands.stream().mapToLong(c -> c.names().size()).sum()) {
      throw new IllegalArgumentException("two commands share a name");
    }
  }

  /** The commands that log the sales process, set targets and costs, and undo. */
  public static List<CommandSpec> loggingCommands(EventLog log) {
    Set<OptionKey> date = EnumSet.of(OptionKey.DATE);
    CustomerMatcher matcher = new CustomerMatcher();
    List<CommandSpec> logging =
        List.of(
            new CommandSpec(
                "lead",
                "aanvraag",
                Syntax.CUSTOMER,
                EnumSet.of(OptionKey.DATE, OptionKey.SOURCE),
                EnumSet.of(Flag.NEW),
                true,
                false,
                new LogStepHandler(EventKind.LEAD, log, matcher)),
            new CommandSpec(
                "appointment",
                "afspraak",
                Syntax.CUSTOMER,
                date,
                EnumSet.of(Flag.NEW),
                true,
                false,
                new LogStepHandler(EventKind.APPOINTMENT, log, matcher)),
            new CommandSpec(
                "quote",
                "offerte",
                Syntax.CUSTOMER_AMOUNT,
                date,
                EnumSet.of(Flag.NEW),
                true,
                false,
                new LogStepHandler(EventKind.QUOTE, log, matcher)),
            new CommandSpec(
                "followup",
                "opvolging",
                Syntax.CUSTOMER,
                date,
                EnumSet.of(Flag.CALL, Flag.VISIT),
                true,
                false,
                new LogStepHandler(EventKind.FOLLOWUP, log, matcher)),
            new CommandSpec(
                "sale",
                "verkoop",
                Syntax.CUSTOMER_AMOUNT,
                EnumSet.of(OptionKey.DATE, OptionKey.MARGIN, OptionKey.PRODUCTS),
                EnumSet.of(Flag.CROSS_SELL, Flag.NEW),
                true,
                false,
                new LogStepHandler(EventKind.SALE, log, matcher)),
            new CommandSpec(
                "lost",
                "verloren",
                Syntax.CUSTOMER,
                EnumSet.of(OptionKey.DATE, OptionKey.REASON),
                Set.of(),
                true,
                false,
                new LogStepHandler(EventKind.LOST, log, matcher)),
            new CommandSpec(
                "churn",
                "opzegging",
                Syntax.CUSTOMER,
                EnumSet.of(OptionKey.DATE, OptionKey.REASON),
                Set.of(),
                true,
                false,
                new LogStepHandler(EventKind.CHURN, log, matcher)),
            new CommandSpec(
                "cost",
                "kosten",
                Syntax.LABEL_AMOUNT,
                date,
                Set.of(),
                false,
                true,
                new CostHandler(log)),
            new CommandSpec(
                "target",
                "doel",
                Syntax.PERIOD_AMOUNT,
                Set.of(),
                Set.of(),
                true,
                true,
                new TargetHandler(log)));
    // Each kind's fields are those of the command that logs it.
    Map<EventKind, CommandSpec> byKind = new EnumMap<>(EventKind.class);
    logging.forEach(spec -> byKind.put(EventKind.fromCode(spec.name()), spec));
    List<CommandSpec> all = new ArrayList<>(logging);
    all.add(
        new CommandSpec(
            "void",
            "herstel",
            Syntax.EVENT_NUMBER,
            Set.of(),
            Set.of(),
            false,
            false,
            new VoidHandler(log)));
    all.add(
        new CommandSpec(
            "edit",
            "wijzig",
            Syntax.EVENT_EDIT,
            EnumSet.allOf(OptionKey.class),
            EnumSet.of(Flag.NEW),
            false,
            false,
            new EditHandler(log, matcher, byKind)));
    return List.copyOf(all);
  }

  /** The commands that answer with figures. */
  public static List<CommandSpec> figureCommands(Figures figures, EventLog log) {
    return List.of(
        new CommandSpec(
            "kpi",
            "cijfers",
            Syntax.FIGURE_PERIOD,
            Set.of(),
            EnumSet.of(Flag.PRIVATE),
            true,
            false,
            new KpiHandler(figures, log)),
        new CommandSpec(
            "leaderboard",
            "ranglijst",
            Syntax.RANKING,
            Set.of(),
            EnumSet.of(Flag.PRIVATE),
            false,
            false,
            new LeaderboardHandler(figures.leaderboard())),
        new CommandSpec(
            "scorecard",
            "scorekaart",
            Syntax.WEEK,
            Set.of(),
            EnumSet.of(Flag.PRIVATE),
            false,
            false,
            new ScorecardHandler(new Scorecard(figures))));
  }

  public List<CommandSpec> all() {
    return commands;
  }

  /** The command a word names, in English or Dutch, with or without its slash. */
  public Optional<CommandSpec> find(String word) {
    return commands.stream().filter(c -> c.isCalled(word)).findFirst();
  }

  private Reply help(CommandRequest request) {
    Messages messages = request.formats().messages();
    Optional<String> topic = request.arguments().text();
    if (topic.isPresent()) {
      CommandSpec spec =
          find(topic.get())
              .orElseThrow(() -> new InvalidInput("error.unknownCommand", topic.get()));
      return Reply.privately(describe(spec, messages, true));
    }
    String list =
        commands.stream()
            .filter(c -> !c.managersOnly() || request.user().manager())
            .map(c -> describe(c, messages, false))
            .collect(Collectors.joining("\n"));
    return Reply.privately(
        messages.get("help.intro") + "\n" + list + "\n" + messages.get("help.more"));
  }

  private static String describe(CommandSpec spec, Messages messages, boolean detailed) {
    boolean dutch = Messages.isDutch(messages.locale());
    String names =
        spec.names().size() == 1
            ? "/" + spec.name()
            : dutch
                ? "/" + spec.dutchName() + " (/" + spec.name() + ")"
                : "/" + spec.name() + " (/" + spec.dutchName() + ")";
    String line = names + " — " + messages.get(spec.helpKey("summary"));
    if (!detailed) {
      return line;
    }
    StringBuilder text = new StringBuilder(line);
    text.append('\n').append(messages.get("help.usage", messages.get(spec.helpKey("usage"))));
    text.append('\n').append(messages.get("help.example", messages.get(spec.helpKey("example"))));
    if (spec.managersOnly()) {
      text.append('\n').append(messages.get("help.managersOnly"));
    }
    return text.toString();
  }
}
