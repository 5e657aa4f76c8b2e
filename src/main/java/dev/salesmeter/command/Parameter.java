package dev.salesmeter.command;

import dev.salesmeter.core.text.Messages;
import java.util.List;
import java.util.Locale;

/**
 * One typed parameter of a command, as a platform with typed options (Discord) declares it. The
 * text grammar reads the same parameters from a line; {@link CommandSpec#parameters()} lists them.
 *
 * @param name the English name ({@code customer}, {@code date}, {@code cross-sell})
 * @param dutchName the Dutch name
 * @param type what a value is, which decides the platform's option type and the shared check
 * @param required whether the command cannot run without it
 * @param choices for a {@link Type#CHOICE} whose words the grammar fixes, those words in English
 * @param dutchChoices the same words in Dutch
 */
public record Parameter(
    String name,
    String dutchName,
    Type type,
    boolean required,
    List<String> choices,
    List<String> dutchChoices) {
  /** The event an {@code /edit} corrects. */
  public static final Parameter EDITED = new Parameter("number", "nummer", Type.EVENT_NUMBER, true);

  /** Whether a corrected sale was a cross-sell. */
  public static final Parameter CROSS_SELL_CHOICE =
      new Parameter(
          "cross-sell",
          "kruisverkoop",
          Type.CHOICE,
          false,
          List.of("yes", "no"),
          List.of("ja", "nee"));

  /** Whether a corrected follow-up was a call or a visit. */
  public static final Parameter FOLLOW_UP_KIND =
      new Parameter(
          "kind", "soort", Type.CHOICE, false, List.of("call", "visit"), List.of("bel", "bezoek"));

  /** The figure a {@code /kpi} asks for. */
  public static final Parameter FIGURE = new Parameter("figure", "cijfer", Type.CHOICE, false);

  /** What {@code /leaderboard} ranks by: revenue or sales. */
  public static final Parameter RANK_BY = new Parameter("by", "naar", Type.CHOICE, false);

  /** The week a {@code /scorecard} covers. */
  public static final Parameter WEEK = new Parameter("week", "week", Type.PERIOD, false);

  /** The command {@code /help} explains. */
  public static final Parameter COMMAND = new Parameter("command", "commando", Type.CHOICE, false);

  /** What {@code /schedule} does: set the scorecard or the nudges, list, or stop. */
  public static final Parameter SCHEDULE_ACTION =
      new Parameter(
          "action",
          "actie",
          Type.CHOICE,
          false,
          List.of("scorecard", "nudges", "list", "stop"),
          List.of("scorekaart", "herinneringen", "lijst", "stop"));

  /** Which schedule {@code /schedule stop} stops, in the order of {@code Schedule.Routine}. */
  public static final Parameter SCHEDULE_ROUTINE =
      new Parameter(
          "routine",
          "routine",
          Type.CHOICE,
          false,
          List.of("scorecard", "nudges"),
          List.of("scorekaart", "herinneringen"));

  /** When a schedule posts: {@code monday 09:00}, {@code weekdays 10:00} or a cron expression. */
  public static final Parameter SCHEDULE_WHEN = new Parameter("when", "wanneer", Type.TEXT, false);

  /** What {@code /dashboard} gives: a screen's link, or the revocation of every link. */
  public static final Parameter DASHBOARD_OPTION =
      new Parameter(
          "option",
          "optie",
          Type.CHOICE,
          false,
          List.of("tv", "revoke"),
          List.of("scherm", "intrekken"));

  /** What {@code /apitoken} does with a token. */
  public static final Parameter API_TOKEN_TASK =
      new Parameter(
          "task",
          "taak",
          Type.CHOICE,
          false,
          List.of("create", "list", "revoke"),
          List.of("maak", "lijst", "intrekken"));

  /** The name of the token {@code /apitoken} makes or revokes. */
  public static final Parameter API_TOKEN_NAME = new Parameter("name", "naam", Type.TEXT, false);

  public Parameter {
    choices = List.copyOf(choices);
    dutchChoices = List.copyOf(dutchChoices);
  }

  public Parameter(String name, String dutchName, Type type, boolean required) {
    this(name, dutchName, type, required, List.of(), List.of());
  }

  /** The fixed words of a choice in the locale's language, if the grammar fixes them. */
  public List<String> choicesIn(Locale locale) {
    return Messages.isDutch(locale) ? dutchChoices : choices;
  }

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
