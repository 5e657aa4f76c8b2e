package dev.salesmeter.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.core.EventKind;
import dev.salesmeter.core.Money;
import dev.salesmeter.core.RepMention;
import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.core.WorkspaceSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one writer: concurrent commands queue in memory behind each other, never on SQLite's file
 * lock, so none times out there and the pool stays free for reads.
 */
final class WriteQueueTest {
  private static final WorkspaceId WORKSPACE = new WorkspaceId("T1");
  private static final Instant NOW = Instant.parse("2026-03-31T15:00:00Z");
  private static final int WRITERS = 24;

  @TempDir Path folder;
  Database database;
  EventLog log;

  @BeforeEach
  void open() {
    database = Database.open(folder.resolve("events.db"));
    log = new EventLog(database, WorkspaceSettings.DEFAULTS, Clock.fixed(NOW, ZoneOffset.UTC));
    log.settings(WORKSPACE);
  }

  @AfterEach
  void close() {
    database.close();
  }

  private static NewEvent lead(int sender) {
    RepMention rep = new RepMention(Optional.of("U" + sender), "rep" + sender);
    return new NewEvent(
        WORKSPACE,
        "interaction-" + sender,
        EventKind.LEAD,
        rep,
        rep,
        Optional.of("Customer " + sender),
        Optional.<Money>empty(),
        NOW,
        NOW,
        EventDetails.NONE,
        Optional.empty());
  }

  /** Waits for a condition another thread brings about; fails the test if it never comes. */
  private static void awaitUntil(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting until " + what).isLessThan(deadline);
      Thread.onSpinWait();
      Thread.yield();
    }
  }

  @Test
  @DisplayName(
      "writers queue in memory while another process holds the file: reads still answer, then"
          + " every write lands once, numbered without gaps")
  void queuedWritesLandOnceInOrder() throws Exception {
    ExecutorService senders = Executors.newFixedThreadPool(WRITERS);
    try (Connection otherProcess =
            DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("events.db"));
        Statement lock = otherProcess.createStatement()) {
      // given another connection holding SQLite's write lock
      lock.execute("BEGIN IMMEDIATE");
      List<Future<AppendResult>> appends = new ArrayList<>();

      // when many commands append at once
      for (int sender = 0; sender < WRITERS; sender++) {
        int s = sender;
        appends.add(senders.submit(() -> log.append(lead(s))));
      }

      // then all but the one writer wait in this process's queue, not on the file: a read (a
      // figure) still gets a pooled connection and answers while the file stays locked
      awaitUntil(() -> database.writesWaiting() == WRITERS - 1, "every other write is queued");
      assertThat(log.eventCount(WORKSPACE)).isZero();
      lock.execute("ROLLBACK");

      List<Long> numbers = new ArrayList<>();
      for (Future<AppendResult> append : appends) {
        AppendResult result = append.get();
        assertThat(result).isInstanceOf(AppendResult.Logged.class);
        numbers.add(((AppendResult.Logged) result).event().number());
      }
      assertThat(numbers)
          .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, WRITERS).boxed().toList());
      assertThat(log.eventCount(WORKSPACE)).isEqualTo(WRITERS);
      assertThat(database.writesWaiting()).isZero();
    } finally {
      senders.shutdownNow();
    }
  }

  @Test
  @DisplayName("an interaction sent again while its first write still waits is stored once")
  void repeatedWhileQueuedStoredOnce() throws Exception {
    ExecutorService senders = Executors.newFixedThreadPool(4);
    try (Connection otherProcess =
            DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("events.db"));
        Statement lock = otherProcess.createStatement()) {
      lock.execute("BEGIN IMMEDIATE");
      List<Future<AppendResult>> appends = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        appends.add(senders.submit(() -> log.append(lead(7))));
      }
      awaitUntil(() -> database.writesWaiting() == 3, "the repeats are queued");
      lock.execute("ROLLBACK");

      List<Long> numbers = new ArrayList<>();
      for (Future<AppendResult> append : appends) {
        numbers.add(((AppendResult.Logged) append.get()).event().number());
      }
      assertThat(numbers).containsOnly(1L);
      assertThat(log.eventCount(WORKSPACE)).isEqualTo(1);
    } finally {
      senders.shutdownNow();
    }
  }
}
