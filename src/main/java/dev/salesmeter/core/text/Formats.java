package dev.salesmeter.core.text;

import dev.salesmeter.core.Money;
import dev.salesmeter.core.Percentage;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.WorkspaceSettings;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a workspace writes money, percentages, dates and periods: "€ 4.200,50" in Dutch, "€4,200.50"
 * in English. Non-breaking spaces from the JDK's locale data become plain spaces, so that text
 * copied from chat into a spreadsheet or a test reads the same.
 */
public final class Formats {
  private final Locale locale;
  private final WorkspaceSettings settings;
  private final Messages messages;
  private final DateTimeFormatter date;
  private final DateTimeFormatter dayAndMonth;
  private final DateTimeFormatter time;
  private final NumberFormat currency;
  private final NumberFormat decimal;

  private static final Map<WorkspaceSettings, Formats> BY_SETTINGS = new ConcurrentHashMap<>();

  /** The formats of a workspace's settings (built once: formatters are costly to set up). */
  public static Formats of(WorkspaceSettings settings) {
    return BY_SETTINGS.computeIfAbsent(settings, Formats::new);
  }

  private Formats(WorkspaceSettings settings) {
    this.settings = settings;
    this.messages = Messages.of(settings.locale());
    this.locale = messages.locale();
    this.date = DateTimeFormatter.ofPattern("d MMM yyyy", locale);
    this.dayAndMonth = DateTimeFormatter.ofPattern("d MMM", locale);
    this.time = DateTimeFormatter.ofPattern("HH:mm", locale);
    this.currency = NumberFormat.getCurrencyInstance(locale);
    currency.setCurrency(settings.currency());
    this.decimal = NumberFormat.getNumberInstance(locale);
    decimal.setMaximumFractionDigits(1);
  }

  public Locale locale() {
    return locale;
  }

  /** The workspace's time zone, in which dates are written. */
  public ZoneId zone() {
    return settings.zone();
  }

  public Messages messages() {
    return messages;
  }

  public String money(Money money) {
    // NumberFormat is not thread-safe: each use takes a copy, far cheaper than a new instance.
    NumberFormat format = (NumberFormat) currency.clone();
    boolean whole = money.cents() % 100 == 0;
    format.setMinimumFractionDigits(whole ? 0 : 2);
    format.setMaximumFractionDigits(2);
    return plainSpaces(format.format(money.units()));
  }

  /** A percentage as exactly as it is kept: 27.25% ("27,25%" in Dutch). */
  public String percentage(Percentage percentage) {
    NumberFormat format = (NumberFormat) decimal.clone();
    format.setMaximumFractionDigits(2);
    return plainSpaces(format.format(BigDecimal.valueOf(percentage.basisPoints(), 2))) + "%";
  }

  /** A number with at most one decimal: "12.5" ("12,5" in Dutch). */
  public String number(BigDecimal number) {
    return plainSpaces(((NumberFormat) decimal.clone()).format(number));
  }

  /** A number with exactly one decimal: "4.0" ("4,0" in Dutch). */
  public String oneDecimal(BigDecimal number) {
    NumberFormat format = (NumberFormat) decimal.clone();
    format.setMinimumFractionDigits(1);
    return plainSpaces(format.format(number));
  }

  /** A number of percent (not a fraction): 27.5 is written "27.5%". */
  public String percent(BigDecimal percent) {
    NumberFormat format = (NumberFormat) decimal.clone();
    return plainSpaces(format.format(percent)) + "%";
  }

  public String date(LocalDate day) {
    return stripDots(date.format(day));
  }

  /** A day without its year: "1 Mar" ("1 mrt" in Dutch). */
  public String dayAndMonth(LocalDate day) {
    return stripDots(dayAndMonth.format(day));
  }

  /** The local date and time of an instant; the time is left out when it is noon exactly. */
  public String dateTime(Instant instant) {
    ZonedDateTime local = instant.atZone(settings.zone());
    String day = date(local.toLocalDate());
    return local.toLocalTime().equals(LocalTime.NOON) ? day : day + " " + time.format(local);
  }

  /**
   * When something was done, relative to now in the workspace's time zone: "today 14:02",
   * "yesterday 09:15", "30 Mar 2026 14:02" (Dutch: "vandaag om 14:02").
   */
  public String when(Instant instant, Instant now) {
    ZonedDateTime local = instant.atZone(settings.zone());
    LocalDate today = now.atZone(settings.zone()).toLocalDate();
    String clock = time.format(local);
    if (local.toLocalDate().equals(today)) {
      return messages.get("when.today", clock);
    }
    if (local.toLocalDate().equals(today.minusDays(1))) {
      return messages.get("when.yesterday", clock);
    }
    return messages.get("when.on", date(local.toLocalDate()), clock);
  }

  /** A period in words and exact dates: "March 2026 (1–31 Mar)"; a day is only its date. */
  public String period(Period period) {
    return period.unit() == Period.Unit.DAY
        ? periodName(period)
        : periodName(period) + " (" + dateRange(period) + ")";
  }

  /**
   * A period named so that it cannot be taken for the one before: "March 2026", "week 12, 2026",
   * "2025 to date", but the dates of a span of days ("1–30 Nov"), whose name ("30 days") the span
   * before shares.
   */
  public String periodShort(Period period) {
    return period.unit() == Period.Unit.DAYS ? dateRange(period) : periodName(period);
  }

  /** A period's name: "March 2026", "Q1 2026", "week 12, 2026", "2025". */
  public String periodName(Period period) {
    LocalDate start = period.start();
    return switch (period.unit()) {
      case DAY -> date(start);
      case WEEK ->
          messages.get(
              "period.week",
              start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
              start.get(IsoFields.WEEK_BASED_YEAR));
      case MONTH -> monthName(start) + " " + start.getYear();
      case QUARTER -> "Q" + start.get(IsoFields.QUARTER_OF_YEAR) + " " + start.getYear();
      case YEAR -> Integer.toString(start.getYear());
      case YEAR_TO_DATE -> messages.get("period.ytd", start.getYear());
      case DAYS -> messages.get("period.days", period.lengthInDays());
    };
  }

  /** "1–31 Mar", "30 Mar–5 Apr", "29 Dec 2025–4 Jan 2026". */
  public String dateRange(Period period) {
    LocalDate start = period.start();
    LocalDate end = period.end();
    if (start.equals(end)) {
      return date(start);
    }
    String to =
        stripDots(dayAndMonth.format(end))
            + (start.getYear() == end.getYear() ? "" : " " + end.getYear());
    String from;
    if (start.getYear() != end.getYear()) {
      from = date(start);
    } else if (start.getMonth() == end.getMonth()) {
      from = Integer.toString(start.getDayOfMonth());
    } else {
      from = stripDots(dayAndMonth.format(start));
    }
    return from + "–" + to;
  }

  /** "March" in English; "maart" in Dutch, where month names are not capitalised. */
  private String monthName(LocalDate day) {
    String name = day.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale);
    return Messages.isDutch(locale)
        ? name
        : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
  }

  /** Dutch short months come as "mrt."; in running text "2 mrt 2026" reads better. */
  private static String stripDots(String text) {
    return text.replace(".", "");
  }

  private static String plainSpaces(String text) {
    return text.replace('\u00a0', ' ').replace('\u202f', ' ');
  }
}
