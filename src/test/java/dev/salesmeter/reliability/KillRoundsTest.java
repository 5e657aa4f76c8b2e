package dev.salesmeter.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
 * {@code kill -9} in the middle of a stream of commands through Slack's HTTP mode, three rounds on
 * one database file: every command answered with a confirmation is stored once, under the number it
 * confirmed, and SQLite finds the file sound. A command cut off by the kill is retried after the
 * restart with the same trigger id, as Slack retries: it is then confirmed once, never twice.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
final class KillRoundsTest {
  private static final String TEAM = "T-kill";
  private static final int ROUNDS = 3;
  private static final int SENDERS = 4;

  /** Each sender sends at most this many commands a round: the kill comes well before. */
  private static final int PER_SENDER = 60;

  /** The kill comes once this many commands of the round are confirmed. */
  private static final int KILL_AFTER = 40;

  @TempDir Path folder;

  @Test
  @DisplayName("three kill -9 rounds: each confirmed command stored once, the file sound")
  void killRounds() throws Exception {
    Path database = folder.resolve("salesmeter.db");
    Map<String, Long> confirmed = new ConcurrentHashMap<>();
    Map<String, String> cutOff = new ConcurrentHashMap<>();
    int retried = 0;
    try (FakeWebApi api = new FakeWebApi()) {
      SignedSlack slack = new SignedSlack(SalesmeterProcess.SECRET, api);
      for (int round = 0; round < ROUNDS; round++) {
        try (SalesmeterProcess salesmeter =
            SalesmeterProcess.start(database, api.apiUrl(), folder)) {
          // given: what the last kill cut off, sent again as Slack would retry it
          for (Map.Entry<String, String> retry : Map.copyOf(cutOff).entrySet()) {
            Optional<Long> number =
                slack.confirmation(slack.send(salesmeter.port(), retry.getValue()), retry.getKey());
            assertThat(number).as("the retry of %s", retry.getKey()).isPresent();
            assertThat(confirmed.putIfAbsent(retry.getKey(), number.get())).isNull();
            cutOff.remove(retry.getKey());
            retried++;
          }
          // when: senders log commands and the process is killed once enough are confirmed
          CountDownLatch enough = new CountDownLatch(KILL_AFTER);
          ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
          List<Future<?>> done = new ArrayList<>();
          for (int s = 0; s < SENDERS; s++) {
            String prefix = "r" + round + "-s" + s + "-";
            done.add(
                senders.submit(
                    () -> send(slack, salesmeter.port(), prefix, enough, confirmed, cutOff)));
          }
          boolean killedMidStream = enough.await(60, TimeUnit.SECONDS);
          salesmeter.kill();
          for (Future<?> sender : done) {
            sender.get(60, TimeUnit.SECONDS);
          }
          senders.shutdown();
          assertThat(killedMidStream)
              .as("%d commands confirmed before the kill", KILL_AFTER)
              .isTrue();
        }
      }
      // then: a last start answers the last round's cut-off commands and leaves the file
      try (SalesmeterProcess salesmeter = SalesmeterProcess.start(database, api.apiUrl(), folder)) {
        for (Map.Entry<String, String> retry : cutOff.entrySet()) {
          Optional<Long> number =
              slack.confirmation(slack.send(salesmeter.port(), retry.getValue()), retry.getKey());
          assertThat(number).as("the retry of %s", retry.getKey()).isPresent();
          confirmed.put(retry.getKey(), number.get());
          retried++;
        }
      }
    }
    System.out.printf(
        "KillRoundsTest: %d kill -9 rounds, %d commands confirmed, %d cut off and retried%n",
        ROUNDS, confirmed.size(), retried);
    Map<String, Long> stored = StoredEvents.byInteraction(database, TEAM);
    assertThat(confirmed).hasSizeGreaterThanOrEqualTo(ROUNDS * KILL_AFTER);
    assertThat(stored).containsAllEntriesOf(confirmed);
    assertThat(stored).hasSameSizeAs(confirmed);
    StoredEvents.assertSound(database);
  }

  /**
   * One sender: logs commands until the process stops answering. A confirmed command is recorded
   * with its number; one with no answer (cut off by the kill) is kept to be retried.
   */
  private static Void send(
      SignedSlack slack,
      int port,
      String prefix,
      CountDownLatch enough,
      Map<String, Long> confirmed,
      Map<String, String> cutOff)
      throws InterruptedException {
    for (int i = 0; i < PER_SENDER; i++) {
      String trigger = prefix + i;
      boolean sale = i % 2 == 1;
      String text = "\"Kill customer " + trigger + "\"" + (sale ? " 1200" : "") + " new";
      String body = slack.form(TEAM, "U-" + prefix, sale ? "/sale" : "/lead", text, trigger);
      HttpResponse<String> response;
      try {
        response = slack.send(port, body);
      } catch (IOException killed) {
        cutOff.put(trigger, body);
        return null;
      }
      Optional<Long> number = SignedSlack.confirmed(response);
      if (number.isPresent()) {
        confirmed.put(trigger, number.get());
        enough.countDown();
      } else {
        // "Logging…" (its late reply may never come: the kill) or an error: not a confirmation;
        // retried like a cut-off command
        cutOff.put(trigger, body);
      }
    }
    return null;
  }
}
