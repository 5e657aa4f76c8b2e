package dev.salesmeter.bench;

import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.store.Database;
import dev.salesmeter.store.EventLog;
import dev.salesmeter.store.FigureFacts;
import dev.salesmeter.transfer.Import;
import dev.salesmeter.transfer.ImportFormat;
import dev.salesmeter.transfer.Progress;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Times the import of a generated events file into a fresh database — the full path (reading,
 * checking each row, the opportunity rules, the inserts with the figures' facts kept row by row, in
 * one transaction) — beside the bare batched insert of the same rows: the tables the import
 * produced copied through JDBC batches into another fresh database in one transaction, then one
 * bulk derivation of the facts ({@link FigureFacts#refreshWorkspace}).
 *
 * <p>Run: {@code mvn -Pbench test-compile exec:exec
 * -Dbench.class=dev.salesmeter.bench.ImportBenchmark -Dbench.args=1000000 -Dbench.heap=3g} (default
 * 1,000,000 rows). The file is generated into {@code target/bench/}.
 */
public final class ImportBenchmark {
  private static final long SEED = 16;
  private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
  private static final WorkspaceId WORKSPACE = new WorkspaceId("bench");
  private static final int REPS = 50;
  private static final int CUSTOMERS = 20_000;

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path folder = Path.of("target", "bench", "import-" + rows);
    Files.createDirectories(folder);
    Path csv = folder.resolve("events.csv");
    Instant now = LocalDateTime.of(2026, 3, 31, 17, 0).atZone(ZONE).toInstant();
    generate(csv, rows, now);
    System.out.printf("%,d rows, %,d bytes%n", rows, Files.size(csv));

    Path full = fresh(folder.resolve("full.db"));
    long started = System.nanoTime();
    try (Database database = Database.open(full)) {
      EventLog log = new EventLog(database, WorkspaceSettings.DEFAULTS, Clock.fixed(now, ZONE));
      Import.Result result =
          new Import(database, log)
              .run(
                  WORKSPACE,
                  csv.getFileName().toString(),
                  () -> Files.newInputStream(csv),
                  Import.Options.of(ImportFormat.EVENTS),
                  now,
                  total -> Progress.NONE);
      double seconds = (System.nanoTime() - started) / 1e9;
      if (!result.imported()) {
        throw new IllegalStateException(result.text());
      }
      System.out.println(result.text().lines().limit(2).toList());
      System.out.printf(
          "full import (read, check, rules, insert with the facts row by row): %.1f s, %,.0f rows/s%n",
          seconds, rows / seconds);
    }

    Path bare = fresh(folder.resolve("bare.db"));
    try (Database database = Database.open(bare)) {
      database.close();
    }
    double bareSeconds = copyBare(full, bare);
    System.out.printf(
        "bare batched insert of the same rows (JDBC batches of 1,000, one transaction, then one"
            + " bulk refresh of the facts): %.1f s, %,.0f rows/s%n",
        bareSeconds, rows / bareSeconds);
    System.out.println("target: 1,000,000 rows in at most 30 s, facts included");
  }

  private static Path fresh(Path file) throws Exception {
    for (String suffix : List.of("", "-wal", "-shm")) {
      Files.deleteIfExists(Path.of(file + suffix));
    }
    return file;
  }

  /** Copies every table the import wrote, in dependency order, through batched inserts. */
  private static double copyBare(Path from, Path to) throws Exception {
    List<String> tables =
        List.of("workspaces", "reps", "customers", "opportunities", "events", "event_counters");
    long started = System.nanoTime();
    try (Connection source = Database.dataSource(from).getConnection();
        Connection target = Database.dataSource(to).getConnection()) {
      target.setAutoCommit(false);
      for (String table : tables) {
        try (Statement select = source.createStatement();
            ResultSet rows = select.executeQuery("SELECT * FROM " + table + " ORDER BY rowid")) {
          ResultSetMetaData meta = rows.getMetaData();
          int columns = meta.getColumnCount();
          List<String> names = new ArrayList<>();
          for (int i = 1; i <= columns; i++) {
            names.add(meta.getColumnName(i));
          }
          String sql =
              "INSERT INTO "
                  + table
                  + " ("
                  + String.join(", ", names)
                  + ") VALUES ("
                  + String.join(", ", names.stream().map(n -> "?").toList())
                  + ")";
          try (PreparedStatement insert = target.prepareStatement(sql)) {
            int batch = 0;
            while (rows.next()) {
              for (int i = 1; i <= columns; i++) {
                insert.setObject(i, rows.getObject(i));
              }
              insert.addBatch();
              if (++batch % 1000 == 0) {
                insert.executeBatch();
              }
            }
            insert.executeBatch();
          }
        }
      }
      target.commit();
    }
    try (Database database = Database.open(to)) {
      new FigureFacts(database).refreshWorkspace(WORKSPACE);
    }
    return (System.nanoTime() - started) / 1e9;
  }

  /**
   * Opportunities over three years up to now, in order of time: a lead, often an appointment and a
   * quote (sometimes revised), follow-ups, then won (60% of the quoted), lost, or left open.
   */
  private static void generate(Path csv, int rows, Instant now) throws Exception {
    if (Files.exists(csv)) {
      return;
    }
    Random random = new Random(SEED);
    DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    LocalDateTime start = LocalDateTime.ofInstant(now, ZONE).minusYears(3);
    long spanMinutes = 28L * 365 * 24 * 6; // 2.8 years: the mix averages some 3.1 rows each
    try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      out.write("kind,occurred,customer,rep,amount,source,reason\n");
      int written = 0;
      int opportunity = 0;
      while (written < rows) {
        LocalDateTime at = start.plusMinutes(spanMinutes * opportunity / (rows / 3 + 1));
        opportunity++;
        String customer = "Customer " + random.nextInt(CUSTOMERS);
        String rep = "rep" + random.nextInt(REPS);
        int amount = 200 + random.nextInt(50) * 100;
        List<String> lines = new ArrayList<>();
        lines.add("lead," + at.format(format) + "," + customer + "," + rep + ",,web,");
        if (random.nextInt(10) < 6) {
          lines.add(
              "appointment,"
                  + at.plusMinutes(1).format(format)
                  + ","
                  + customer
                  + ","
                  + rep
                  + ",,,");
        }
        if (random.nextInt(10) < 7) {
          lines.add(
              "quote,"
                  + at.plusMinutes(2).format(format)
                  + ","
                  + customer
                  + ","
                  + rep
                  + ","
                  + amount
                  + ",,");
          if (random.nextInt(10) < 3) {
            lines.add(
                "followup,"
                    + at.plusMinutes(3).format(format)
                    + ","
                    + customer
                    + ","
                    + rep
                    + ",,,");
          }
          int outcome = random.nextInt(10);
          if (outcome < 6) {
            lines.add(
                "sale,"
                    + at.plusMinutes(4).format(format)
                    + ","
                    + customer
                    + ","
                    + rep
                    + ","
                    + amount
                    + ",,");
          } else if (outcome < 9) {
            lines.add(
                "lost,"
                    + at.plusMinutes(4).format(format)
                    + ","
                    + customer
                    + ","
                    + rep
                    + ",,,price");
          }
        }
        for (String line : lines) {
          if (written < rows) {
            out.write(line);
            out.write('\n');
            written++;
          }
        }
      }
    }
  }
}
