package dev.salesmeter.slack;

import dev.salesmeter.bench.FigureBenchmark;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory a running Salesmeter takes with the JVM options its Dockerfile sets (read from the
 * Dockerfile's {@code JAVA_OPTS}, so the two never drift): the built jar in HTTP mode, as a
 * separate process, on a copy of the generated 1,000,000-event history, against the local fake
 * Slack. It logs 10,000 commands from 20 senders and asks every figure for a month, a quarter and a
 * year, the leaderboard and the scorecard (each drawing and uploading its chart), then reads the
 * process's resident memory ({@code VmRSS}, and its peak {@code VmHWM}, from {@code
 * /proc/<pid>/status}) and its heap ({@code jcmd <pid> GC.heap_info}). Target: within 256 MB RSS.
 *
 * <p>Run: {@code mvn -B -q -DskipTests package && mvn -B -q -Pbench test-compile exec:exec
 * -Dbench.class=dev.salesmeter.slack.MemoryBenchmark} ({@code -Dbench.args=100000} for a smaller
 * history; the history is generated once into {@code target/bench/} and reused).
 */
public final class MemoryBenchmark {
  private static final String SECRET = "memory-benchmark-secret";
  private static final String WORKSPACE = "bench";
  private static final int SENDERS = 20;
  private static final int COMMANDS = 10_000;
  private static final long LIMIT_KB = 256 * 1024;
  private static final List<String> FIGURES =
      List.of(
          "conversion",
          "quotes",
          "aov",
          "revenue",
          "crosssell",
          "repeat",
          "churn",
          "ltv",
          "leaderboard");
  private static final List<String> PERIODS = List.of("march 2026", "Q1 2026", "2025");

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path jar = Path.of("target", "salesmeter.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException("build the jar first: mvn -B -q -DskipTests package");
    }
    List<String> javaOptions = dockerJavaOptions(Path.of("Dockerfile"));
    Path history = FigureBenchmark.history(events);
    Path folder = Files.createTempDirectory("salesmeter-memory");
    Path database = folder.resolve("salesmeter.db");
    Files.copy(history, database, StandardCopyOption.REPLACE_EXISTING);
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    try (FakeSlack slack = new FakeSlack()) {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(javaOptions);
      command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(folder.toFile())
              .redirectErrorStream(true)
              .redirectOutput(folder.resolve("salesmeter.log").toFile());
      Map<String, String> env = builder.environment();
      env.put("SLACK_BOT_TOKEN", "xoxb-memory");
      env.put("SLACK_SIGNING_SECRET", SECRET);
      env.put("SALESMETER_SLACK_MODE", "http");
      env.put("SALESMETER_SLACK_API_URL", slack.apiUrl());
      env.put("SALESMETER_SLACK_HTTP_PORT", Integer.toString(port));
      env.put("SALESMETER_HTTP_PORT", Integer.toString(port));
      env.put("SALESMETER_MANAGEMENT_PORT", "0");
      env.put("SALESMETER_DATABASE_PATH", database.toString());
      env.put("MALLOC_ARENA_MAX", "2");
      System.out.printf(
          "JVM options (the Dockerfile's JAVA_OPTS): %s%n", String.join(" ", javaOptions));
      Process salesmeter = builder.start();
      try {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI endpoint = URI.create("http://127.0.0.1:" + port + "/slack/events");
        awaitStarted(http, endpoint, salesmeter, folder);
        long start = System.nanoTime();
        int failed = logCommands(http, endpoint, slack);
        double loggingSeconds = (System.nanoTime() - start) / 1e9;
        String afterLogging = memory(salesmeter.pid());
        int figures = 0;
        int figureFailures = 0;
        for (String figure : FIGURES) {
          for (String period : PERIODS) {
            String text = figure.equals("leaderboard") ? period : figure + " " + period;
            String cmd = figure.equals("leaderboard") ? "/leaderboard" : "/kpi";
            figures++;
            if (send(http, endpoint, slack, cmd, text, "U-manager", "figure-" + figures) != 200) {
              figureFailures++;
            }
          }
        }
        figures++;
        if (send(http, endpoint, slack, "/scorecard", "", "U-manager", "scorecard") != 200) {
          figureFailures++;
        }
        // The charts are drawn and uploaded after each answer: wait until they are all up.
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (slack.calls("files.completeUploadExternal").size() < figures
            && System.nanoTime() < until) {
          TimeUnit.MILLISECONDS.sleep(100);
        }
        String afterFigures = memory(salesmeter.pid());
        String heap = heap(salesmeter.pid());
        long peakKb = kb(salesmeter.pid(), "VmHWM");
        System.out.printf(
            "%,d commands from %d senders in %.1f s (%d failed); %d figures asked (%d failed),"
                + " %d charts uploaded%n",
            COMMANDS,
            SENDERS,
            loggingSeconds,
            failed,
            figures,
            figureFailures,
            slack.calls("files.completeUploadExternal").size());
        System.out.printf("after the commands:  %s%n", afterLogging);
        System.out.printf("after every figure:  %s%n", afterFigures);
        System.out.printf("heap (jcmd GC.heap_info): %s%n", heap);
        System.out.printf(
            "target: within 256 MB RSS with %,d events: %s (peak %d MB)%n",
            events, peakKb <= LIMIT_KB ? "met" : "NOT met", peakKb / 1024);
      } finally {
        salesmeter.destroy();
        salesmeter.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  /** The options in the Dockerfile's {@code ENV JAVA_OPTS="…"}. */
  static List<String> dockerJavaOptions(Path dockerfile) throws IOException {
    Matcher matcher =
        Pattern.compile("ENV JAVA_OPTS=\"([^\"]*)\"").matcher(Files.readString(dockerfile));
    if (!matcher.find()) {
      throw new IllegalStateException("no ENV JAVA_OPTS=\"…\" in " + dockerfile);
    }
    return Arrays.asList(matcher.group(1).trim().split("\\s+"));
  }

  private static void awaitStarted(HttpClient http, URI events, Process process, Path folder)
      throws Exception {
    URI health = events.resolve("/healthz");
    long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < until) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Salesmeter stopped: " + Files.readString(folder.resolve("salesmeter.log")));
      }
      try {
        if (http.send(
                    HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
    throw new IllegalStateException("Salesmeter did not start within 5 minutes");
  }

  /** 10,000 logging commands (leads and sales for new customers) from 20 senders. */
  private static int logCommands(HttpClient http, URI events, FakeSlack slack) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
    List<Future<Integer>> results = new ArrayList<>();
    for (int sender = 0; sender < SENDERS; sender++) {
      int s = sender;
      results.add(
          pool.submit(
              () -> {
                int failed = 0;
                for (int i = 0; i < COMMANDS / SENDERS; i++) {
                  boolean lead = i % 2 == 0;
                  String text =
                      "\"Memory customer " + s + "-" + i + "\"" + (lead ? "" : " 1200") + " new";
                  int status =
                      send(
                          http,
                          events,
                          slack,
                          lead ? "/lead" : "/sale",
                          text,
                          "U-rep" + s,
                          "memory-" + s + "-" + i);
                  if (status != 200) {
                    failed++;
                  }
                }
                return failed;
              }));
    }
    int failed = 0;
    for (Future<Integer> result : results) {
      failed += result.get();
    }
    pool.shutdown();
    return failed;
  }

  private static int send(
      HttpClient http,
      URI events,
      FakeSlack slack,
      String command,
      String text,
      String user,
      String trigger)
      throws Exception {
    String body =
        "command="
            + URLEncoder.encode(command, StandardCharsets.UTF_8)
            + "&text="
            + URLEncoder.encode(text, StandardCharsets.UTF_8)
            + "&team_id="
            + WORKSPACE
            + "&channel_id=C1&user_id="
            + user
            + "&user_name="
            + user
            + "&trigger_id="
            + trigger
            + "&response_url="
            + URLEncoder.encode(slack.responseUrl(), StandardCharsets.UTF_8);
    long timestamp = Instant.now().getEpochSecond();
    return http.send(
            HttpRequest.newBuilder(events)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                .header("X-Slack-Signature", SlackHttpModeTest.signature(SECRET, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private static String memory(long pid) throws IOException {
    return "RSS %d MB (peak %d MB)".formatted(kb(pid, "VmRSS") / 1024, kb(pid, "VmHWM") / 1024);
  }

  /** A figure of {@code /proc/<pid>/status}, in kB. */
  private static long kb(long pid, String key) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith(key + ":")) {
        return Long.parseLong(line.replaceAll("\\D+", ""));
      }
    }
    throw new IllegalStateException("no " + key + " for process " + pid);
  }

  /** The heap's size and use as the JVM reports it, on one line. */
  private static String heap(long pid) throws Exception {
    Process jcmd =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid),
                "GC.heap_info")
            .redirectErrorStream(true)
            .start();
    String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    jcmd.waitFor(30, TimeUnit.SECONDS);
    return out.lines()
        .filter(line -> line.contains("total") || line.contains("Metaspace"))
        .map(String::strip)
        .reduce((a, b) -> a + "; " + b)
        .orElse(out.strip());
  }
}
