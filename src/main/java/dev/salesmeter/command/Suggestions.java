package dev.salesmeter.command;

import dev.salesmeter.core.Period;
import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.Figures;
import dev.salesmeter.store.Customer;
import dev.salesmeter.store.EventLog;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a platform with autocomplete (Discord) offers while a user types an option: known customers
 * (by prefix, by a word, or despite a typo), periods and weeks in the workspace's words, figures,
 * rankings and commands. Free text stays allowed: a suggestion only saves typing.
 */
public final class Suggestions {
  /** Discord shows at most 25 choices. */
  public static final int MOST = 25;

  private final CommandRegistry registry;
  private final EventLog log;
  private final Figures figures;
  private final Clock clock;
  private final CustomerMatcher customers = new CustomerMatcher();

  public Suggestions(CommandRegistry registry, EventLog log, Figures figures, Clock clock) {
    this.registry = registry;
    this.log = log;
    this.figures = figures;
    this.clock = clock;
  }

  /**
   * Suggestions for one parameter of a command, for what has been typed so far.
   *
   * @param settings the workspace's settings as the user sees them (their language)
   * @param parameter the parameter's English name
   */
  public List<String> suggest(
      WorkspaceId workspace,
      WorkspaceSettings settings,
      String command,
      String parameter,
      String typed) {
    Locale locale = settings.locale();
    LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
    return switch (parameter) {
      case "customer" ->
          customers
              .suggest(workspace, typed, after -> log.customersAfter(workspace, after), MOST)
              .stream()
              .map(Customer::name)
              .toList();
      case "period" -> matching(periods(locale, today), typed);
      case "week" -> matching(weeks(locale, today), typed);
      case "figure" -> matching(figures.all().stream().map(f -> f.nameIn(locale)).toList(), typed);
      case "by" ->
          matching(
              Messages.isDutch(locale) ? List.of("omzet", "verkopen") : List.of("revenue", "sales"),
              typed);
      case "command" ->
          matching(registry.all().stream().map(c -> c.nameIn(locale)).toList(), typed);
      default ->
          registry
              .find(command)
              .flatMap(
                  spec ->
                      spec.parameters().stream()
                          .filter(p -> p.name().equals(parameter))
                          .findFirst())
              .map(p -> matching(p.choicesIn(locale), typed))
              .orElse(List.of());
    };
  }

  /** The candidates that contain what was typed (ignoring case), those starting with it first. */
  private static List<String> matching(List<String> candidates, String typed) {
    String wanted = typed.strip().toLowerCase(Locale.ROOT);
    List<String> starting = new ArrayList<>();
    List<String> containing = new ArrayList<>();
    for (String candidate : candidates) {
      String lower = candidate.toLowerCase(Locale.ROOT);
      if (lower.startsWith(wanted)) {
        starting.add(candidate);
      } else if (lower.contains(wanted)) {
        containing.add(candidate);
      }
    }
    starting.addAll(containing);
    return starting.stream().limit(MOST).toList();
  }

  /** The periods people ask for most, in the workspace's words, newest first where dated. */
  private static List<String> periods(Locale locale, LocalDate today) {
    boolean dutch = Messages.isDutch(locale);
    Set<String> periods = new LinkedHashSet<>();
    periods.addAll(
        dutch
            ? List.of(
                "deze maand",
                "vorige maand",
                "dit kwartaal",
                "vorig kwartaal",
                "dit jaar",
                "vorig jaar",
                "deze week",
                "vorige week",
                "vandaag",
                "gisteren",
                "laatste 30 dagen",
                "dit jaar tot nu")
            : List.of(
                "this month",
                "last month",
                "this quarter",
                "last quarter",
                "this year",
                "last year",
                "this week",
                "last week",
                "today",
                "yesterday",
                "last 30 days",
                "year to date"));
    Period quarter = Period.quarter(today.getYear(), today.get(IsoFields.QUARTER_OF_YEAR));
    for (int i = 0; i < 4; i++, quarter = quarter.previous()) {
      periods.add(
          "Q" + quarter.start().get(IsoFields.QUARTER_OF_YEAR) + " " + quarter.start().getYear());
    }
    periods.add(String.valueOf(today.getYear()));
    periods.add(String.valueOf(today.getYear() - 1));
    return List.copyOf(periods);
  }

  /** This week, last week, then the ISO weeks before, as {@code 2026-W47}. */
  private static List<String> weeks(Locale locale, LocalDate today) {
    List<String> weeks = new ArrayList<>();
    weeks.add(Messages.isDutch(locale) ? "vorige week" : "last week");
    weeks.add(Messages.isDutch(locale) ? "deze week" : "this week");
    Period week = Period.isoWeekOf(today).previous().previous();
    for (int i = 0; i < 12; i++, week = week.previous()) {
      LocalDate start = week.start();
      weeks.add(
          "%d-W%02d"
              .formatted(
                  start.get(IsoFields.WEEK_BASED_YEAR),
                  start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
    }
    return weeks;
  }
}
