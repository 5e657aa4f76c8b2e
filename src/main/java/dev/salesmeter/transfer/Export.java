package dev.salesmeter.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salesmeter.core.EventKind;
import dev.salesmeter.core.FollowUpKind;
import dev.salesmeter.core.Money;
import dev.salesmeter.core.Percentage;
import dev.salesmeter.core.SpreadsheetCell;
import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.store.Customer;
import dev.salesmeter.store.EventLog;
import dev.salesmeter.store.LoggedEvent;
import dev.salesmeter.store.Rep;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes every event of a workspace, voids included, in number order: its number, kind, when it
 * happened and when it was logged (ISO with the workspace's offset), customer, rep (name and chat
 * id), who typed it, opportunity, amount in currency units, every option and flag, the target's
 * period, and which event it voids or replaces. The CSV is the {@code events} import format:
 * imported into a fresh database it gives the same figures and the same event numbers. Text cells a
 * spreadsheet would run as a formula are written with a leading apostrophe ({@link
 * SpreadsheetCell}), which the import takes off again.
 */
public final class Export {
  /** The columns, in the order they are written. */
  static final List<Field> COLUMNS =
      List.of(
          Field.NUMBER,
          Field.KIND,
          Field.OCCURRED,
          Field.LOGGED,
          Field.CUSTOMER,
          Field.REP,
          Field.REP_ID,
          Field.LOGGED_BY,
          Field.LOGGED_BY_ID,
          Field.OPPORTUNITY,
          Field.AMOUNT,
          Field.CROSS_SELL,
          Field.MARGIN,
          Field.SOURCE,
          Field.REASON,
          Field.FOLLOWUP,
          Field.PRODUCTS,
          Field.LABEL,
          Field.PERIOD_START,
          Field.PERIOD_END,
          Field.PERIOD_UNIT,
          Field.TARGET_REP,
          Field.TARGET_REP_ID,
          Field.VOIDS,
          Field.REPLACES);

  /** The two ways to write a history. */
  public enum Format {
    CSV,
    JSONL;

    /** The file name ending and media type of the format. */
    public String extension() {
      return name().toLowerCase(Locale.ROOT);
    }

    public String mediaType() {
      return this == CSV ? "text/csv" : "application/jsonl";
    }
  }

  private static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
  private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

  private final EventLog log;
  private final ObjectMapper json = new ObjectMapper();

  public Export(EventLog log) {
    this.log = log;
  }

  /**
   * Writes the workspace's events of the days given (all of them where a bound is empty), and
   * flushes, leaving the stream open.
   *
   * @return how many events were written
   */
  public long write(
      WorkspaceId workspace,
      Optional<LocalDate> from,
      Optional<LocalDate> to,
      Format format,
      OutputStream out) {
    ZoneId zone = log.settings(workspace).zone();
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    long[] count = {0};
    try {
      if (format == Format.CSV) {
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
        csv.printRecord(COLUMNS.stream().map(Field::exportName).toList());
        log.forEachEvent(
            workspace,
            from.orElse(EARLIEST),
            to.orElse(LATEST),
            event -> {
              Map<Field, Object> row = row(event, zone);
              try {
                csv.printRecord(
                    COLUMNS.stream()
                        .map(field -> row.get(field))
                        .map(value -> value == null ? "" : SpreadsheetCell.protect(text(value)))
                        .toList());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              count[0]++;
            });
        csv.flush();
      } else {
        log.forEachEvent(
            workspace,
            from.orElse(EARLIEST),
            to.orElse(LATEST),
            event -> {
              Map<String, Object> object = new LinkedHashMap<>();
              row(event, zone).forEach((field, value) -> object.put(field.exportName(), value));
              try {
                writer.write(json.writeValueAsString(object));
                writer.write('\n');
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              count[0]++;
            });
        writer.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return count[0];
  }

  private static String text(Object value) {
    return value instanceof BigDecimal number ? number.toPlainString() : value.toString();
  }

  /** An event's fields that have a value, typed (numbers as numbers), in column order. */
  private static Map<Field, Object> row(LoggedEvent event, ZoneId zone) {
    Map<Field, Object> row = new LinkedHashMap<>();
    row.put(Field.NUMBER, event.number());
    row.put(Field.KIND, event.kind().code());
    row.put(Field.OCCURRED, iso(event.occurredAt(), zone));
    row.put(Field.LOGGED, iso(event.loggedAt(), zone));
    event.customer().map(Customer::name).ifPresent(name -> row.put(Field.CUSTOMER, name));
    row.put(Field.REP, event.rep().displayName());
    row.put(Field.REP_ID, event.rep().platformUserId());
    row.put(Field.LOGGED_BY, event.loggedBy().displayName());
    row.put(Field.LOGGED_BY_ID, event.loggedBy().platformUserId());
    event.opportunityId().ifPresent(id -> row.put(Field.OPPORTUNITY, id));
    event.amount().map(Export::units).ifPresent(units -> row.put(Field.AMOUNT, units));
    if (event.kind() == EventKind.SALE) {
      row.put(Field.CROSS_SELL, event.details().crossSell() ? "yes" : "no");
    }
    event.details().margin().map(Export::percent).ifPresent(m -> row.put(Field.MARGIN, m));
    event.details().source().ifPresent(source -> row.put(Field.SOURCE, source));
    event.details().reason().ifPresent(reason -> row.put(Field.REASON, reason));
    event
        .details()
        .followUpKind()
        .map(FollowUpKind::code)
        .ifPresent(k -> row.put(Field.FOLLOWUP, k));
    if (!event.details().products().isEmpty()) {
      row.put(Field.PRODUCTS, String.join(",", event.details().products()));
    }
    event.details().label().ifPresent(label -> row.put(Field.LABEL, label));
    event
        .target()
        .ifPresent(
            period -> {
              row.put(Field.PERIOD_START, period.start().toString());
              row.put(Field.PERIOD_END, period.end().toString());
              row.put(Field.PERIOD_UNIT, period.unit().name().toLowerCase(Locale.ROOT));
            });
    event.targetRep().map(Rep::displayName).ifPresent(name -> row.put(Field.TARGET_REP, name));
    event.targetRep().map(Rep::platformUserId).ifPresent(id -> row.put(Field.TARGET_REP_ID, id));
    event.voids().ifPresent(number -> row.put(Field.VOIDS, number));
    event.replaces().ifPresent(number -> row.put(Field.REPLACES, number));
    return row;
  }

  private static String iso(Instant instant, ZoneId zone) {
    return OffsetDateTime.ofInstant(instant, zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /** Whole units without trailing zeros: {@code 4200}, {@code 4200.5}, readable in any locale. */
  private static BigDecimal units(Money money) {
    BigDecimal units = money.units().stripTrailingZeros();
    return units.scale() < 0 ? units.setScale(0) : units;
  }

  private static BigDecimal percent(Percentage margin) {
    BigDecimal percent = BigDecimal.valueOf(margin.basisPoints(), 2).stripTrailingZeros();
    return percent.scale() < 0 ? percent.setScale(0) : percent;
  }
}
