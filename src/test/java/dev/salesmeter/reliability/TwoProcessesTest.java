package dev.salesmeter.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Salesmeter processes on one SQLite file, each taking commands at once for the same two
 * workspaces: every confirmed command is stored once under the number it confirmed, and each
 * workspace's numbers run without a gap or a repeat (SQLite's write lock and the number taken
 * inside the INSERT decide, not either process's memory).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
final class TwoProcessesTest {
  private static final List<String> TEAMS = List.of("T-one", "T-two");
  private static final int SENDERS_EACH = 3;
  private static final int PER_SENDER = 30;

  @TempDir Path folder;

  @Test
  @DisplayName("two processes on one file: each confirmed command once, numbers without gaps")
  void twoProcesses() throws Exception {
    Path database = folder.resolve("salesmeter.db");
    Map<String, Long> confirmed = new ConcurrentHashMap<>();
    List<String> unconfirmed = new ArrayList<>();
    try (FakeWebApi api = new FakeWebApi();
        SalesmeterProcess first = SalesmeterProcess.start(database, api.apiUrl(), folder);
        SalesmeterProcess second = SalesmeterProcess.start(database, api.apiUrl(), folder)) {
      SignedSlack slack = new SignedSlack(SalesmeterProcess.SECRET, api);
      // given: senders to both processes, released together
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2 * SENDERS_EACH);
      List<Future<List<String>>> senders = new ArrayList<>();
      for (SalesmeterProcess process : List.of(first, second)) {
        for (int s = 0; s < SENDERS_EACH; s++) {
          String prefix = "p" + process.port() + "-s" + s + "-";
          senders.add(
              pool.submit(
                  () -> {
                    go.await();
                    return send(slack, process.port(), prefix, confirmed);
                  }));
        }
      }
      // when
      go.countDown();
      for (Future<List<String>> sender : senders) {
        unconfirmed.addAll(sender.get(2, TimeUnit.MINUTES));
      }
      pool.shutdown();
      assertThat(first.alive()).isTrue();
      assertThat(second.alive()).isTrue();
    }
    // then
    assertThat(unconfirmed).as("commands not confirmed").isEmpty();
    for (String team : TEAMS) {
      Map<String, Long> stored = StoredEvents.byInteraction(database, team);
      Map<String, Long> ofTeam = new ConcurrentHashMap<>();
      confirmed.forEach(
          (trigger, number) -> {
            if (trigger.startsWith(team)) {
              ofTeam.put(trigger, number);
            }
          });
      assertThat(stored).isEqualTo(ofTeam);
      assertThat(stored).hasSize(2 * SENDERS_EACH * PER_SENDER / TEAMS.size());
    }
    StoredEvents.assertSound(database);
  }

  /** Logs commands in turn for each workspace; returns the trigger ids not confirmed. */
  private static List<String> send(
      SignedSlack slack, int port, String prefix, Map<String, Long> confirmed) throws Exception {
    List<String> unconfirmed = new ArrayList<>();
    for (int i = 0; i < PER_SENDER; i++) {
      String team = TEAMS.get(i % TEAMS.size());
      String trigger = team + "-" + prefix + i;
      String text = "\"Shared file " + trigger + "\" 500 new";
      HttpResponse<String> response =
          slack.send(port, slack.form(team, "U-" + prefix, "/sale", text, trigger));
      // "Logging…" (the other process held the file past the ack's time) is confirmed later
      Optional<Long> number = slack.confirmation(response, trigger);
      if (number.isPresent()) {
        confirmed.put(trigger, number.get());
      } else {
        unconfirmed.add(trigger + ": " + response.statusCode() + " " + response.body());
      }
    }
    return unconfirmed;
  }
}
