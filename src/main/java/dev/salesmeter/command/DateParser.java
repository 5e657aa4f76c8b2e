package dev.salesmeter.command;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads the {@code date:} option (COMMANDS.md): {@code 2026-03-02}, {@code 2026-03-02T14:30},
 * {@code today}/{@code vandaag}, {@code yesterday}/{@code gisteren}, in the workspace's time zone.
 * A day without a time means noon, or now if noon today has not come yet. Never in the future, and
 * not more than ten years back.
 */
public final class DateParser {
  private static final int YEARS_BACK = 10;

  private DateParser() {}

  public static Instant parse(String value, ZoneId zone, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, zone);
    String text = value.strip().toLowerCase(Locale.ROOT);
    Instant instant;
    try {
      instant =
          switch (text) {
            case "today", "vandaag" -> now;
            case "yesterday", "gisteren" -> noon(today.minusDays(1), zone);
            default ->
                text.contains("t")
                    ? LocalDateTime.parse(text.toUpperCase(Locale.ROOT)).atZone(zone).toInstant()
                    : noonOrNow(LocalDate.parse(text), zone, now);
          };
    } catch (DateTimeParseException e) {
      throw new InvalidInput("error.dateInvalid", value);
    }
    return checked(instant, value, zone, now);
  }

  /**
   * A moment read another way (an imported file's column), under the rules of a typed date: never
   * in the future, and not more than ten years back.
   *
   * @param value the moment as written, for the error
   */
  public static Instant checked(Instant instant, String value, ZoneId zone, Instant now) {
    if (instant.isAfter(now)) {
      throw new InvalidInput("error.dateFuture", value);
    }
    LocalDate today = LocalDate.ofInstant(now, zone);
    if (instant.isBefore(today.minusYears(YEARS_BACK).atStartOfDay(zone).toInstant())) {
      throw new InvalidInput("error.dateTooOld", value, YEARS_BACK);
    }
    return instant;
  }

  /** The moment a day without a time stands for: noon, or now if noon today has not come yet. */
  public static Instant noonOrNow(LocalDate day, ZoneId zone, Instant now) {
    Instant noon = noon(day, zone);
    return day.equals(LocalDate.ofInstant(now, zone)) && noon.isAfter(now) ? now : noon;
  }

  private static Instant noon(LocalDate day, ZoneId zone) {
    return day.atTime(LocalTime.NOON).atZone(zone).toInstant();
  }
}
