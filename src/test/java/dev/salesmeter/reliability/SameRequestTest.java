package dev.salesmeter.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * The same signed request (one body, one signature, one trigger id) sent five times at once, as a
 * retrying proxy or a double-click might: one event, and every answer confirms that one.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
final class SameRequestTest {
  private static final String TEAM = "T-same";
  private static final int COPIES = 5;
  private static final int REQUESTS = 10;

  @TempDir Path folder;

  @Test
  @DisplayName("one request five times at once: stored once, every answer that one event")
  void fiveAtOnce() throws Exception {
    Path database = folder.resolve("salesmeter.db");
    List<String> triggers = new ArrayList<>();
    Map<String, Long> stored;
    try (FakeWebApi api = new FakeWebApi();
        SalesmeterProcess salesmeter = SalesmeterProcess.start(database, api.apiUrl(), folder)) {
      SignedSlack slack = new SignedSlack(SalesmeterProcess.SECRET, api);
      ExecutorService pool = Executors.newFixedThreadPool(COPIES);
      try {
        for (int r = 0; r < REQUESTS; r++) {
          // given: one signed request; each kind of logging command, a new customer or not
          String trigger = "same-" + r;
          triggers.add(trigger);
          String text = r % 2 == 0 ? "\"Twice Ltd " + r + "\" 300 new" : "\"Twice Ltd\" 300";
          HttpRequest request =
              slack.request(salesmeter.port(), slack.form(TEAM, "U1", "/sale", text, trigger));
          // when: five copies are released together
          CountDownLatch go = new CountDownLatch(1);
          List<Future<HttpResponse<String>>> answers = new ArrayList<>();
          for (int c = 0; c < COPIES; c++) {
            answers.add(
                pool.submit(
                    () -> {
                      go.await();
                      return slack.send(request);
                    }));
          }
          go.countDown();
          // then: each is answered, and every confirmation names the same event
          Set<Long> numbers = new HashSet<>();
          for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            Optional<Long> number = slack.confirmation(response, trigger);
            assertThat(number).as(response.body()).isPresent();
            numbers.add(number.get());
          }
          assertThat(numbers).as("request %s", trigger).hasSize(1);
        }
      } finally {
        pool.shutdownNow();
      }
    }
    stored = StoredEvents.byInteraction(database, TEAM);
    assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(triggers);
    StoredEvents.assertSound(database);
  }
}
