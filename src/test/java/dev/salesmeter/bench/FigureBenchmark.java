package dev.salesmeter.bench;

import dev.salesmeter.core.Period;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.figure.Figure;
import dev.salesmeter.figure.FigureAnswer;
import dev.salesmeter.figure.FigureQuery;
import dev.salesmeter.figure.Figures;
import dev.salesmeter.scorecard.Scorecard;
import dev.salesmeter.store.Database;
import dev.salesmeter.store.EventLog;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Times every figure of KPIS.md for a month, a quarter and a year, and the weekly scorecard, on a
 * generated history of 1,000,000 events (50 reps, 20,000 customers, 3 years), beside the same SQL
 * run bare through JDBC in the same run: the statements each answer ran are recorded once (through
 * Jdbi's SQL logger, with their bound values) and replayed on a plain connection, reading every
 * column of every row. The two are timed in turns, so that both meet the same machine.
 *
 * <p>Run: {@code mvn -Pbench test-compile exec:exec
 * -Dbench.class=dev.salesmeter.bench.FigureBenchmark} (arguments with {@code -Dbench.args="<events>
 * <rounds>"}, default 1000000 and 30). The history is written once into {@code target/bench/} and
 * reused while its size and seed are the same.
 */
public final class FigureBenchmark {
  private static final long SEED = 2026;

  /** One SQL statement an answer ran, with the JDBC setter calls that bound it. */
  private record Recorded(String sql, List<Object[]> setters) {}

  /** A question to time: a name, how to ask it, and the statements it runs. */
  private record Question(String name, Supplier<FigureAnswer> ask, List<Recorded> statements) {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    boolean statements = args.length > 2 && args[2].equals("statements");
    Path file = history(events);
    System.out.printf(
        "Salesmeter figure benchmark: %,d events, %d reps, %,d customers; %d rounds; Java %s%n",
        events,
        FigureHistory.REPS,
        FigureHistory.CUSTOMERS,
        rounds,
        System.getProperty("java.version"));

    try (Database database = Database.open(file);
        Connection bare = Database.dataSource(file).getConnection()) {
      WorkspaceSettings settings =
          new EventLog(
                  database,
                  WorkspaceSettings.DEFAULTS,
                  Clock.fixed(FigureHistory.NOW, FigureHistory.ZONE))
              .settings(FigureHistory.WORKSPACE);
      Figures figures = Figures.standard(database);
      Scorecard scorecard = new Scorecard(figures);
      Map<String, Period> periods = new LinkedHashMap<>();
      periods.put("month", Period.month(2026, 3));
      periods.put("quarter", Period.quarter(2026, 1));
      periods.put("year", Period.year(2025));

      List<Question> questions = new ArrayList<>();
      for (Figure figure : figures.all()) {
        for (Map.Entry<String, Period> period : periods.entrySet()) {
          FigureQuery query = query(settings, period.getValue());
          questions.add(
              record(database, figure.name() + " " + period.getKey(), () -> figure.answer(query)));
        }
      }
      FigureQuery week =
          query(
              settings,
              Scorecard.lastFullWeek(LocalDate.ofInstant(FigureHistory.NOW, FigureHistory.ZONE)));
      questions.add(record(database, "scorecard week", () -> scorecard.answer(week)));

      Map<String, PreparedStatement> prepared = new HashMap<>();
      for (int warmup = 0; warmup < 3; warmup++) {
        for (Question question : questions) {
          question.ask().get();
          replay(bare, prepared, question.statements());
        }
      }
      System.out.printf(
          "%-20s %5s %10s %10s %10s %10s %8s %8s%n",
          "question", "stmts", "p50 ms", "p99 ms", "bare p50", "bare p99", "x p50", "x p99");
      double worstKpi = 0;
      double worstRatio = 0;
      double scorecardP99 = 0;
      for (Question question : questions) {
        long[] full = new long[rounds];
        long[] sql = new long[rounds];
        for (int round = 0; round < rounds; round++) {
          long start = System.nanoTime();
          question.ask().get();
          full[round] = System.nanoTime() - start;
          start = System.nanoTime();
          replay(bare, prepared, question.statements());
          sql[round] = System.nanoTime() - start;
        }
        Stats f = Stats.of(full);
        Stats b = Stats.of(sql);
        System.out.printf(
            "%-20s %5d %10.2f %10.2f %10.2f %10.2f %7.2fx %7.2fx%n",
            question.name(),
            question.statements().size(),
            f.p50(),
            f.p99(),
            b.p50(),
            b.p99(),
            f.p50() / b.p50(),
            f.p99() / b.p99());
        worstRatio = Math.max(worstRatio, Math.max(f.p50() / b.p50(), f.p99() / b.p99()));
        if (statements) {
          // For the index review: each statement of the answer, timed bare once more.
          for (Recorded statement : question.statements()) {
            long start = System.nanoTime();
            replay(bare, prepared, List.of(statement));
            System.out.printf(
                "    %8.2f ms  %s%n",
                (System.nanoTime() - start) / 1e6, statement.sql().replaceAll("\\s+", " "));
          }
        }
        if (question.name().startsWith("scorecard")) {
          scorecardP99 = f.p99();
        } else {
          worstKpi = Math.max(worstKpi, f.p99());
        }
      }
      System.out.printf(
          "targets: every /kpi answer p99 < 50 ms: %s (worst %.1f ms); scorecard p99 < 250 ms: %s"
              + " (%.1f ms); every answer within 1.5x of its bare SQL: %s (worst %.2fx)%n",
          worstKpi < 50 ? "met" : "NOT met",
          worstKpi,
          scorecardP99 < 250 ? "met" : "NOT met",
          scorecardP99,
          worstRatio <= 1.5 ? "met" : "NOT met",
          worstRatio);
    }
  }

  /**
   * The generated history, migrated to the current schema. The events are generated once into a
   * file of migration V1's schema; each new set of migrations gets its own copy of it, upgraded by
   * {@link Database#open} as a user's file would be (the time that takes is printed too).
   */
  public static Path history(int events) throws Exception {
    Path folder = Path.of("target", "bench");
    Files.createDirectories(folder);
    Path base = folder.resolve("figures-" + events + "-" + SEED + "-v1.db");
    if (!Files.exists(base)) {
      Path partial = folder.resolve(base.getFileName() + ".partial");
      Files.deleteIfExists(partial);
      long start = System.nanoTime();
      FigureHistory.write(partial, events, SEED);
      Files.move(partial, base);
      System.out.printf(
          "generated %,d events in %.1f s into %s%n",
          events, (System.nanoTime() - start) / 1e9, base);
    }
    CRC32 migrations = new CRC32();
    Path scripts = Path.of(FigureBenchmark.class.getResource("/db/migration/").toURI());
    try (Stream<Path> listing = Files.list(scripts)) {
      for (Path script : listing.sorted().toList()) {
        migrations.update(Files.readAllBytes(script));
      }
    }
    Path file =
        folder.resolve("figures-%d-%d-%x.db".formatted(events, SEED, migrations.getValue()));
    if (!Files.exists(file)) {
      Path partial = folder.resolve(file.getFileName() + ".partial");
      Files.copy(base, partial, StandardCopyOption.REPLACE_EXISTING);
      long start = System.nanoTime();
      Database.open(partial).close();
      System.out.printf(
          "migrated the history to the current schema (facts derived) in %.1f s%n",
          (System.nanoTime() - start) / 1e9);
      Files.move(partial, file);
    }
    return file;
  }

  private static FigureQuery query(WorkspaceSettings settings, Period period) {
    return new FigureQuery(
        FigureHistory.WORKSPACE, settings, period, Optional.empty(), FigureHistory.NOW);
  }

  /** Asks once with a SQL logger that records each statement and the values bound to it. */
  private static Question record(Database database, String name, Supplier<FigureAnswer> ask) {
    List<Recorded> statements = new ArrayList<>();
    SqlStatements config = database.jdbi().getConfig(SqlStatements.class);
    config.setSqlLogger(
        new SqlLogger() {
          @Override
          public void logBeforeExecution(StatementContext context) {
            statements.add(recorded(context));
          }
        });
    try {
      ask.get();
    } finally {
      config.setSqlLogger(SqlLogger.NOP_SQL_LOGGER);
    }
    return new Question(name, ask, List.copyOf(statements));
  }

  private static Recorded recorded(StatementContext context) {
    List<Object[]> setters = new ArrayList<>();
    PreparedStatement recorder =
        (PreparedStatement)
            Proxy.newProxyInstance(
                FigureBenchmark.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class},
                (proxy, method, arguments) -> {
                  if (!method.getName().startsWith("set")) {
                    throw new UnsupportedOperationException(method.getName());
                  }
                  Object[] call = new Object[arguments.length + 1];
                  call[0] = method;
                  System.arraycopy(arguments, 0, call, 1, arguments.length);
                  setters.add(call);
                  return null;
                });
    List<String> names = context.getParsedSql().getParameters().getParameterNames();
    try {
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        context
            .getBinding()
            .findForName(name, context)
            .orElseThrow(() -> new IllegalStateException("unbound :" + name))
            .apply(i + 1, recorder, context);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return new Recorded(context.getParsedSql().getSql(), setters);
  }

  /** Runs the recorded statements on a plain connection, reading every column of every row. */
  private static void replay(
      Connection connection, Map<String, PreparedStatement> prepared, List<Recorded> statements)
      throws Exception {
    for (Recorded statement : statements) {
      PreparedStatement ps = prepared.get(statement.sql());
      if (ps == null) {
        ps = connection.prepareStatement(statement.sql());
        prepared.put(statement.sql(), ps);
      }
      for (Object[] setter : statement.setters()) {
        Object[] arguments = new Object[setter.length - 1];
        System.arraycopy(setter, 1, arguments, 0, arguments.length);
        ((Method) setter[0]).invoke(ps, arguments);
      }
      try (ResultSet rows = ps.executeQuery()) {
        int columns = rows.getMetaData().getColumnCount();
        while (rows.next()) {
          for (int column = 1; column <= columns; column++) {
            rows.getObject(column);
          }
        }
      }
    }
  }
}
