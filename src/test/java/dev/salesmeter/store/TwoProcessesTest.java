package dev.salesmeter.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.core.EventKind;
import dev.salesmeter.core.Money;
import dev.salesmeter.core.RepMention;
import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.core.WorkspaceSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes on one PostgreSQL database, each with its own pool and its own event log, appending
 * at once: the database decides every race (DESIGN.md, "Rules").
 */
final class TwoProcessesTest {
  private static final WorkspaceId WORKSPACE = new WorkspaceId("T-two");
  private static final Instant NOW = Instant.parse("2026-03-31T15:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path folder;
  Database first;
  Database second;
  EventLog one;
  EventLog two;

  @BeforeEach
  void open() {
    first = TestDatabases.open(Database.Engine.POSTGRESQL, folder);
    second = TestDatabases.sameDatabase(first, folder);
    one = new EventLog(first, WorkspaceSettings.DEFAULTS, CLOCK);
    two = new EventLog(second, WorkspaceSettings.DEFAULTS, CLOCK);
    one.settings(WORKSPACE);
  }

  @AfterEach
  void close() {
    second.close();
    TestDatabases.close(first);
  }

  private static NewEvent event(String interaction, EventKind kind, String customer, String rep) {
    return new NewEvent(
        WORKSPACE,
        interaction,
        kind,
        RepMention.byName(rep),
        RepMention.byName(rep),
        Optional.of(customer),
        kind == EventKind.SALE || kind == EventKind.QUOTE
            ? Optional.of(Money.ofCents(10_000))
            : Optional.empty(),
        NOW,
        NOW,
        EventDetails.NONE,
        Optional.empty());
  }

  /** Runs the tasks on 8 threads at once and waits for all. */
  private static <T> List<T> atOnce(List<Callable<T>> tasks) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<T> results = new ArrayList<>();
      for (Future<T> each : threads.invokeAll(tasks)) {
        results.add(each.get());
      }
      return results;
    } finally {
      threads.shutdownNow();
    }
  }

  private long scalar(String sql) {
    return first.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  @Test
  @DisplayName("400 appends from two processes: numbers 1 to 400, none twice, none missing")
  void numbersWithoutGapOrDouble() throws Exception {
    List<Callable<AppendResult>> tasks = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      EventLog log = i % 2 == 0 ? one : two;
      NewEvent sale = event("i-" + i, EventKind.SALE, "Customer " + (i % 37), "rep" + (i % 20));
      tasks.add(() -> log.append(sale));
    }
    List<AppendResult> results = atOnce(tasks);
    assertThat(results).allMatch(r -> r instanceof AppendResult.Logged);
    assertThat(scalar("SELECT COUNT(*) FROM events")).isEqualTo(400);
    assertThat(scalar("SELECT COUNT(DISTINCT number) FROM events")).isEqualTo(400);
    assertThat(scalar("SELECT MIN(number) FROM events")).isEqualTo(1);
    assertThat(scalar("SELECT MAX(number) FROM events")).isEqualTo(400);
    assertThat(scalar("SELECT last_number FROM event_counters")).isEqualTo(400);
    // and the facts kept along the way equal a rebuild: 37 customers, 400 sales
    assertThat(scalar("SELECT SUM(sales) FROM sales_by_day")).isEqualTo(400);
    assertThat(scalar("SELECT COUNT(*) FROM sale_facts WHERE is_repeat = 0")).isEqualTo(37);
  }

  @Test
  @DisplayName("one request sent to both processes at once is logged once")
  void interactionGuard() throws Exception {
    List<Callable<AppendResult>> tasks = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      EventLog log = i % 2 == 0 ? one : two;
      tasks.add(() -> log.append(event("same-request", EventKind.SALE, "Acme", "anna")));
    }
    List<AppendResult> results = atOnce(tasks);
    assertThat(results).allMatch(r -> r instanceof AppendResult.Logged);
    assertThat(results.stream().map(r -> ((AppendResult.Logged) r).event().number()).distinct())
        .containsExactly(1L);
    assertThat(scalar("SELECT COUNT(*) FROM events")).isEqualTo(1);
    assertThat(scalar("SELECT COUNT(*) FROM customers")).isEqualTo(1);
  }

  @Test
  @DisplayName("two quotes for one new customer at once: one opens the opportunity, one joins it")
  void oneOpportunity() throws Exception {
    List<Callable<AppendResult>> tasks = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      EventLog log = i % 2 == 0 ? one : two;
      NewEvent quote = event("q-" + i, EventKind.QUOTE, "Bakkerij Jansen", "anna");
      tasks.add(() -> log.append(quote));
    }
    assertThat(atOnce(tasks)).allMatch(r -> r instanceof AppendResult.Logged);
    assertThat(scalar("SELECT COUNT(*) FROM customers")).isEqualTo(1);
    assertThat(scalar("SELECT COUNT(*) FROM opportunities")).isEqualTo(1);
    assertThat(scalar("SELECT COUNT(*) FROM events WHERE opportunity_id IS NOT NULL")).isEqualTo(6);
  }

  @Test
  @DisplayName("a customer created through one process is known to the other at once")
  void namesFromTheOtherProcess() {
    one.append(event("c-1", EventKind.LEAD, "Bakkerij Jansen", "anna"));
    assertThat(two.customer(WORKSPACE, "bakkerij jansen")).isPresent();
    assertThat(two.customers(WORKSPACE)).extracting(Customer::name).contains("Bakkerij Jansen");
  }
}
