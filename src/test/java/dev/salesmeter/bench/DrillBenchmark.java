package dev.salesmeter.bench;

import dev.salesmeter.core.Period;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.figure.Drilldown;
import dev.salesmeter.figure.Figure;
import dev.salesmeter.figure.FigureQuery;
import dev.salesmeter.figure.Figures;
import dev.salesmeter.store.Database;
import dev.salesmeter.store.EventLog;
import dev.salesmeter.store.Rep;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Times every figure's drill-down (the dashboard's "what is this number made of") for a month, a
 * quarter and a year, for the team and for one rep, on the figure benchmark's generated history of
 * 1,000,000 events, and counts the rows each returns: the drill-downs must read their rows through
 * indexes, as the figures do.
 *
 * <p>Run: {@code mvn -Pbench test-compile exec:exec
 * -Dbench.class=dev.salesmeter.bench.DrillBenchmark} (arguments with {@code -Dbench.args="<events>
 * <rounds>"}, default 1000000 and 20).
 */
public final class DrillBenchmark {
  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    Path file = FigureBenchmark.history(events);
    System.out.printf(
        "Salesmeter drill-down benchmark: %,d events; %d rounds; Java %s%n",
        events, rounds, System.getProperty("java.version"));
    try (Database database = Database.open(file)) {
      EventLog log =
          new EventLog(
              database,
              WorkspaceSettings.DEFAULTS,
              Clock.fixed(FigureHistory.NOW, FigureHistory.ZONE));
      WorkspaceSettings settings = log.settings(FigureHistory.WORKSPACE);
      Rep rep =
          database
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT id, platform_user_id, display_name FROM reps"
                                  + " WHERE workspace_id = :ws ORDER BY id LIMIT 1")
                          .bind("ws", FigureHistory.WORKSPACE.value())
                          .map((rs, ctx) -> Rep.read(rs))
                          .one());
      Figures figures = Figures.standard(database);
      Map<String, Period> periods = new LinkedHashMap<>();
      periods.put("month", Period.month(2026, 3));
      periods.put("quarter", Period.quarter(2026, 1));
      periods.put("year", Period.year(2025));
      System.out.printf(
          "%-26s %10s %10s %10s %10s%n", "question", "rows", "voided", "p50 ms", "p99 ms");
      double worstMonth = 0;
      for (Figure<?> figure : figures.all()) {
        for (Map.Entry<String, Period> period : periods.entrySet()) {
          for (Optional<Rep> scope : java.util.List.of(Optional.<Rep>empty(), Optional.of(rep))) {
            FigureQuery query =
                new FigureQuery(
                    FigureHistory.WORKSPACE, settings, period.getValue(), scope, FigureHistory.NOW);
            Drilldown drill = figure.drill(query);
            for (int warmup = 0; warmup < 2; warmup++) {
              figure.drill(query);
            }
            long[] nanos = new long[rounds];
            for (int round = 0; round < rounds; round++) {
              long start = System.nanoTime();
              figure.drill(query);
              nanos[round] = System.nanoTime() - start;
            }
            Stats stats = Stats.of(nanos);
            long rows = drill.tables().stream().mapToLong(t -> t.rows().size()).sum();
            long voided =
                drill.tables().stream()
                    .flatMap(t -> t.rows().stream())
                    .filter(Drilldown.Row::voided)
                    .count();
            System.out.printf(
                "%-26s %10d %10d %10.2f %10.2f%n",
                figure.name() + " " + period.getKey() + (scope.isPresent() ? " rep" : ""),
                rows,
                voided,
                stats.p50(),
                stats.p99());
            if (period.getKey().equals("month")) {
              worstMonth = Math.max(worstMonth, stats.p99());
            }
          }
        }
      }
      System.out.printf("worst p99 of a month's drill-down: %.1f ms%n", worstMonth);
    }
  }
}
