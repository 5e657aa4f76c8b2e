package dev.salesmeter.discord;

import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.core.WorkspaceId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Interaction to first response (the reply, or the deferral when a chart is coming), through the
 * real JDA against the local fake Discord: from the moment the gateway sends INTERACTION_CREATE to
 * the moment the callback arrives. Target: under 500 ms. A third of the interactions are {@code
 * /kpi} (deferred), the rest {@code /sale} and {@code /lead} (answered).
 *
 * <p>Run: {@code mvn -B -q -Pbench test-compile exec:exec
 * -Dbench.class=dev.salesmeter.discord.DiscordBenchmark}
 */
public final class DiscordBenchmark {
  private static final int WARM_UP = 30;
  private static final int ROUNDS = 300;

  public static void main(String[] args) throws Exception {
    Path folder = Files.createTempDirectory("salesmeter-discord-bench");
    try (TestWorkspace team = TestWorkspace.english(folder);
        FakeDiscord discord = new FakeDiscord()) {
      // March has sales, so that every /kpi comes with a chart and is deferred.
      WorkspaceId acme = new WorkspaceId(FakeDiscord.ACME);
      team.run(acme, "@anna /sale Acme 4200 date:2026-03-02", "seed-1");
      team.run(acme, "@bram /sale Beta 1800 date:2026-03-16", "seed-2");
      DiscordAdapter adapter =
          new DiscordAdapter(
              team.commands(),
              team.suggestions(),
              new DiscordAdapter.Settings(Set.of(FakeDiscord.ACME), Set.of()));
      try (DiscordConnection connection =
          DiscordConnection.start(
              "Bot-token.bench.x", discord.apiUrl(), discord.gatewayUrl(), adapter)) {
        if (discord.registrations.poll(15, TimeUnit.SECONDS) == null) {
          throw new IllegalStateException("JDA did not get ready");
        }
        long[] first = new long[ROUNDS];
        long[] deferred = new long[ROUNDS / 3];
        int d = 0;
        for (int i = -WARM_UP; i < ROUNDS; i++) {
          int kind = Math.floorMod(i, 3);
          String command = kind == 0 ? "kpi" : kind == 1 ? "sale" : "lead";
          String options =
              switch (command) {
                case "kpi" ->
                    "[{\"name\":\"figure\",\"type\":3,\"value\":\"revenue\"},"
                        + "{\"name\":\"period\",\"type\":3,\"value\":\"march 2026\"}]";
                case "sale" ->
                    "[{\"name\":\"customer\",\"type\":3,\"value\":\"Customer "
                        + i
                        + "\"},{\"name\":\"amount\",\"type\":10,\"value\":1200},"
                        + "{\"name\":\"new\",\"type\":5,\"value\":true}]";
                default ->
                    "[{\"name\":\"customer\",\"type\":3,\"value\":\"Lead "
                        + i
                        + "\"},{\"name\":\"new\",\"type\":5,\"value\":true}]";
              };
          long sent = System.nanoTime();
          String id =
              discord.slashCommand(
                  FakeDiscord.ACME, FakeDiscord.LISA, "en-US", command, options, "{}");
          FakeDiscord.Request callback = discord.callback(id);
          if (command.equals("kpi")) {
            discord.followUp(id); // the chart's follow-up, before the next interaction
          }
          if (i >= 0) {
            first[i] = callback.at() - sent;
            if (command.equals("kpi")) {
              deferred[d++] = callback.at() - sent;
            }
          }
        }
        Arrays.sort(first);
        Arrays.sort(deferred);
        System.out.printf(
            "Discord: %d interactions (after %d to warm up), interaction to first response:"
                + " p50 %.1f ms, p99 %.1f ms, max %.1f ms; deferrals of /kpi alone: p50 %.1f ms,"
                + " p99 %.1f ms%n",
            ROUNDS,
            WARM_UP,
            ms(first, 0.50),
            ms(first, 0.99),
            first[first.length - 1] / 1e6,
            ms(deferred, 0.50),
            ms(deferred, 0.99));
        System.out.printf(
            "target: first response under 500 ms: %s%n",
            first[first.length - 1] < TimeUnit.MILLISECONDS.toNanos(500) ? "met" : "NOT met");
      }
    }
  }

  private static double ms(long[] sorted, double quantile) {
    return sorted[(int) Math.ceil(sorted.length * quantile) - 1] / 1e6;
  }
}
