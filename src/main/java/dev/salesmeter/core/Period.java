package dev.salesmeter.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Objects;

/**
 * A span of whole days in the workspace's time zone, both ends included, with the calendar unit it
 * was asked as (so "March 2026" is compared with February, not with the 31 days before).
 */
public record Period(LocalDate start, LocalDate end, Unit unit) {

  /** What kind of span a period is; it decides the period before and how it is named. */
  public enum Unit {
    DAY,
    WEEK,
    MONTH,
    QUARTER,
    YEAR,
    YEAR_TO_DATE,
    DAYS
  }

  public Period {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(unit, "unit");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException(
          "a period ends on or after its start: " + start + ".." + end);
    }
  }

  public static Period day(LocalDate day) {
    return new Period(day, day, Unit.DAY);
  }

  /** The ISO week (Monday to Sunday) that holds the given day. */
  public static Period isoWeekOf(LocalDate day) {
    LocalDate monday = day.minusDays(day.getDayOfWeek().getValue() - 1L);
    return new Period(monday, monday.plusDays(6), Unit.WEEK);
  }

  public static Period month(int year, int month) {
    LocalDate first = LocalDate.of(year, month, 1);
    return new Period(first, first.plusMonths(1).minusDays(1), Unit.MONTH);
  }

  public static Period quarter(int year, int quarter) {
    if (quarter < 1 || quarter > 4) {
      throw new IllegalArgumentException("a quarter is 1 to 4: " + quarter);
    }
    LocalDate first = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    return new Period(first, first.plusMonths(3).minusDays(1), Unit.QUARTER);
  }

  public static Period year(int year) {
    return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), Unit.YEAR);
  }

  public static Period yearToDate(LocalDate today) {
    return new Period(today.withDayOfYear(1), today, Unit.YEAR_TO_DATE);
  }

  public static Period days(LocalDate start, LocalDate end) {
    return new Period(start, end, Unit.DAYS);
  }

  public long lengthInDays() {
    return ChronoUnit.DAYS.between(start, end) + 1;
  }

  /** The period of the same kind just before this one, for comparisons. */
  public Period previous() {
    return switch (unit) {
      case DAY -> day(start.minusDays(1));
      case WEEK -> isoWeekOf(start.minusWeeks(1));
      case MONTH -> month(start.minusMonths(1).getYear(), start.minusMonths(1).getMonthValue());
      case QUARTER -> {
        LocalDate before = start.minusMonths(3);
        yield quarter(before.getYear(), before.get(IsoFields.QUARTER_OF_YEAR));
      }
      case YEAR -> year(start.getYear() - 1);
      case YEAR_TO_DATE -> new Period(start.minusYears(1), end.minusYears(1), Unit.YEAR_TO_DATE);
      case DAYS -> days(start.minusDays(lengthInDays()), start.minusDays(1));
    };
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(start) && !day.isAfter(end);
  }

  /** The first instant of the period in the given zone. */
  public Instant startInstant(ZoneId zone) {
    return start.atStartOfDay(zone).toInstant();
  }

  /** The first instant after the period in the given zone (exclusive end). */
  public Instant endInstant(ZoneId zone) {
    return end.plusDays(1).atStartOfDay(zone).toInstant();
  }
}
