package dev.salesmeter.transfer;

import dev.salesmeter.command.DateParser;
import dev.salesmeter.command.InvalidInput;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates of an imported file: ISO ({@code 2026-03-05}, {@code 2026-03-05 14:30}, {@code
 * 2026-03-05T14:30:00+01:00} as the export writes them) and the numeric forms spreadsheets write
 * ({@code 03/05/2026} in the US, {@code 05-03-2026} or {@code 5-3-2026} in the Netherlands),
 * optionally with a time. Which number is the day is decided once for the whole file: by {@code
 * --locale} (en: month first, nl: day first) where given, else by the file's own dates (a first
 * number over 12 is a day); a file that gives no way to tell is refused, never guessed. A time
 * without an offset is in the file's time zone; a day without a time means noon, as a typed date.
 */
final class FileDates {
  private static final Pattern NUMERIC =
      Pattern.compile(
          "(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");

  /** Which number of {@code 03/05/2026} is the day. */
  enum Order {
    DAY_FIRST,
    MONTH_FIRST,
    UNDECIDED
  }

  /** What a file's numeric dates show about their order, seen one by one. */
  static final class Evidence {
    private long dayFirstLine;
    private String dayFirstValue;
    private long monthFirstLine;
    private String monthFirstValue;

    void see(String value, long line) {
      Matcher numeric = NUMERIC.matcher(value.strip());
      if (!numeric.matches()) {
        return;
      }
      int first = Integer.parseInt(numeric.group(1));
      int second = Integer.parseInt(numeric.group(2));
      if (first > 12 && second <= 12 && dayFirstValue == null) {
        dayFirstLine = line;
        dayFirstValue = value;
      } else if (second > 12 && first <= 12 && monthFirstValue == null) {
        monthFirstLine = line;
        monthFirstValue = value;
      }
    }

    /** The order the dates show, if they show one and only one. */
    Order order() {
      if (dayFirstValue != null && monthFirstValue == null) {
        return Order.DAY_FIRST;
      }
      if (monthFirstValue != null && dayFirstValue == null) {
        return Order.MONTH_FIRST;
      }
      return Order.UNDECIDED;
    }

    /** Where the file writes dates both ways, the two lines that show it. */
    Optional<long[]> contradiction() {
      return dayFirstValue != null && monthFirstValue != null
          ? Optional.of(new long[] {dayFirstLine, monthFirstLine})
          : Optional.empty();
    }
  }

  private final Order order;
  private final ZoneId zone;
  private final ZoneId workspaceZone;
  private final Instant now;

  /**
   * @param zone the file's time zone, for times without an offset
   * @param workspaceZone the workspace's, for how far back a date may go
   */
  FileDates(Order order, ZoneId zone, ZoneId workspaceZone, Instant now) {
    this.order = order;
    this.zone = zone;
    this.workspaceZone = workspaceZone;
    this.now = now;
  }

  /** A date of something that happened: never in the future, as a typed date. */
  Instant happened(String value) {
    return DateParser.checked(read(value), value, workspaceZone, now);
  }

  /** A date that may lie ahead (an open deal's expected close). */
  Instant read(String value) {
    String text = value.strip();
    Matcher numeric = NUMERIC.matcher(text);
    if (numeric.matches()) {
      return numeric(numeric, value);
    }
    try {
      if (text.length() == 10) {
        return DateParser.noonOrNow(LocalDate.parse(text), zone, now);
      }
      String iso = text.replace(' ', 'T');
      try {
        return OffsetDateTime.parse(iso).toInstant();
      } catch (DateTimeParseException withoutOffset) {
        return LocalDateTime.parse(iso).atZone(zone).toInstant();
      }
    } catch (DateTimeParseException e) {
      throw new InvalidInput("import.dateInvalid", value);
    }
  }

  private Instant numeric(Matcher numeric, String value) {
    int first = Integer.parseInt(numeric.group(1));
    int second = Integer.parseInt(numeric.group(2));
    int year = Integer.parseInt(numeric.group(3));
    Order read = order;
    if (read == Order.UNDECIDED) {
      if (first > 12) {
        read = Order.DAY_FIRST;
      } else if (second > 12 || first == second) {
        read = Order.MONTH_FIRST; // the same either way
      } else {
        throw new InvalidInput(
            "import.dateAmbiguous",
            value,
            LocalDate.of(year, first, second).toString(),
            LocalDate.of(year, second, first).toString());
      }
    }
    int day = read == Order.DAY_FIRST ? first : second;
    int month = read == Order.DAY_FIRST ? second : first;
    try {
      LocalDate date = LocalDate.of(year, month, day);
      if (numeric.group(4) == null) {
        return DateParser.noonOrNow(date, zone, now);
      }
      LocalTime time =
          LocalTime.of(
              Integer.parseInt(numeric.group(4)),
              Integer.parseInt(numeric.group(5)),
              numeric.group(6) == null ? 0 : Integer.parseInt(numeric.group(6)));
      return date.atTime(time).atZone(zone).toInstant();
    } catch (DateTimeException e) {
      throw new InvalidInput(
          read == Order.DAY_FIRST ? "import.dateInvalidDayFirst" : "import.dateInvalidMonthFirst",
          value);
    }
  }
}
