package dev.salesmeter.slack;

import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.http.HttpListener;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * 200 slash commands from 20 concurrent senders through HTTP mode (the real Bolt verification and
 * handling) against the local fake Slack: every one must be acknowledged within Slack's 3 seconds
 * and logged exactly once.
 *
 * <p>Run: {@code mvn -B -q -Pbench test-compile exec:exec
 * -Dbench.class=dev.salesmeter.slack.SlackLoadBenchmark}
 */
public final class SlackLoadBenchmark {
  private static final String SECRET = "load-benchmark-secret";

  public static void main(String[] args) throws Exception {
    int senders = 20;
    int each = 10;
    Path folder = Files.createTempDirectory("salesmeter-slack-load");
    try (TestWorkspace team = TestWorkspace.english(folder);
        FakeSlack slack = new FakeSlack()) {
      SlackAdapter adapter =
          new SlackAdapter(
              team.commands(),
              new SlackAdapter.Settings("xoxb-load", SECRET, slack.apiUrl(), Set.of()));
      try (HttpListener server = SlackHttp.start(adapter.app())) {
        HttpClient http = HttpClient.newHttpClient();
        URI events = URI.create("http://127.0.0.1:" + server.port() + "/slack/events");
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<long[]>> results = new ArrayList<>();
        for (int sender = 0; sender < senders; sender++) {
          int s = sender;
          results.add(
              pool.submit(
                  () -> {
                    long[] nanos = new long[each];
                    for (int i = 0; i < each; i++) {
                      String command = i % 2 == 0 ? "/lead" : "/sale";
                      String text =
                          "\"Customer " + s + "-" + i + "\"" + (i % 2 == 0 ? "" : " 1200");
                      String body =
                          "command="
                              + URLEncoder.encode(command, StandardCharsets.UTF_8)
                              + "&text="
                              + URLEncoder.encode(text + " new", StandardCharsets.UTF_8)
                              + "&team_id=T-test&channel_id=C1&user_id=U"
                              + s
                              + "&user_name=rep"
                              + s
                              + "&trigger_id=load-"
                              + s
                              + "-"
                              + i;
                      long timestamp = Instant.now().getEpochSecond();
                      long start = System.nanoTime();
                      HttpResponse<String> response =
                          http.send(
                              HttpRequest.newBuilder(events)
                                  .header("Content-Type", "application/x-www-form-urlencoded")
                                  .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                                  .header(
                                      "X-Slack-Signature",
                                      SlackHttpModeTest.signature(SECRET, timestamp, body))
                                  .POST(HttpRequest.BodyPublishers.ofString(body))
                                  .build(),
                              HttpResponse.BodyHandlers.ofString());
                      nanos[i] = System.nanoTime() - start;
                      if (response.statusCode() != 200 || !response.body().contains("logged")) {
                        throw new IllegalStateException(
                            response.statusCode() + " " + response.body());
                      }
                    }
                    return nanos;
                  }));
        }
        long[] all = new long[senders * each];
        int n = 0;
        for (Future<long[]> result : results) {
          for (long nanos : result.get()) {
            all[n++] = nanos;
          }
        }
        pool.shutdown();
        Arrays.sort(all);
        double p50 = all[all.length / 2] / 1e6;
        double p99 = all[(int) Math.ceil(all.length * 0.99) - 1] / 1e6;
        double max = all[all.length - 1] / 1e6;
        long stored = team.events();
        System.out.printf(
            "Slack load: %d commands from %d senders through HTTP mode: p50 %.1f ms, p99 %.1f ms,"
                + " max %.1f ms; stored %d events%n",
            all.length, senders, p50, p99, max, stored);
        System.out.printf(
            "targets: every command acked within 3 s: %s; each logged exactly once: %s%n",
            max < 3000 ? "met" : "NOT met", stored == all.length ? "met" : "NOT met");
      }
    }
  }
}
