package dev.salesmeter.figure;

import java.util.List;
import java.util.Objects;

/**
 * What a figure's number is made of: one or more tables of the events (or derived rows, such as a
 * customer's spell) behind it, for the dashboard's drill-down and its CSV download. Voided events
 * of the period are included and marked, so that the audit trail is whole; the live rows add up to
 * the figure's number (their amounts to the revenue, their count to the leads).
 *
 * @param tables in the order they are shown
 */
public record Drilldown(List<Table> tables) {
  public Drilldown {
    tables = List.copyOf(tables);
  }

  /**
   * One table.
   *
   * @param key names the table: its heading is the message {@code drill.table.<key>}
   * @param columns the columns, in order
   * @param rows the rows, in order (by date, then event number)
   */
  public record Table(String key, List<Column> columns, List<Row> rows) {
    public Table {
      Objects.requireNonNull(key, "key");
      columns = List.copyOf(columns);
      rows = List.copyOf(rows);
    }
  }

  /**
   * A column: its heading is the message {@code drill.column.<key>}.
   *
   * @param kind what its cells hold
   */
  public record Column(String key, Kind kind) {}

  /** What a column's cells hold, and so how they are written. */
  public enum Kind {
    /** A {@code Long}: an event number, a count. */
    NUMBER,
    /** A {@code java.time.LocalDate}. */
    DATE,
    /** A {@code java.time.Instant}, shown in the workspace's time zone. */
    INSTANT,
    /** A {@code String}: a name, a list of flags. */
    TEXT,
    /** A {@code dev.salesmeter.core.Money}. */
    MONEY,
    /** A {@code Boolean}. */
    BOOLEAN
  }

  /**
   * A row: one cell per column, of the column's kind, or null where it has none.
   *
   * @param voided whether the event was voided (shown struck through, not counted)
   */
  public record Row(List<Object> cells, boolean voided) {
    public Row {
      // Cells may be null (a sale without a margin): not List.copyOf.
      cells = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(cells));
    }
  }
}
