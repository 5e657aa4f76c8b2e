package dev.salesmeter.figure;

import dev.salesmeter.core.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Reads the cells of a drill-down row from a result set, each of its column's {@link
 * Drilldown.Kind}, and null where the database has none (a sale without a margin, a step not
 * reached).
 */
public final class DrillCells {
  private DrillCells() {}

  /** A {@link Drilldown.Kind#NUMBER}. */
  public static Long number(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }

  /** A {@link Drilldown.Kind#DATE} kept as an ISO date (a local day as logged). */
  public static LocalDate date(ResultSet row, String column) throws SQLException {
    String value = row.getString(column);
    return value == null ? null : LocalDate.parse(value);
  }

  /** A {@link Drilldown.Kind#DATE}: the local day in the zone of an instant kept in epoch ms. */
  public static LocalDate day(ResultSet row, String column, ZoneId zone) throws SQLException {
    Long millis = number(row, column);
    return millis == null ? null : LocalDate.ofInstant(Instant.ofEpochMilli(millis), zone);
  }

  /** A {@link Drilldown.Kind#MONEY} kept in cents. */
  public static Money money(ResultSet row, String column) throws SQLException {
    Long cents = number(row, column);
    return cents == null ? null : Money.ofCents(cents);
  }

  /** A {@link Drilldown.Kind#BOOLEAN} kept as 0 or 1. */
  public static Boolean bool(ResultSet row, String column) throws SQLException {
    Long value = number(row, column);
    return value == null ? null : value != 0;
  }
}
