package dev.salesmeter.core;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the periods of KPIS.md ("Periods a user can type"), in English and Dutch, relative to today
 * in the workspace's time zone. A month, quarter or week named without a year means the latest one
 * that has begun. It lives in {@code core} because chat commands and web requests read the same
 * phrases ({@code ?period=last month} means what {@code /kpi revenue last month} means).
 */
public final class PeriodPhrase {
  private static final Map<String, Month> MONTHS =
      Map.ofEntries(
          Map.entry("january", Month.JANUARY),
          Map.entry("januari", Month.JANUARY),
          Map.entry("jan", Month.JANUARY),
          Map.entry("february", Month.FEBRUARY),
          Map.entry("februari", Month.FEBRUARY),
          Map.entry("feb", Month.FEBRUARY),
          Map.entry("march", Month.MARCH),
          Map.entry("maart", Month.MARCH),
          Map.entry("mar", Month.MARCH),
          Map.entry("mrt", Month.MARCH),
          Map.entry("april", Month.APRIL),
          Map.entry("apr", Month.APRIL),
          Map.entry("may", Month.MAY),
          Map.entry("mei", Month.MAY),
          Map.entry("june", Month.JUNE),
          Map.entry("juni", Month.JUNE),
          Map.entry("jun", Month.JUNE),
          Map.entry("july", Month.JULY),
          Map.entry("juli", Month.JULY),
          Map.entry("jul", Month.JULY),
          Map.entry("august", Month.AUGUST),
          Map.entry("augustus", Month.AUGUST),
          Map.entry("aug", Month.AUGUST),
          Map.entry("september", Month.SEPTEMBER),
          Map.entry("sep", Month.SEPTEMBER),
          Map.entry("sept", Month.SEPTEMBER),
          Map.entry("october", Month.OCTOBER),
          Map.entry("oktober", Month.OCTOBER),
          Map.entry("oct", Month.OCTOBER),
          Map.entry("okt", Month.OCTOBER),
          Map.entry("november", Month.NOVEMBER),
          Map.entry("nov", Month.NOVEMBER),
          Map.entry("december", Month.DECEMBER),
          Map.entry("dec", Month.DECEMBER));

