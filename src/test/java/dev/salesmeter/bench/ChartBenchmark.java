package dev.salesmeter.bench;

import com.pngencoder.PngEncoder;
import dev.salesmeter.app.DemoHistory;
import dev.salesmeter.chart.ChartLook;
import dev.salesmeter.command.CommandRegistry;
import dev.salesmeter.command.CommandSpec;
import dev.salesmeter.command.Commands;
import dev.salesmeter.command.Reply;
import dev.salesmeter.console.Console;
import dev.salesmeter.core.Drawing;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.figure.Figures;
import dev.salesmeter.store.Database;
import dev.salesmeter.store.EventLog;
import dev.salesmeter.store.RepRoster;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Times drawing every chart on the demo history: the first chart of a fresh process (cold, before
 * and after the start-up warm-up), then each chart and the scorecard picture warm, median and p99;
 * the JDK's PNG writer beside pngencoder on the same image; and the peak heap.
 *
 * <p>Run: {@code mvn -B -q -Pbench test-compile exec:exec
 * -Dbench.class=dev.salesmeter.bench.ChartBenchmark -Dbench.heap=256m} (the heap target).
 */
public final class ChartBenchmark {
  private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
  private static final Instant NOW = Instant.parse("2026-03-31T15:00:00Z");

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Path folder = Files.createTempDirectory("salesmeter-charts");
    Clock clock = Clock.fixed(NOW, ZONE);
    WorkspaceSettings settings = WorkspaceSettings.DEFAULTS;
    System.out.printf(
        "Salesmeter chart benchmark: the demo history, %d rounds, max heap %d MB, Java %s%n",
        rounds, Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
    try (Database database = Database.open(folder.resolve("demo.db"))) {
      EventLog log = new EventLog(database, settings, clock);
      List<CommandSpec> specs = new ArrayList<>(CommandRegistry.loggingCommands(log));
      specs.addAll(CommandRegistry.figureCommands(Figures.standard(database), log));
      Commands commands =
          new Commands(new CommandRegistry(specs), log, new RepRoster(database), clock);
      Console console = new Console(commands, Set.of(), settings.locale(), folder);
      DemoHistory.fill(console, log, settings, clock);

      Map<String, Drawing> charts = new LinkedHashMap<>();
      for (String line :
          List.of(
              "/kpi conversion march 2026",
              "/kpi quotes march 2026",
              "/kpi aov march 2026",
              "/kpi crosssell march 2026",
              "/kpi repeat march 2026",
              "/kpi churn march 2026",
              "/kpi ltv march 2026",
              "/kpi revenue march 2026",
              "/leaderboard march 2026",
              "/scorecard")) {
        Reply reply = console.run(line).orElseThrow();
        charts.put(line, reply.chart().orElseThrow(() -> new IllegalStateException(line)));
      }

      long start = System.nanoTime();
      charts.get("/kpi revenue march 2026").draw();
      System.out.printf(
          "first chart of the process, cold:        %7.1f ms%n", (System.nanoTime() - start) / 1e6);
      start = System.nanoTime();
      ChartLook.warmUp(Formats.of(settings));
      System.out.printf(
          "the start-up warm-up (in the background): %7.1f ms%n",
          (System.nanoTime() - start) / 1e6);
      start = System.nanoTime();
      charts.get("/scorecard").draw();
      System.out.printf(
          "first scorecard picture after warm-up:   %7.1f ms%n", (System.nanoTime() - start) / 1e6);

      // Warm means steady: every chart drawn a few times, so no chart is timed while the JIT
      // compiler is still busy with the code the others share.
      for (int i = 0; i < 20; i++) {
        charts.values().forEach(Drawing::draw);
      }
      System.out.printf("%-32s %9s %9s %9s%n", "chart", "p50 ms", "p99 ms", "PNG kB");
      double worstChart = 0;
      double scorecard = 0;
      for (Map.Entry<String, Drawing> chart : charts.entrySet()) {
        long[] nanos = new long[rounds];
        int size = 0;
        for (int i = 0; i < rounds; i++) {
          long t = System.nanoTime();
          size = chart.getValue().draw().png().length;
          nanos[i] = System.nanoTime() - t;
        }
        Stats stats = Stats.of(nanos);
        System.out.printf(
            "%-32s %9.2f %9.2f %9d%n", chart.getKey(), stats.p50(), stats.p99(), size / 1024);
        if (chart.getKey().equals("/scorecard")) {
          scorecard = stats.p99();
        } else {
          worstChart = Math.max(worstChart, stats.p99());
        }
      }

      BufferedImage image =
          ImageIO.read(
              new ByteArrayInputStream(charts.get("/kpi revenue march 2026").draw().png()));
      long[] jdk = new long[rounds];
      long[] fast = new long[rounds];
      for (int i = 0; i < rounds + 5; i++) {
        long t = System.nanoTime();
        ImageIO.write(image, "png", new ByteArrayOutputStream());
        long between = System.nanoTime();
        new PngEncoder().withBufferedImage(image).withCompressionLevel(6).toBytes();
        long end = System.nanoTime();
        if (i >= 5) {
          jdk[i - 5] = between - t;
          fast[i - 5] = end - between;
        }
      }
      System.out.printf(
          "PNG encoding of one chart, p50: JDK ImageIO %.2f ms, pngencoder %.2f ms (%.1fx)%n",
          Stats.of(jdk).p50(), Stats.of(fast).p50(), Stats.of(jdk).p50() / Stats.of(fast).p50());

      long peak = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          peak += pool.getPeakUsage().getUsed();
        }
      }
      System.out.printf(
          "peak heap: %d MB of %d MB%n", peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
      System.out.printf(
          "targets: warm chart p99 < 25 ms: %s (worst %.1f ms); scorecard picture p99 < 150 ms:"
              + " %s (%.1f ms)%n",
          worstChart < 25 ? "met" : "NOT met",
          worstChart,
          scorecard < 150 ? "met" : "NOT met",
          scorecard);
    }
  }
}
