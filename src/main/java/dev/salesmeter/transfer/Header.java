package dev.salesmeter.transfer;

import dev.salesmeter.core.CustomerName;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The header row of an imported file: which column holds which {@link Field}. Headers match
 * whatever their case, accents and punctuation, with a leading object name ("Deal - Owner") left
 * out; {@code --map column=field} decides where the names do not, or says to skip a column ({@code
 * column=ignore}).
 *
 * @param names the headers as the file writes them, by column
 * @param columns the column of each field found
 * @param ignored the headers of columns that are not read
 */
record Header(List<String> names, Map<Field, List<Integer>> columns, List<String> ignored) {
  private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  /** Words of {@code --map} that skip a column. */
  private static final List<String> SKIP = List.of("ignore", "negeer", "-");

  /** Fields the deals format reads from two columns, the first one filled: Pipedrive's times. */
  private static final List<Field> FIRST_FILLED = List.of(Field.CLOSE_DATE);

  /** A header as it is matched: folded, punctuation as spaces, without a leading "deal". */
  static String normalise(String header) {
    String words = NOT_A_WORD.matcher(CustomerName.fold(header)).replaceAll(" ").strip();
    return words.startsWith("deal ") ? words.substring("deal ".length()) : words;
  }

  /**
   * Reads the header row; what cannot be matched is a bad row on line 1.
   *
   * @param maps {@code --map} entries, column to field
   */
  static Header read(
      List<String> cells, ImportFormat format, Map<String, String> maps, Problems problems) {
    Map<String, String> mapped = new java.util.HashMap<>();
    maps.forEach((column, field) -> mapped.put(normalise(column), field));
    Map<Field, List<Integer>> columns = new EnumMap<>(Field.class);
    java.util.SortedMap<Integer, String> ignored = new java.util.TreeMap<>();
    List<Integer> dealName = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      String name = cells.get(i).strip();
      String key = normalise(name);
      Optional<Field> field;
      String asked = mapped.remove(key);
      if (asked != null) {
        if (SKIP.contains(asked.strip().toLowerCase(java.util.Locale.ROOT))) {
          ignored.put(i, name);
          continue;
        }
        field = Field.named(asked, format);
        if (field.isEmpty()) {
          problems.add(
              1, name, "import.mapUnknownField", asked, String.join(", ", Field.namesIn(format)));
          continue;
        }
      } else {
        field = Field.ofHeader(key, format);
      }
      if (field.isPresent()) {
        List<Integer> at = columns.computeIfAbsent(field.get(), f -> new ArrayList<>());
        if (!at.isEmpty() && !FIRST_FILLED.contains(field.get())) {
          problems.add(
              1,
              name,
              "import.columnTwice",
              field.get().exportName(),
              cells.get(at.get(0)).strip());
          continue;
        }
        at.add(i);
      } else if (format == ImportFormat.DEALS && key.equals("name")) {
        dealName.add(i); // "Deal Name": the customer only where no column names one
      } else if (format == ImportFormat.DEALS || key.isEmpty()) {
        ignored.put(i, name); // a CRM writes many columns a deal does not need
      } else {
        problems.add(
            1,
            name,
            "import.unknownColumn",
            format.code(),
            String.join(", ", Field.namesIn(format)),
            name);
      }
    }
    if (!dealName.isEmpty()) {
      if (columns.containsKey(Field.CUSTOMER)) {
        dealName.forEach(i -> ignored.put(i, cells.get(i).strip()));
      } else {
        columns.put(Field.CUSTOMER, List.of(dealName.get(0)));
      }
    }
    mapped.keySet().forEach(column -> problems.add(1, column, "import.mapNoColumn", column));
    List<Field> required =
        format == ImportFormat.EVENTS
            ? List.of(Field.OCCURRED, Field.KIND, Field.CUSTOMER, Field.REP, Field.AMOUNT)
            : List.of(Field.CREATED, Field.CUSTOMER, Field.REP, Field.AMOUNT, Field.CLOSE_DATE);
    for (Field field : required) {
      if (!columns.containsKey(field)) {
        problems.add(1, field.exportName(), "import.columnMissing", field.exportName());
      }
    }
    if (format == ImportFormat.DEALS
        && !columns.containsKey(Field.STAGE)
        && !columns.containsKey(Field.STATUS)) {
      problems.add(1, "stage", "import.columnMissing", "stage / status");
    }
    return new Header(List.copyOf(cells), columns, List.copyOf(ignored.values()));
  }

  boolean has(Field field) {
    return columns.containsKey(field);
  }

  /** The header of the (first) column that holds a field, as the file writes it. */
  String nameOf(Field field) {
    List<Integer> at = columns.get(field);
    return at == null ? field.exportName() : names.get(at.get(0)).strip();
  }
}
