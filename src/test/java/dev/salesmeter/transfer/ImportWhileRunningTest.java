package dev.salesmeter.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.core.EventKind;
import dev.salesmeter.core.RepMention;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.store.AppendResult;
import dev.salesmeter.store.Database;
import dev.salesmeter.store.EventDetails;
import dev.salesmeter.store.EventLog;
import dev.salesmeter.store.NewEvent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import while Salesmeter runs on the same file: the running process's figures keep answering,
 * and its logging waits for the import's one transaction and is stored after it, once.
 */
final class ImportWhileRunningTest {
  @TempDir Path folder;
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  @DisplayName(
      "a second process on the file reads during an import, and its log waits, then lands once")
  void secondProcess() throws Exception {
    try (TestWorkspace importer = TestWorkspace.english(folder);
        Database running = Database.open(folder.resolve("salesmeter.db"))) {
      Clock clock = Clock.fixed(importer.now(), TestWorkspace.AMSTERDAM);
      EventLog bot = new EventLog(running, WorkspaceSettings.DEFAULTS, clock);
      importer.run("@anna /lead Before date:2026-03-01");
      bot.settings(TestWorkspace.WORKSPACE); // known: its settings are only read from now on
      CountDownLatch halfway = new CountDownLatch(1);
      CountDownLatch goOn = new CountDownLatch(1);
      StringBuilder csv = new StringBuilder("kind,occurred,customer,rep,amount\n");
      for (int i = 0; i < 20; i++) {
        csv.append("lead,2026-03-02,Customer ").append(i).append(",anna,\n");
      }
      byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);

      // when: the import stops halfway inside its transaction
      Future<Import.Result> importing =
          threads.submit(
              () ->
                  new Import(importer.database(), importer.log())
                      .run(
                          TestWorkspace.WORKSPACE,
                          "leads.csv",
                          () -> new ByteArrayInputStream(file),
                          Import.Options.of(ImportFormat.EVENTS),
                          importer.now(),
                          total ->
                              new Progress() {
                                @Override
                                public void done(int events) {
                                  if (events == 10) {
                                    halfway.countDown();
                                    await(goOn);
                                  }
                                }

                                @Override
                                public void close() {}
                              }));
      assertThat(halfway.await(30, TimeUnit.SECONDS)).isTrue();

      // then the other process reads what was there before
      assertThat(bot.eventCount(TestWorkspace.WORKSPACE)).isEqualTo(1);
      // and its command waits on SQLite's lock (the busy timeout, 30 s) instead of failing
      NewEvent sale = sale("slack-request-1");
      Future<AppendResult> logging = threads.submit(() -> bot.append(sale));
      boolean waited;
      try {
        logging.get(300, TimeUnit.MILLISECONDS);
        waited = false;
      } catch (TimeoutException expected) {
        waited = true;
      }
      assertThat(waited).as("the log waits for the import").isTrue();

      goOn.countDown();
      Import.Result result = importing.get(30, TimeUnit.SECONDS);
      AppendResult logged = logging.get(30, TimeUnit.SECONDS);

      // then: the import's 20 leads are #2-21, the waiting sale #22
      assertThat(result.imported()).as(result.text()).isTrue();
      assertThat(((AppendResult.Logged) logged).event().number()).isEqualTo(22);
      // a retry of the same request (Slack sends it again) is the same event, not a second one
      AppendResult retried = bot.append(sale("slack-request-1"));
      assertThat(((AppendResult.Logged) retried).event().number()).isEqualTo(22);
      assertThat(importer.events()).isEqualTo(22);
    }
  }

  @Test
  @DisplayName("in one process, commands queue behind the import's write and are confirmed after")
  void sameProcess() throws Exception {
    try (TestWorkspace team = TestWorkspace.english(folder)) {
      CountDownLatch halfway = new CountDownLatch(1);
      CountDownLatch goOn = new CountDownLatch(1);
      byte[] file =
          "kind,occurred,customer,rep,amount\nlead,2026-03-02,A,anna,\nlead,2026-03-02,B,anna,\n"
              .getBytes(StandardCharsets.UTF_8);
      Future<Import.Result> importing =
          threads.submit(
              () ->
                  new Import(team.database(), team.log())
                      .run(
                          TestWorkspace.WORKSPACE,
                          "leads.csv",
                          () -> new ByteArrayInputStream(file),
                          Import.Options.of(ImportFormat.EVENTS),
                          team.now(),
                          total ->
                              new Progress() {
                                @Override
                                public void done(int events) {
                                  if (events == 1) {
                                    halfway.countDown();
                                    await(goOn);
                                  }
                                }

                                @Override
                                public void close() {}
                              }));
      assertThat(halfway.await(30, TimeUnit.SECONDS)).isTrue();

      // when a command comes in, it waits in the writer's queue
      CompletableFuture<String> reply =
          CompletableFuture.supplyAsync(() -> team.run("@bram /lead Queued").text(), threads);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (team.database().writesWaiting() == 0 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(team.database().writesWaiting()).isEqualTo(1);
      // while figures answer from what is committed
      assertThat(team.run("/kpi conversion march 2026").text()).contains("No leads");

      goOn.countDown();

      // then
      assertThat(importing.get(30, TimeUnit.SECONDS).imported()).isTrue();
      assertThat(reply.get(30, TimeUnit.SECONDS)).startsWith("Lead #3 logged");
      assertThat(team.events()).isEqualTo(3);
    }
  }

  private static NewEvent sale(String interactionId) {
    RepMention bram = new RepMention(Optional.of("U-bram"), "bram");
    Instant at = Instant.parse("2026-03-31T12:00:00Z");
    return new NewEvent(
        TestWorkspace.WORKSPACE,
        interactionId,
        EventKind.SALE,
        bram,
        bram,
        Optional.of("Walk-in"),
        Optional.of(dev.salesmeter.core.Money.ofCents(10_000)),
        at,
        at,
        EventDetails.NONE,
        Optional.empty());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
