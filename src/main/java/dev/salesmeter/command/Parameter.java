package dev.salesmeter.command;

/**
 * One typed parameter of a command, as a platform with typed options (Discord) declares it. The
 * text grammar reads the same parameters from a line; {@link CommandSpec#parameters()} lists them.
 *
 * @param name the English name ({@code customer}, {@code date}, {@code cross-sell})
 * @param dutchName the Dutch name
 * @param type what a value is, which decides the platform's option type and the shared check
 * @param required whether the command cannot run without it
 */
public record Parameter(String name, String dutchName, Type type, boolean required) {
  /** The figure a {@code /kpi} asks for. */
  public static final Parameter FIGURE = new Parameter("figure", "cijfer", Type.CHOICE, false);

  /** What {@code /leaderboard} ranks by: revenue or sales. */
  public static final Parameter RANK_BY = new Parameter("by", "naar", Type.CHOICE, false);

  /** The week a {@code /scorecard} covers. */
  public static final Parameter WEEK = new Parameter("week", "week", Type.PERIOD, false);

  /** The command {@code /help} explains. */
  public static final Parameter COMMAND = new Parameter("command", "commando", Type.CHOICE, false);

  /** What a parameter's value is. */
  public enum Type {
    /** A customer's name; platforms may suggest known customers. */
    CUSTOMER,
    /** Money, read by {@link AmountParser}. */
    AMOUNT,
    /** A period phrase, read by {@link PeriodParser}. */
    PERIOD,
    /** Free text: a label, a source, a reason. */
    TEXT,
    /** One of a few known words (a figure, a command); platforms may suggest them. */
    CHOICE,
    /** A person in the chat: a rep. */
    USER,
    /** A date or date-time, read by {@link DateParser}. */
    DATE,
    /** A percentage from 0 to 100. */
    PERCENT,
    /** A comma-separated list. */
    LIST,
    /** A switch: present or not. */
    FLAG,
    /** An event's number. */
    EVENT_NUMBER
  }
}
