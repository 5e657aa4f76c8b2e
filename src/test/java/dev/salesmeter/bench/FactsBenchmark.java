package dev.salesmeter.bench;

import dev.salesmeter.store.Database;
import dev.salesmeter.store.FigureFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bulk entry point of the figures' facts ({@link FigureFacts#refreshWorkspace}) on the
 * generated history of {@link FigureBenchmark}: how long deriving every fact of a large workspace
 * in one go takes, and whether the result equals the facts the migrations derived (the triggers of
 * V2 to V7, before V10 handed them to the application).
 *
 * <pre>mvn -B -q -Pbench test-compile exec:exec -Dbench.class=dev.salesmeter.bench.FactsBenchmark
 * [-Dbench.args=1000000]</pre>
 */
public final class FactsBenchmark {
  /** Each table's rows in one canonical order, every column, as one fingerprint per table. */
  private static final Map<String, String> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put(
        "opportunity_facts",
        "SELECT opportunity_id, rep_id, customer_id, opened_at, lead_at, appointment_at,"
            + " first_quote_at, quote_cents, last_touch_at, won_at, lost_at, closed_by"
            + " FROM opportunity_facts ORDER BY opportunity_id");
    TABLES.put(
        "sale_facts",
        "SELECT event_id, customer_id, rep_id, opportunity_id, occurred_at, day, amount_cents,"
            + " cross_sell, margin_bp, is_repeat FROM sale_facts ORDER BY event_id");
    TABLES.put(
        "sales_by_day",
        "SELECT rep_id, day, sales, revenue_cents, cross_sells, cross_sell_cents, repeats,"
            + " repeat_cents, margined_cents, unmargined_cents FROM sales_by_day"
            + " WHERE sales <> 0 ORDER BY rep_id, day");
    TABLES.put(
        "customer_spells",
        "SELECT customer_id, start_id, started_at, ended_day, ended_at, silent, won_back"
            + " FROM customer_spells ORDER BY customer_id, start_id");
  }

  private FactsBenchmark() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path migrated = FigureBenchmark.history(events);
    Path copy = migrated.resolveSibling("facts-bench.db");
    Files.copy(migrated, copy, StandardCopyOption.REPLACE_EXISTING);
    try (Database database = Database.open(copy)) {
      Map<String, String> before = fingerprints(database);
      long start = System.nanoTime();
      new FigureFacts(database).refreshWorkspace(FigureHistory.WORKSPACE);
      double seconds = (System.nanoTime() - start) / 1e9;
      Map<String, String> after = fingerprints(database);
      System.out.printf("refreshWorkspace on %,d events: %.1f s (SQLite)%n", events, seconds);
      for (String table : TABLES.keySet()) {
        System.out.printf(
            "%-18s %s%n",
            table,
            before.get(table).equals(after.get(table))
                ? "equal to the migration's: " + after.get(table)
                : "DIFFERS: " + before.get(table) + " vs " + after.get(table));
      }
    } finally {
      Files.deleteIfExists(copy);
    }
  }

  /** Row count and a hash of every value in order, per table. */
  static Map<String, String> fingerprints(Database database) {
    Map<String, String> prints = new LinkedHashMap<>();
    TABLES.forEach(
        (table, sql) ->
            prints.put(
                table,
                database
                    .jdbi()
                    .withHandle(
                        h -> {
                          List<String> rows =
                              h.createQuery(sql)
                                  .map(
                                      (rs, ctx) -> {
                                        StringBuilder row = new StringBuilder();
                                        int columns = rs.getMetaData().getColumnCount();
                                        for (int i = 1; i <= columns; i++) {
                                          row.append(rs.getString(i)).append('|');
                                        }
                                        return row.toString();
                                      })
                                  .list();
                          return rows.size()
                              + " rows, hash "
                              + Integer.toHexString(rows.hashCode());
                        })));
    return prints;
  }
}
