package dev.salesmeter.command;

import dev.salesmeter.core.text.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One command, declared once: its names, what its words mean, which options and flags it takes, who
 * may use it, and its handler. Help texts live in the messages under {@code
 * command.<name>.summary}, {@code .usage} and {@code .example}.
 *
 * @param takesRep whether {@code @rep} may name whose work it is (or whom a target is for)
 * @param managersOnly whether only managers may use it
 */
public record CommandSpec(
    String name,
    String dutchName,
    Syntax syntax,
    Set<OptionKey> options,
    Set<Flag> flags,
    boolean takesRep,
    boolean managersOnly,
    CommandHandler handler) {

  public CommandSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dutchName, "dutchName");
    Objects.requireNonNull(syntax, "syntax");
    options = Set.copyOf(options);
    flags = Set.copyOf(flags);
    Objects.requireNonNull(handler, "handler");
  }

  /** Whether the word names this command, in English or Dutch, with or without the slash. */
  public boolean isCalled(String word) {
    String bare = word.startsWith("/") ? word.substring(1) : word;
    String lower = bare.toLowerCase(Locale.ROOT);
    return lower.equals(name) || lower.equals(dutchName);
  }

  /** The name a speaker of the locale types. */
  public String nameIn(Locale locale) {
    return Messages.isDutch(locale) ? dutchName : name;
  }

  /** The message key of a help text of this command: summary, usage or example. */
  public String helpKey(String part) {
    return "command." + name + "." + part;
  }

  /** Its names: English, then Dutch where that is another word ({@code /dashboard} is both). */
  public List<String> names() {
    return name.equals(dutchName) ? List.of(name) : List.of(name, dutchName);
  }

  /**
   * The command's parameters, typed, in the order a user gives them: the words its syntax reads,
   * then {@code @rep}, the options and the flags. Platforms with typed options declare these.
   */
  public List<Parameter> parameters() {
    List<Parameter> parameters = new ArrayList<>();
    switch (syntax) {
      case CUSTOMER -> parameters.add(CUSTOMER);
      case CUSTOMER_AMOUNT -> {
        parameters.add(CUSTOMER);
        parameters.add(AMOUNT);
      }
      case LABEL_AMOUNT -> {
        parameters.add(AMOUNT);
        parameters.add(new Parameter("label", "omschrijving", Parameter.Type.TEXT, false));
      }
      case PERIOD_AMOUNT -> {
        parameters.add(AMOUNT);
        parameters.add(new Parameter("period", "periode", Parameter.Type.PERIOD, true));
      }
      case EVENT_NUMBER ->
          parameters.add(new Parameter("event", "gebeurtenis", Parameter.Type.EVENT_NUMBER, false));
      case COMMAND_NAME -> parameters.add(Parameter.COMMAND);
      case RANKING -> {
        parameters.add(new Parameter("period", "periode", Parameter.Type.PERIOD, false));
        parameters.add(Parameter.RANK_BY);
      }
      case WEEK -> parameters.add(Parameter.WEEK);
      case EVENT_EDIT -> parameters.add(Parameter.EDITED);
      case SCHEDULE -> {
        parameters.add(Parameter.SCHEDULE_ACTION);
        parameters.add(Parameter.SCHEDULE_ROUTINE);
        parameters.add(Parameter.SCHEDULE_WHEN);
      }
      case DASHBOARD -> parameters.add(Parameter.DASHBOARD_OPTION);
      case API_TOKEN -> {
        parameters.add(Parameter.API_TOKEN_TASK);
        parameters.add(Parameter.API_TOKEN_NAME);
      }
      case FIGURE_PERIOD -> {
        parameters.add(Parameter.FIGURE);
        parameters.add(new Parameter("period", "periode", Parameter.Type.PERIOD, false));
      }
    }
    if (takesRep) {
      parameters.add(new Parameter("rep", "verkoper", Parameter.Type.USER, false));
    }
    options.stream().sorted().map(CommandSpec::parameterOf).forEach(parameters::add);
    flags.stream()
        .sorted()
        .map(flag -> new Parameter(flag.english(), flag.dutch(), Parameter.Type.FLAG, false))
        .forEach(parameters::add);
    return List.copyOf(parameters);
  }

  private static final Parameter CUSTOMER =
      new Parameter("customer", "klant", Parameter.Type.CUSTOMER, true);
  private static final Parameter AMOUNT =
      new Parameter("amount", "bedrag", Parameter.Type.AMOUNT, true);

  private static Parameter parameterOf(OptionKey option) {
    return switch (option) {
      case CROSS_SELL -> Parameter.CROSS_SELL_CHOICE;
      case KIND -> Parameter.FOLLOW_UP_KIND;
      default -> new Parameter(option.english(), option.dutch(), typeOf(option), false);
    };
  }

  private static Parameter.Type typeOf(OptionKey option) {
    return switch (option) {
      case AMOUNT -> Parameter.Type.AMOUNT;
      case CUSTOMER -> Parameter.Type.CUSTOMER;
      case REP -> Parameter.Type.USER;
      case DATE -> Parameter.Type.DATE;
      case MARGIN -> Parameter.Type.PERCENT;
      case PRODUCTS -> Parameter.Type.LIST;
      case PERIOD -> Parameter.Type.PERIOD;
      case SOURCE, REASON, LABEL, CROSS_SELL, KIND -> Parameter.Type.TEXT;
    };
  }
}
