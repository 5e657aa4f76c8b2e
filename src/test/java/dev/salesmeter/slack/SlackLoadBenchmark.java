package dev.salesmeter.slack;

import dev.salesmeter.command.CommandInput;
import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.core.Actor;
import dev.salesmeter.core.Platform;
import dev.salesmeter.http.HttpListener;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Slash commands from 20 concurrent senders through HTTP mode (the real Bolt verification and
 * handling) against the local fake Slack, in two parts:
 *
 * <ol>
 *   <li>after a warm-up, 1,000 commands: the ack's p99 (target 100 ms) and max, how many took over
 *       Slack's 3 s (target 0) or failed (target 0), and whether each was stored once; beside it,
 *       the same kind of commands run straight through the shared commands on one thread, the floor
 *       the HTTP path is compared with;
 *   <li>another process ({@code sqlite3}) holding the database's write lock for 8 s while commands
 *       keep coming: each is acked in time ("logging…" while the lock is held), and every one gets
 *       its confirmation, through the response URL for those acked with "logging…"; none fails,
 *       each is stored once.
 * </ol>
 *
 * <p>Run: {@code mvn -B -q -Pbench test-compile exec:exec
 * -Dbench.class=dev.salesmeter.slack.SlackLoadBenchmark} (needs the {@code sqlite3} command)
 */
public final class SlackLoadBenchmark {
  private static final String SECRET = "load-benchmark-secret";
  private static final int SENDERS = 20;
  private static final long SLACK_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(3);
  private static final long HOLD_MILLIS = 8_000;

  /** One sent command: how long its ack took, and what the ack said. */
  private record Sent(long nanos, int status, String body) {
    boolean confirmed() {
      return status == 200 && isConfirmation(body);
    }

    boolean pending() {
      return status == 200 && body.contains("Logging…");
    }
  }

