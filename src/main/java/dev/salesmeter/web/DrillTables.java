package dev.salesmeter.web;

import dev.salesmeter.core.Money;
import dev.salesmeter.core.SpreadsheetCell;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.Drilldown;
import dev.salesmeter.figure.Drilldown.Column;
import dev.salesmeter.figure.Drilldown.Kind;
import dev.salesmeter.figure.Drilldown.Row;
import dev.salesmeter.figure.Drilldown.Table;
import dev.salesmeter.web.DrillView.RowView;
import dev.salesmeter.web.DrillView.TableView;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A figure's drill-down written two ways: as the page's tables (money and dates in the workspace's
 * format) and as CSV for a spreadsheet (ISO dates, amounts in currency units with a dot, text cells
 * protected from being run as formulas).
 */
final class DrillTables {
  private final Formats formats;
  private final Messages messages;

  DrillTables(Formats formats) {
    this.formats = formats;
    this.messages = formats.messages();
  }

  /** How many rows of a table a page shows; the CSV has them all. */
  static final int SHOWN = 1_000;

  /** The tables as the page shows them; {@code csvUrl} gives each table's download. */
  List<TableView> views(Drilldown drill, IntFunction<String> csvUrl) {
    List<TableView> views = new ArrayList<>();
    for (int i = 0; i < drill.tables().size(); i++) {
      Table table = drill.tables().get(i);
      List<RowView> rows =
          table.rows().stream()
              .limit(SHOWN)
              .map(row -> new RowView(shown(table.columns(), row), row.voided()))
              .toList();
      views.add(
          new TableView(
              heading("drill.table." + table.key(), table.key()),
              table.columns().stream().map(this::heading).toList(),
              table.columns().stream()
                  .map(c -> c.kind() == Kind.NUMBER || c.kind() == Kind.MONEY)
                  .toList(),
              rows,
              table.rows().size(),
              csvUrl.apply(i)));
    }
    return views;
  }

  /**
   * One table as CSV: a header row of the columns' headings and a last column saying whether the
   * event was voided, then a record per row.
   */
  String csv(Table table) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
      List<String> header = new ArrayList<>();
      table.columns().forEach(column -> header.add(SpreadsheetCell.protect(heading(column))));
      header.add(SpreadsheetCell.protect(messages.get("dashboard.drill.voided")));
      printer.printRecord(header);
      for (Row row : table.rows()) {
        List<String> record = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
          record.add(csvCell(table.columns().get(i).kind(), row.cells().get(i)));
        }
        record.add(Boolean.toString(row.voided()));
        printer.printRecord(record);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private String heading(Column column) {
    return heading("drill.column." + column.key(), column.key());
  }

  /** The message under the key; the drill-down's own key where no text exists for it yet. */
  private String heading(String messageKey, String fallback) {
    return messages.has(messageKey) ? messages.get(messageKey) : fallback;
  }

  private List<String> shown(List<Column> columns, Row row) {
    List<String> cells = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      cells.add(shownCell(columns.get(i).kind(), row.cells().get(i)));
    }
    return cells;
  }

  private String shownCell(Kind kind, Object value) {
    if (value == null) {
      return "";
    }
    return switch (kind) {
      case NUMBER -> value.toString();
      case DATE -> formats.date((LocalDate) value);
      case INSTANT -> formats.dateTime((Instant) value);
      case TEXT -> (String) value;
      case MONEY -> formats.money((Money) value);
      case BOOLEAN -> messages.get((Boolean) value ? "dashboard.yes" : "dashboard.no");
    };
  }

  private String csvCell(Kind kind, Object value) {
    if (value == null) {
      return "";
    }
    return switch (kind) {
      case NUMBER -> value.toString();
      case DATE -> value.toString();
      case INSTANT ->
          LocalDateTime.ofInstant((Instant) value, formats.zone())
              .truncatedTo(ChronoUnit.SECONDS)
              .toString();
      case TEXT -> SpreadsheetCell.protect((String) value);
      case MONEY -> ((Money) value).units().toPlainString();
      case BOOLEAN -> value.toString();
    };
  }
}
