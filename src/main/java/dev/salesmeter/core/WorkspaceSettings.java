package dev.salesmeter.core;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * How one workspace reads and shows numbers and dates, and the defaults its figures use.
 *
 * @param locale language of replies and the number format (English or Dutch)
 * @param zone time zone in which days, weeks and months begin
 * @param currency currency of every amount
 * @param defaultMargin margin assumed for sales logged without one
 * @param inactivityDays days after a customer's last sale before they count as silently churned
 * @param staleQuoteDays days without a follow-up after which an open quote is stale
 * @param name the workspace's name as its people know it (the heading of its pictures)
 * @param userLanguage whether replies follow each user's own language where the platform tells it
 *     (Discord does), instead of the workspace's
 */
public record WorkspaceSettings(
    Locale locale,
    ZoneId zone,
    Currency currency,
    Percentage defaultMargin,
    int inactivityDays,
    int staleQuoteDays,
    String name,
    boolean userLanguage) {
  /** The longest workspace name kept; longer ones are cut. */
  public static final int MAX_NAME = 80;

  public static final WorkspaceSettings DEFAULTS =
      new WorkspaceSettings(
          Locale.ENGLISH,
          ZoneId.of("Europe/Amsterdam"),
          Currency.getInstance("EUR"),
          Percentage.ofBasisPoints(2500),
          365,
          7,
          "",
          false);

  public WorkspaceSettings {
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(defaultMargin, "defaultMargin");
    if (inactivityDays < 1) {
      throw new IllegalArgumentException("inactivityDays must be at least 1");
    }
    if (staleQuoteDays < 1) {
      throw new IllegalArgumentException("staleQuoteDays must be at least 1");
    }
    name = name == null ? "" : name.strip();
    if (name.codePointCount(0, name.length()) > MAX_NAME) {
      name = name.substring(0, name.offsetByCodePoints(0, MAX_NAME));
    }
  }

  /** The same settings under another name (as the platform knows the workspace). */
  public WorkspaceSettings withName(String other) {
    return new WorkspaceSettings(
        locale, zone, currency, defaultMargin, inactivityDays, staleQuoteDays, other, userLanguage);
  }

  /** The same settings in another language (a user's own, where the workspace allows it). */
  public WorkspaceSettings withLocale(Locale other) {
    return new WorkspaceSettings(
        other, zone, currency, defaultMargin, inactivityDays, staleQuoteDays, name, userLanguage);
  }
}
