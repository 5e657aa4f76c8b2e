package dev.salesmeter.schedule;

import dev.salesmeter.core.text.Messages;
import java.time.DayOfWeek;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a schedule runs, as people say it and as cron reads it: {@code monday 09:00} is {@code 0 9 *
 * * 1}, {@code weekdays 10:00} {@code 0 10 * * 1-5}, {@code daily 08:30} {@code 30 8 * * *}, in
 * English or Dutch ({@code maandag 09:00}, {@code werkdagen}, {@code dagelijks}). A five-field cron
 * expression is taken as it is.
 */
final class ScheduleWhen {
  private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3])[:.h]([0-5]\\d)");
  private static final Pattern CRON_DAYS = Pattern.compile("(\\d{1,2}) (\\d{1,2}) \\* \\* (\\S+)");

  private static final Map<String, String> DAYS =
      Map.ofEntries(
          Map.entry("monday", "1"),
          Map.entry("mondays", "1"),
          Map.entry("maandag", "1"),
          Map.entry("tuesday", "2"),
          Map.entry("tuesdays", "2"),
          Map.entry("dinsdag", "2"),
          Map.entry("wednesday", "3"),
          Map.entry("wednesdays", "3"),
          Map.entry("woensdag", "3"),
          Map.entry("thursday", "4"),
          Map.entry("thursdays", "4"),
          Map.entry("donderdag", "4"),
          Map.entry("friday", "5"),
          Map.entry("fridays", "5"),
          Map.entry("vrijdag", "5"),
          Map.entry("saturday", "6"),
          Map.entry("saturdays", "6"),
          Map.entry("zaterdag", "6"),
          Map.entry("sunday", "0"),
          Map.entry("sundays", "0"),
          Map.entry("zondag", "0"),
          Map.entry("weekdays", "1-5"),
          Map.entry("werkdagen", "1-5"),
          Map.entry("daily", "*"),
          Map.entry("dagelijks", "*"));

  private ScheduleWhen() {}

  /**
   * The cron expression for the words, with the routine's days or time where the words leave them
   * out ({@code monday} alone keeps the default time; {@code 08:30} alone the default days).
   */
  static Optional<String> cron(String words, String defaultCron) {
    String text =
        words
            .strip()
            .toLowerCase(Locale.ROOT)
            .replaceAll("\\s+", " ")
            .replace("every day", "daily");
    text = text.replace("elke dag", "dagelijks").replaceAll("^(every|elke|iedere) ", "");
    if (text.isEmpty()) {
      return Optional.of(defaultCron);
    }
    if (text.split(" ").length == 5 && CronTime.isValid(text)) {
      return Optional.of(text);
    }
    Matcher defaults = CRON_DAYS.matcher(defaultCron);
    if (!defaults.matches()) {
      return Optional.empty();
    }
    String minute = defaults.group(1);
    String hour = defaults.group(2);
    String days = defaults.group(3);
    boolean daysSeen = false;
    boolean timeSeen = false;
    for (String word : text.split(" ")) {
      Matcher time = TIME.matcher(word);
      if (!timeSeen && time.matches()) {
        hour = Integer.toString(Integer.parseInt(time.group(1)));
        minute = Integer.toString(Integer.parseInt(time.group(2)));
        timeSeen = true;
      } else if (!daysSeen && DAYS.containsKey(word)) {
        days = DAYS.get(word);
        daysSeen = true;
      } else if (!word.equals("at") && !word.equals("om")) {
        return Optional.empty();
      }
    }
    return Optional.of(minute + " " + hour + " * * " + days);
  }

  /** The cron expression in words: "Mondays at 09:00", or the expression itself. */
  static String describe(String cron, Messages messages) {
    Matcher matcher = CRON_DAYS.matcher(cron);
    if (!matcher.matches()) {
      return messages.get("schedule.when.cron", cron);
    }
    String time =
        "%02d:%02d"
            .formatted(Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(1)));
    String days = matcher.group(3);
    if (days.equals("*")) {
      return messages.get("schedule.when.daily", time);
    }
    if (days.equals("1-5")) {
      return messages.get("schedule.when.weekdays", time);
    }
    if (days.matches("[0-7]")) {
      DayOfWeek day = DayOfWeek.of(days.equals("0") ? 7 : Integer.parseInt(days));
      return messages.get("schedule.when.weekly", messages.get("day." + day.name()), time);
    }
    return messages.get("schedule.when.cron", cron);
  }
}