  private static final Pattern LAST_N =
      Pattern.compile(
          "(?:last|laatste|afgelopen) (\\d{1,4}) (days?|dagen|dag|weeks?|weken|months?|maanden|maand)");
  private static final Pattern MONTH_NAME = Pattern.compile("(\\p{L}+)\\.?(?: (\\d{4}))?");
  private static final Pattern ISO_MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");
  private static final Pattern QUARTER =
      Pattern.compile("(?:q([1-4])(?: (\\d{4}))?|(\\d{4}) ?-? ?q([1-4]))");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern WEEK =
      Pattern.compile("(?:(?:week|wk|w) ?(\\d{1,2})(?:,? (\\d{4}))?|(\\d{4})-w(\\d{1,2}))");
  private static final Pattern RANGE =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2}) ?\\.\\. ?(\\d{4}-\\d{2}-\\d{2})");

  private static final int FIRST_YEAR = 2000;
  private static final int LAST_YEAR = 2100;

  private PeriodPhrase() {}

  /**
   * The period a phrase names, or empty for a phrase that names none.
   *
   * @param today today's date in the workspace's time zone
   */
  public static Optional<Period> read(String phrase, LocalDate today) {
    String text = phrase.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    Period thisMonth = Period.month(today.getYear(), today.getMonthValue());
    Period thisQuarter = Period.quarter(today.getYear(), today.get(IsoFields.QUARTER_OF_YEAR));
    switch (text) {
      case "today", "vandaag":
        return Optional.of(Period.day(today));
      case "yesterday", "gisteren":
        return Optional.of(Period.day(today.minusDays(1)));
      case "this week", "deze week":
        return Optional.of(Period.isoWeekOf(today));
      case "last week", "vorige week":
        return Optional.of(Period.isoWeekOf(today).previous());
      case "this month", "deze maand":
        return Optional.of(thisMonth);
      case "last month", "vorige maand":
        return Optional.of(thisMonth.previous());
      case "this quarter", "dit kwartaal":
        return Optional.of(thisQuarter);
      case "last quarter", "vorig kwartaal":
        return Optional.of(thisQuarter.previous());
      case "this year", "dit jaar":
        return Optional.of(Period.year(today.getYear()));
      case "last year", "vorig jaar":
        return Optional.of(Period.year(today.getYear() - 1));
      case "ytd", "year to date", "dit jaar tot nu":
        return Optional.of(Period.yearToDate(today));
      default:
        break;
    }
    try {
      return readPattern(text, today);
    } catch (DateTimeException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  private static Optional<Period> readPattern(String text, LocalDate today) {
    Matcher m;
    if ((m = LAST_N.matcher(text)).matches()) {
      int n = Integer.parseInt(m.group(1));
      if (n < 1) {
        return Optional.empty();
      }
      char unit = m.group(2).charAt(0);
      LocalDate start =
          switch (unit) {
            case 'd' -> today.minusDays(n - 1L);
            case 'w' -> today.minusWeeks(n).plusDays(1);
            default -> today.minusMonths(n).plusDays(1);
          };
      return inYears(Period.days(start, today));
    }
    if ((m = RANGE.matcher(text)).matches()) {
      LocalDate start = LocalDate.parse(m.group(1));
      LocalDate end = LocalDate.parse(m.group(2));
      return end.isBefore(start) ? Optional.empty() : inYears(Period.days(start, end));
    }
    if ((m = ISO_MONTH.matcher(text)).matches()) {
      return inYears(Period.month(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    }
    if ((m = QUARTER.matcher(text)).matches()) {
      if (m.group(1) != null) {
        int quarter = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
          return inYears(Period.quarter(Integer.parseInt(m.group(2)), quarter));
        }
        Period thisYears = Period.quarter(today.getYear(), quarter);
        return Optional.of(
            thisYears.start().isAfter(today)
                ? Period.quarter(today.getYear() - 1, quarter)
                : thisYears);
      }
      return inYears(Period.quarter(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
    }
    if (YEAR.matcher(text).matches()) {
      return inYears(Period.year(Integer.parseInt(text)));
    }
    if ((m = WEEK.matcher(text)).matches()) {
      String yearText = m.group(1) != null ? m.group(2) : m.group(3);
      int week = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(4));
      if (yearText != null) {
        return isoWeek(Integer.parseInt(yearText), week).flatMap(PeriodPhrase::inYears);
      }
      int weekYear = today.get(IsoFields.WEEK_BASED_YEAR);
      Optional<Period> thisYears = isoWeek(weekYear, week);
      if (thisYears.isPresent() && !thisYears.get().start().isAfter(today)) {
        return thisYears;
      }
      return isoWeek(weekYear - 1, week);
    }
    if ((m = MONTH_NAME.matcher(text)).matches() && MONTHS.containsKey(m.group(1))) {
      Month month = MONTHS.get(m.group(1));
      if (m.group(2) != null) {
        return inYears(Period.month(Integer.parseInt(m.group(2)), month.getValue()));
      }
      Period thisYears = Period.month(today.getYear(), month.getValue());
      return Optional.of(
          thisYears.start().isAfter(today)
              ? Period.month(today.getYear() - 1, month.getValue())
              : thisYears);
    }
    return Optional.empty();
  }

  /** ISO week {@code week} of the week-based year, if that year has such a week. */
  private static Optional<Period> isoWeek(int weekBasedYear, int week) {
    LocalDate mondayOfWeekOne = Period.isoWeekOf(LocalDate.of(weekBasedYear, 1, 4)).start();
    LocalDate monday = mondayOfWeekOne.plusWeeks(week - 1L);
    if (week < 1 || monday.get(IsoFields.WEEK_BASED_YEAR) != weekBasedYear) {
      return Optional.empty();
    }
    return Optional.of(Period.isoWeekOf(monday));
  }

  private static Optional<Period> inYears(Period period) {
    boolean plausible =
        period.start().getYear() >= FIRST_YEAR && period.end().getYear() <= LAST_YEAR;
    return plausible ? Optional.of(period) : Optional.empty();
  }
}
