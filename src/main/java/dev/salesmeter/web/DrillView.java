package dev.salesmeter.web;

import dev.salesmeter.core.text.Messages;
import java.util.List;

/**
 * The drill-down page: what a figure's number is made of, as tables of formatted cells.
 *
 * @param heading the figure, period and scope, in words
 * @param backUrl the dashboard with the same question
 */
public record DrillView(
    Messages text,
    String lang,
    String heading,
    String backUrl,
    List<TableView> tables,
    Assets.Urls assets) {
  public DrillView {
    tables = List.copyOf(tables);
  }

  /** Whether any table shows a voided row, so that the page explains the struck-through rows. */
  public boolean anyVoided() {
    return tables.stream().anyMatch(t -> t.rows().stream().anyMatch(RowView::voided));
  }

  /**
   * One table.
   *
   * @param numeric per column, whether its cells are numbers or money (aligned right)
   * @param rows the first {@link DrillTables#SHOWN} rows: a browser would choke on a year's sales
   * @param total how many rows the table has in all (its CSV has them all)
   * @param csvUrl the table as a CSV download
   */
  public record TableView(
      String heading,
      List<String> columns,
      List<Boolean> numeric,
      List<RowView> rows,
      int total,
      String csvUrl) {
    public TableView {
      columns = List.copyOf(columns);
      numeric = List.copyOf(numeric);
      rows = List.copyOf(rows);
    }

    /** Whether the page shows fewer rows than the table has. */
    public boolean cut() {
      return rows.size() < total;
    }
  }

  /** A row's cells as shown; a voided row is struck through. */
  public record RowView(List<String> cells, boolean voided) {
    public RowView {
      cells = List.copyOf(cells);
    }
  }
}
