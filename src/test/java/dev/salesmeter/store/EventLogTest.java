package dev.salesmeter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event log on the real migrations in a temporary SQLite file. */
final class EventLogTest {
  private static final WorkspaceId WORKSPACE = new WorkspaceId("T1");
  private static final RepMention ANNA = new RepMention(Optional.of("U-anna"), "anna");
  private static final Instant NOW = Instant.parse("2026-03-31T15:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path folder;
  Database database;
  EventLog log;

  @BeforeEach
  void open() {
    database = Database.open(folder.resolve("events.db"));
    log = new EventLog(database, WorkspaceSettings.DEFAULTS, CLOCK);
    log.settings(WORKSPACE);
  }

  @AfterEach
  void close() {
    database.close();
  }

  private static NewEvent event(
      String interaction, EventKind kind, String customer, long cents, Instant at) {
    return new NewEvent(
        WORKSPACE,
        interaction,
        kind,
        ANNA,
        ANNA,
        Optional.ofNullable(customer),
        cents > 0 ? Optional.of(Money.ofCents(cents)) : Optional.empty(),
        at,
        NOW,
        EventDetails.NONE,
        Optional.empty());
  }

  private long scalar(String sql) {
    return database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  private LoggedEvent append(NewEvent event) {
    return ((AppendResult.Logged) log.append(event)).event();
  }

  @Test
  @DisplayName("every connection is durable: WAL, synchronous=FULL, foreign keys, busy timeout")
  void pragmas() {
    for (int i = 0; i < 6; i++) {
      try (Handle handle = database.jdbi().open()) {
        assertThat(handle.createQuery("PRAGMA journal_mode").mapTo(String.class).one())
            .isEqualTo("wal");
        // 2 is FULL
        assertThat(handle.createQuery("PRAGMA synchronous").mapTo(Integer.class).one())
            .isEqualTo(2);
        assertThat(handle.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one())
            .isEqualTo(1);
        assertThat(handle.createQuery("PRAGMA busy_timeout").mapTo(Integer.class).one())
            .isEqualTo(30_000);
      }
    }
  }

  @Test
  @DisplayName("the schema comes from the Flyway migrations, and reopening migrates nothing twice")
  void migrations() {
    List<String> tables =
        database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name")
                        .mapTo(String.class)
                        .list());
    assertThat(tables)
        .contains(
            "workspaces",
            "reps",
            "customers",
            "opportunities",
            "events",
            "targets",
            "acquisition_costs",
            "live_events",
            "opportunity_facts",
            "sale_facts",
            "customer_spells",
            "schedules",
            "schedule_runs",
            "quote_nudges",
            "health_probe",
            "api_tokens",
            "flyway_schema_history");
    append(event("i-1", EventKind.SALE, "Acme", 100, NOW));
    long applied = scalar("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1");
    database.close();
    database = Database.open(folder.resolve("events.db"));
    log = new EventLog(database, WorkspaceSettings.DEFAULTS, CLOCK);
    assertThat(log.eventCount(WORKSPACE)).isEqualTo(1);
    // Every migration (V1 to V11) ran once: reopening applies none again (and none failed).
    assertThat(applied).isEqualTo(11);
    assertThat(scalar("SELECT COUNT(*) FROM flyway_schema_history")).isEqualTo(applied);
  }

  @Test
  @DisplayName("events are append-only: the database itself refuses updates and deletes")
  void appendOnly() {
    append(event("i-1", EventKind.SALE, "Acme", 100, NOW));
    assertThatThrownBy(
            () -> database.jdbi().useHandle(h -> h.execute("UPDATE events SET amount_cents = 1")))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> database.jdbi().useHandle(h -> h.execute("DELETE FROM events")))
        .hasMessageContaining("append-only");
    assertThat(log.event(WORKSPACE, 1).orElseThrow().amount()).contains(Money.ofCents(100));
  }

  @Test
  @DisplayName("foreign keys and checks hold at the database level")
  void constraints() {
    assertThatThrownBy(
            () ->
                database
                    .jdbi()
                    .useHandle(
                        h ->
                            h.execute(
                                "INSERT INTO events (workspace_id, number, interaction_id, kind, rep_id, logged_by,"
                                    + " occurred_at, local_date, logged_at) VALUES ('T1', 9, 'x', 'lead', 999, 999, 0, '', 0)")))
        .hasMessageContaining("FOREIGN KEY");
    append(event("i-1", EventKind.SALE, "Acme", 100, NOW));
    assertThatThrownBy(
            () ->
                database
                    .jdbi()
                    .useHandle(
                        h ->
                            h.execute(
                                "INSERT INTO events (workspace_id, number, interaction_id, kind, rep_id, logged_by,"
                                    + " amount_cents, occurred_at, local_date, logged_at) VALUES ('T1', 9, 'y', 'sale', 1, 1,"
                                    + " -5, 0, '', 0)")))
        .hasMessageContaining("CHECK");
  }