  public static void main(String[] args) throws Exception {
    Path folder = Files.createTempDirectory("salesmeter-slack-load");
    try (TestWorkspace team = TestWorkspace.english(folder);
        FakeSlack slack = new FakeSlack()) {
      SlackAdapter adapter =
          new SlackAdapter(
              team.commands(),
              new SlackAdapter.Settings("xoxb-load", SECRET, slack.apiUrl(), Set.of()));
      try (HttpListener server = SlackHttp.start(adapter.app())) {
        Load load =
            new Load(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                URI.create("http://127.0.0.1:" + server.port() + "/slack/events"),
                slack.responseUrl());

        Sent[] warm = load.send("warm", SENDERS, 20);
        // A cold process may ack some of the warm-up with "logging…": let those finish first.
        for (long i = Arrays.stream(warm).filter(Sent::pending).count(); i > 0; i--) {
          slack.responses.poll(60, TimeUnit.SECONDS);
        }
        long[] direct = direct(team, 1_000);
        Sent[] measured = load.send("load", SENDERS, 50);
        for (long i = Arrays.stream(measured).filter(Sent::pending).count(); i > 0; i--) {
          slack.responses.poll(60, TimeUnit.SECONDS);
        }
        Path file = folder.resolve("salesmeter.db");
        report(measured, storedOnce(file, "load-%", measured.length), direct);

        slack.responses.clear();
        Sent[] held;
        long heldFor;
        try (HeldByAnotherProcess lock =
            HeldByAnotherProcess.hold(folder.resolve("salesmeter.db"))) {
          long start = System.nanoTime();
          Thread release =
              new Thread(
                  () -> {
                    try {
                      TimeUnit.MILLISECONDS.sleep(HOLD_MILLIS);
                      lock.release();
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  });
          release.start();
          held = load.sendFor("held", SENDERS, HOLD_MILLIS);
          release.join();
          heldFor = (System.nanoTime() - start) / 1_000_000;
        }
        long pending = Arrays.stream(held).filter(Sent::pending).count();
        int lateConfirmations = 0;
        int lateFailures = 0;
        for (int i = 0; i < pending; i++) {
          String late = slack.responses.poll(60, TimeUnit.SECONDS);
          if (late == null) {
            break;
          }
          if (isConfirmation(late)) {
            lateConfirmations++;
          } else {
            lateFailures++;
          }
        }
        long heldStored = storedOnce(file, "held-%", held.length);
        long acked = Arrays.stream(held).filter(s -> s.confirmed() || s.pending()).count();
        long confirmedAtOnce = Arrays.stream(held).filter(Sent::confirmed).count();
        long overLimit = Arrays.stream(held).filter(s -> s.nanos() > SLACK_LIMIT_NANOS).count();
        long maxAck = Arrays.stream(held).mapToLong(Sent::nanos).max().orElse(0) / 1_000_000;
        System.out.printf(
            "%nanother process held the write lock %d ms (sqlite3, BEGIN IMMEDIATE); %d commands"
                + " sent meanwhile:%n"
                + "  acked %d (max ack %d ms, over 3 s: %d): %d confirmed at once, %d \"logging…\";%n"
                + "  through the response URL: %d confirmations, %d failures, %d missing;"
                + " stored %d%n",
            heldFor,
            held.length,
            acked,
            maxAck,
            overLimit,
            confirmedAtOnce,
            pending,
            lateConfirmations,
            lateFailures,
            pending - lateConfirmations - lateFailures,
            heldStored);
        boolean heldMet =
            acked == held.length
                && overLimit == 0
                && lateConfirmations == pending
                && pending > 0
                && heldStored == held.length;
        System.out.printf(
            "target: a held lock delays but fails nothing (every command acked within 3 s and"
                + " confirmed, each stored once): %s%n",
            heldMet ? "met" : "NOT met");
      }
    }
  }

  /** "Sale #12 logged: …", not "Something went wrong (ref …). Nothing was logged." */
  private static final Pattern CONFIRMATION = Pattern.compile("#\\d+ logged");

  private static boolean isConfirmation(String reply) {
    return CONFIRMATION.matcher(reply).find();
  }

  private static void report(Sent[] sent, long stored, long[] direct) {
    long[] nanos = Arrays.stream(sent).mapToLong(Sent::nanos).sorted().toArray();
    long[] floor = direct.clone();
    Arrays.sort(floor);
    long over = Arrays.stream(nanos).filter(n -> n > SLACK_LIMIT_NANOS).count();
    long failed = Arrays.stream(sent).filter(s -> !s.confirmed()).count();
    double p50 = quantile(nanos, 0.50);
    double p99 = quantile(nanos, 0.99);
    double max = nanos[nanos.length - 1] / 1e6;
    System.out.printf(
        "%d commands from %d senders through HTTP mode, after a warm-up of %d:%n",
        sent.length, SENDERS, SENDERS * 20);
    System.out.printf(
        "                                 p50 ms    p99 ms    max ms%n"
            + "ack through HTTP mode         %9.2f %9.2f %9.2f%n"
            + "the command alone, one thread %9.2f %9.2f %9.2f%n"
            + "ratio HTTP/alone: p50 %.1fx, p99 %.1fx%n",
        p50,
        p99,
        max,
        quantile(floor, 0.50),
        quantile(floor, 0.99),
        floor[floor.length - 1] / 1e6,
        p50 / quantile(floor, 0.50),
        p99 / quantile(floor, 0.99));
    System.out.printf(
        "over 3 s: %d; failed: %d; stored %d for %d commands%n", over, failed, stored, sent.length);
    System.out.printf(
        "targets: p99 ack <= 100 ms: %s; none over 3 s: %s; none failed: %s; each stored once:"
            + " %s%n",
        p99 <= 100 ? "met" : "NOT met",
        over == 0 ? "met" : "NOT met",
        failed == 0 ? "met" : "NOT met",
        stored == sent.length ? "met" : "NOT met");
  }

  /**
   * How many of the commands sent with this trigger prefix are stored, each once: -1 if any is
   * stored twice or the count differs.
   */
  private static long storedOnce(Path file, String triggers, int sent) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT COUNT(*), COUNT(DISTINCT interaction_id) FROM events"
                    + " WHERE interaction_id LIKE ?")) {
      query.setString(1, triggers);
      try (ResultSet counts = query.executeQuery()) {
        counts.next();
        long stored = counts.getLong(1);
        return stored == counts.getLong(2) ? stored : -1;
      }
    }
  }

  private static double quantile(long[] sorted, double q) {
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
  }

  /** The same mix of commands straight through the shared commands, one at a time. */
  private static long[] direct(TestWorkspace team, int count) {
    long[] nanos = new long[count];
    for (int i = 0; i < count; i++) {
      String text = "\"Direct " + i + "\"" + (i % 2 == 0 ? "" : " 1200") + " new";
      long start = System.nanoTime();
      team.commands()
          .handle(
              new CommandInput(
                  Platform.SLACK,
                  TestWorkspace.WORKSPACE,
                  new Actor("UD" + (i % SENDERS), "direct" + (i % SENDERS), false),
                  "C1",
                  "direct-" + i,
                  i % 2 == 0 ? "lead" : "sale",
                  text));
      nanos[i] = System.nanoTime() - start;
    }
    return nanos;
  }

  /** Signed slash commands from concurrent senders, each waiting for its ack before the next. */
  private record Load(HttpClient http, URI events, String responseUrl) {
    Sent[] send(String label, int senders, int each) throws Exception {
      return run(label, senders, sender -> each, Long.MAX_VALUE);
    }

    /** Commands from every sender until the time is up. */
    Sent[] sendFor(String label, int senders, long millis) throws Exception {
      return run(
          label,
          senders,
          sender -> Integer.MAX_VALUE,
          System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis));
    }

    private interface Count {
      int of(int sender);
    }

    private Sent[] run(String label, int senders, Count count, long until) throws Exception {
      ExecutorService pool = Executors.newFixedThreadPool(senders);
      AtomicInteger serial = new AtomicInteger();
      List<Future<List<Sent>>> results = new ArrayList<>();
      for (int sender = 0; sender < senders; sender++) {
        int s = sender;
        results.add(
            pool.submit(
                () -> {
                  List<Sent> sent = new ArrayList<>();
                  for (int i = 0; i < count.of(s) && System.nanoTime() < until; i++) {
                    sent.add(one(label, s, serial.incrementAndGet()));
                  }
                  return sent;
                }));
      }
      List<Sent> all = new ArrayList<>();
      for (Future<List<Sent>> result : results) {
        all.addAll(result.get());
      }
      pool.shutdown();
      return all.toArray(Sent[]::new);
    }

    private Sent one(String label, int sender, int n) throws Exception {
      boolean lead = n % 2 == 0;
      String text = "\"" + label + " customer " + n + "\"" + (lead ? "" : " 1200") + " new";
      String body =
          "command="
              + URLEncoder.encode(lead ? "/lead" : "/sale", StandardCharsets.UTF_8)
              + "&text="
              + URLEncoder.encode(text, StandardCharsets.UTF_8)
              + "&team_id=T-test&channel_id=C1&user_id=U"
              + sender
              + "&user_name=rep"
              + sender
              + "&trigger_id="
              + label
              + "-"
              + n
              + "&response_url="
              + URLEncoder.encode(responseUrl, StandardCharsets.UTF_8);
      long timestamp = Instant.now().getEpochSecond();
      long start = System.nanoTime();
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(events)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                  .header("X-Slack-Signature", SlackHttpModeTest.signature(SECRET, timestamp, body))
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new Sent(System.nanoTime() - start, response.statusCode(), response.body());
    }
  }

  /** The {@code sqlite3} command in another process, inside BEGIN IMMEDIATE until released. */
  private static final class HeldByAnotherProcess implements AutoCloseable {
    private final Process sqlite;
    private final Writer input;

    private HeldByAnotherProcess(Process sqlite) {
      this.sqlite = sqlite;
      this.input = sqlite.outputWriter(StandardCharsets.UTF_8);
    }

    static HeldByAnotherProcess hold(Path database) throws Exception {
      Process process =
          new ProcessBuilder("sqlite3", database.toString()).redirectErrorStream(true).start();
      HeldByAnotherProcess held = new HeldByAnotherProcess(process);
      held.input.write(".timeout 10000\nBEGIN IMMEDIATE;\nSELECT 'write lock held';\n");
      held.input.flush();
      BufferedReader output =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line = output.readLine();
      if (!"write lock held".equals(line)) {
        throw new IllegalStateException("sqlite3 did not take the write lock: " + line);
      }
      return held;
    }

    void release() throws Exception {
      input.write("COMMIT;\n.quit\n");
      input.flush();
      sqlite.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
      sqlite.destroy();
    }
  }
}
