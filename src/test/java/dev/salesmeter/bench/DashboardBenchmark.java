package dev.salesmeter.bench;

import dev.salesmeter.core.Period;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.figure.Figure;
import dev.salesmeter.figure.FigureQuery;
import dev.salesmeter.figure.Figures;
import dev.salesmeter.http.HttpListener;
import dev.salesmeter.scorecard.Scorecard;
import dev.salesmeter.store.Database;
import dev.salesmeter.store.EventLog;
import dev.salesmeter.store.RepRoster;
import dev.salesmeter.web.DashboardPages;
import dev.salesmeter.web.Viewer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Times the dashboard on the figure benchmark's generated history (1,000,000 events, 50 reps): the
 * page's HTML with every figure for a month and the scorecard, and each figure's chart data, as
 * requests over HTTP on 127.0.0.1; beside them, in turns in the same run, the same figures computed
 * bare, one after the other (the page's baseline) and one each (a chart's).
 *
 * <p>Run: {@code mvn -Pbench test-compile exec:exec
 * -Dbench.class=dev.salesmeter.bench.DashboardBenchmark} (arguments {@code -Dbench.args="<events>
 * <rounds>"}, default 1000000 and 100). The history is {@link FigureBenchmark#history}'s.
 */
public final class DashboardBenchmark {
  private static final String PERIOD = "?period=2026-03";
  private static final double PAGE_TARGET_MS = 150;

  private DashboardBenchmark() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    Path file = FigureBenchmark.history(events);
    System.out.printf(
        "Salesmeter dashboard benchmark: %,d events, %d reps; %d rounds; Java %s%n",
        events, FigureHistory.REPS, rounds, System.getProperty("java.version"));
    Clock clock = Clock.fixed(FigureHistory.NOW, FigureHistory.ZONE);
    try (Database database = Database.open(file)) {
      EventLog log = new EventLog(database, WorkspaceSettings.DEFAULTS, clock);
      WorkspaceSettings settings = log.settings(FigureHistory.WORKSPACE);
      Figures figures = Figures.standard(database);
      Scorecard scorecard = new Scorecard(figures);
      DashboardPages pages =
          new DashboardPages(figures, scorecard, log, new RepRoster(database), clock);
      Viewer manager =
          new Viewer(
              FigureHistory.WORKSPACE,
              "bench",
              Viewer.Role.MANAGER,
              FigureHistory.NOW.plusSeconds(86_400));
      try (HttpListener listener =
          HttpListener.start(
              "http-bench",
              "127.0.0.1",
              0,
              HttpListener.Limits.standard(),
              routes -> pages.mount(routes, request -> Optional.of(manager)))) {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + listener.port();
        FigureQuery month =
            new FigureQuery(
                FigureHistory.WORKSPACE,
                settings,
                Period.month(2026, 3),
                Optional.empty(),
                FigureHistory.NOW);
        FigureQuery week =
            month.withPeriod(
                Scorecard.lastFullWeek(LocalDate.ofInstant(FigureHistory.NOW, FigureHistory.ZONE)));

        Map<String, Runnable> requests = new LinkedHashMap<>();
        Map<String, Runnable> bare = new LinkedHashMap<>();
        requests.put("page HTML", () -> get(http, base + "/dashboard" + PERIOD));
        bare.put(
            "page HTML",
            () -> {
              scorecard.compute(week);
              figures.all().forEach(figure -> figure.compute(month));
            });
        for (Figure<?> figure : figures.all()) {
          String name = "chart " + figure.name();
          requests.put(name, () -> get(http, base + "/dashboard/charts/" + figure.name() + PERIOD));
          bare.put(name, () -> figure.compute(month));
        }
        for (int warmup = 0; warmup < 5; warmup++) {
          requests.values().forEach(Runnable::run);
          bare.values().forEach(Runnable::run);
        }
        System.out.printf(
            "%-18s %10s %10s %10s %10s %8s %8s%n",
            "request", "p50 ms", "p99 ms", "bare p50", "bare p99", "x p50", "x p99");
        double pageP99 = 0;
        List<String> names = new ArrayList<>(requests.keySet());
        for (String name : names) {
          long[] full = new long[rounds];
          long[] alone = new long[rounds];
          for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            requests.get(name).run();
            full[round] = System.nanoTime() - start;
            start = System.nanoTime();
            bare.get(name).run();
            alone[round] = System.nanoTime() - start;
          }
          Stats f = Stats.of(full);
          Stats b = Stats.of(alone);
          System.out.printf(
              "%-18s %10.2f %10.2f %10.2f %10.2f %7.2fx %7.2fx%n",
              name, f.p50(), f.p99(), b.p50(), b.p99(), f.p50() / b.p50(), f.p99() / b.p99());
          if (name.equals("page HTML")) {
            pageP99 = f.p99();
          }
        }
        System.out.printf(
            "target: the page's HTML with every figure for a month p99 <= %.0f ms: %s (%.1f ms)%n",
            PAGE_TARGET_MS, pageP99 <= PAGE_TARGET_MS ? "met" : "NOT met", pageP99);
      }
    }
  }

  private static void get(HttpClient http, String url) {
    try {
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(url + " answered " + response.statusCode());
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