  @Test
  @DisplayName("each event stores its UTC instant and its local date in the workspace's zone")
  void localDate() {
    // 23:30 UTC on 28 March 2026 is 00:30 on 29 March in Amsterdam (CET, UTC+1)
    append(event("i-1", EventKind.SALE, "Acme", 100, Instant.parse("2026-03-28T23:30:00Z")));
    // 21:59 UTC on 29 March 2026 is 23:59 in Amsterdam (CEST, UTC+2, after the change that night)
    append(event("i-2", EventKind.SALE, "Acme", 100, Instant.parse("2026-03-29T21:59:00Z")));
    // 22:00 UTC on 29 March 2026 is already 30 March in Amsterdam
    append(event("i-3", EventKind.SALE, "Acme", 100, Instant.parse("2026-03-29T22:00:00Z")));
    List<String> rows =
        database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT local_date || ' ' || occurred_at FROM events ORDER BY id")
                        .mapTo(String.class)
                        .list());
    assertThat(rows)
        .containsExactly(
            "2026-03-29 " + Instant.parse("2026-03-28T23:30:00Z").toEpochMilli(),
            "2026-03-29 " + Instant.parse("2026-03-29T21:59:00Z").toEpochMilli(),
            "2026-03-30 " + Instant.parse("2026-03-29T22:00:00Z").toEpochMilli());
  }

  @Test
  @DisplayName("opportunity rules: a lead opens, a quote joins, a sale closes, a void reopens")
  void opportunityRules() {
    LoggedEvent lead = append(event("i-1", EventKind.LEAD, "Acme", 0, NOW));
    LoggedEvent quote = append(event("i-2", EventKind.QUOTE, "Acme", 500, NOW));
    LoggedEvent sale = append(event("i-3", EventKind.SALE, "Acme", 500, NOW));
    assertThat(lead.link()).isEqualTo(OpportunityLink.OPENED);
    assertThat(quote.link()).isEqualTo(OpportunityLink.JOINED);
    assertThat(sale.link()).isEqualTo(OpportunityLink.JOINED);
    assertThat(log.append(event("i-4", EventKind.FOLLOWUP, "Acme", 0, NOW)))
        .isInstanceOf(AppendResult.NoOpenOpportunity.class);
    log.appendVoid(WORKSPACE, "i-5", ANNA, sale, NOW).orElseThrow();
    assertThat(append(event("i-6", EventKind.FOLLOWUP, "Acme", 0, NOW)).link())
        .isEqualTo(OpportunityLink.JOINED);
    // a second lead opens a second opportunity; the quote after it joins the newest one
    append(event("i-7", EventKind.LEAD, "Acme", 0, NOW.plusSeconds(60)));
    append(event("i-8", EventKind.QUOTE, "Acme", 800, NOW.plusSeconds(120)));
    List<Long> opportunityOfEach =
        database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT opportunity_id FROM events WHERE kind IN ('lead', 'quote') ORDER BY id")
                        .mapTo(Long.class)
                        .list());
    assertThat(opportunityOfEach).containsExactly(1L, 1L, 2L, 2L);
  }

  @Test
  @DisplayName("a void cannot be voided, and an event is voided once")
  void voidOnce() {
    LoggedEvent sale = append(event("i-1", EventKind.SALE, "Acme", 500, NOW));
    LoggedEvent undo = log.appendVoid(WORKSPACE, "i-2", ANNA, sale, NOW).orElseThrow();
    assertThat(undo.voids()).contains(1L);
    assertThat(log.event(WORKSPACE, 1).orElseThrow().voided()).isTrue();
    assertThatThrownBy(() -> log.appendVoid(WORKSPACE, "i-3", ANNA, undo, NOW))
        .isInstanceOf(IllegalArgumentException.class);
    // voided already (by a request that came in meanwhile): nothing logged
    assertThat(log.appendVoid(WORKSPACE, "i-4", ANNA, sale, NOW)).isEmpty();
    assertThat(log.eventCount(WORKSPACE)).isEqualTo(2);
    assertThatThrownBy(
            () ->
                database
                    .jdbi()
                    .useHandle(
                        h ->
                            h.execute(
                                "INSERT INTO events (workspace_id, number, interaction_id, kind, rep_id,"
                                    + " logged_by, occurred_at, local_date, logged_at, voids_event_id)"
                                    + " VALUES ('T1', 99, 'x', 'void', 1, 1, 0, '', 0, 1)")))
        .hasMessageContaining("UNIQUE");
  }

  @Test
  @DisplayName("a repeated interaction breaks the unique index; the reused INSERT works after it")
  void repeatThroughTheIndex() {
    append(event("i-1", EventKind.LEAD, "Acme", 0, NOW));
    LoggedEvent repeat = append(event("i-1", EventKind.LEAD, "Acme", 0, NOW));
    assertThat(repeat.repeated()).isTrue();
    assertThat(scalar("SELECT COUNT(*) FROM opportunities")).isEqualTo(1);
    LoggedEvent next = append(event("i-5", EventKind.SALE, "Acme", 700, NOW));
    assertThat(next.number()).isEqualTo(2);
    assertThat(log.event(WORKSPACE, 2).orElseThrow().amount()).contains(Money.ofCents(700));
  }

  @Test
  @DisplayName("an interaction id logs once; another workspace numbers its own events")
  void idempotentAndNumberedPerWorkspace() {
    LoggedEvent first = append(event("i-1", EventKind.SALE, "Acme", 500, NOW));
    LoggedEvent again = append(event("i-1", EventKind.SALE, "Acme", 999, NOW));
    assertThat(again.repeated()).isTrue();
    assertThat(again.number()).isEqualTo(first.number());
    assertThat(again.amount()).contains(Money.ofCents(500));
    WorkspaceId other = new WorkspaceId("T2");
    LoggedEvent elsewhere =
        ((AppendResult.Logged)
                log.append(
                    new NewEvent(
                        other,
                        "i-1",
                        EventKind.SALE,
                        ANNA,
                        ANNA,
                        Optional.of("Acme"),
                        Optional.of(Money.ofCents(700)),
                        NOW,
                        NOW,
                        EventDetails.NONE,
                        Optional.empty())))
            .event();
    assertThat(elsewhere.number()).isEqualTo(1);
    assertThat(elsewhere.repeated()).isFalse();
    assertThat(log.eventCount(WORKSPACE)).isEqualTo(1);
    assertThat(log.customers(other)).extracting(Customer::name).containsExactly("Acme");
    assertThat(log.customers(WORKSPACE))
        .extracting(Customer::id)
        .doesNotContain(log.customers(other).get(0).id());
  }

  @Test
  @DisplayName("reused statements see what another process committed since")
  void readsAnotherProcessesWrites() {
    try (Database second = Database.open(folder.resolve("events.db"))) {
      EventLog otherProcess = new EventLog(second, WorkspaceSettings.DEFAULTS, CLOCK);
      for (int i = 1; i <= 5; i++) {
        otherProcess.append(event("o-" + i, EventKind.SALE, "Customer " + i, 100, NOW));
        // the same prepared statements on this side, after each write on the other
        assertThat(log.eventCount(WORKSPACE)).isEqualTo(i);
        assertThat(log.customer(WORKSPACE, "customer " + i)).isPresent();
      }
    }
  }

  @Test
  @DisplayName("two processes on one file: concurrent writers all land, numbers stay unique")
  void twoWriters() throws Exception {
    try (Database second = Database.open(folder.resolve("events.db"))) {
      EventLog otherProcess = new EventLog(second, WorkspaceSettings.DEFAULTS, CLOCK);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<AppendResult>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        EventLog writer = i % 2 == 0 ? log : otherProcess;
        NewEvent e = event("c-" + i, EventKind.SALE, "Customer " + (i % 7), 100 + i, NOW);
        results.add(pool.submit((Callable<AppendResult>) () -> writer.append(e)));
      }
      for (Future<AppendResult> result : results) {
        assertThat(result.get()).isInstanceOf(AppendResult.Logged.class);
      }
      pool.shutdown();
    }
    assertThat(log.eventCount(WORKSPACE)).isEqualTo(200);
    assertThat(scalar("SELECT COUNT(DISTINCT number) FROM events WHERE workspace_id = 'T1'"))
        .isEqualTo(200);
    assertThat(log.customers(WORKSPACE)).hasSize(7);
  }
}
