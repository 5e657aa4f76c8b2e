package dev.salesmeter.bench;

import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.store.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteDataSource;

/**
 * Writes a generated sales history straight into a fresh database (bulk inserts, not the command
 * path, which would take an hour): 50 reps, 20,000 customers and exactly the asked number of events
 * over the 3 years up to the benchmark's "now". Opportunities run lead → appointment → quote
 * (sometimes revised) → follow-ups → won, lost or still open; existing customers reorder directly;
 * some customers churn explicitly; about 1% of events are voided; managers log costs every week, a
 * team target every month and a target per rep every quarter. Reps differ: some sell many small
 * orders, some few big ones.
 */
final class FigureHistory {
  static final WorkspaceId WORKSPACE = new WorkspaceId("bench");
  static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
  static final Instant NOW = Instant.parse("2026-03-31T15:00:00Z");
  static final int REPS = 50;
  static final int CUSTOMERS = 20_000;

  private static final LocalDate FIRST_DAY = LocalDate.of(2023, 4, 1);
  private static final long DAY = 86_400_000L;

  /** One event before it is numbered: ids follow the time order, as they would when logged. */
  private static final class Row {
    final String kind;
    final int rep;
    final Integer customer;
    final Long opportunity;
    final Long cents;
    final long at;
    final boolean crossSell;
    final Integer marginBp;
    String followupKind;
    Row voided;
    long id;
    LocalDate targetStart;
    LocalDate targetEnd;
    String targetUnit;
    Integer targetRep;

    Row(
        String kind,
        int rep,
        Integer customer,
        Long opportunity,
        Long cents,
        long at,
        boolean crossSell,
        Integer marginBp) {
      this.kind = kind;
      this.rep = rep;
      this.customer = customer;
      this.opportunity = opportunity;
      this.cents = cents;
      this.at = at;
      this.crossSell = crossSell;
      this.marginBp = marginBp;
    }
  }

  private final Random random;
  private final long first;
  private final long now = NOW.toEpochMilli();
  private final List<Row> rows = new ArrayList<>();
  private final List<long[]> opportunities = new ArrayList<>(); // {id, customer, rep}
  private final double[] repSize = new double[REPS + 1];

  private FigureHistory(long seed) {
    random = new Random(seed);
    first = FIRST_DAY.atStartOfDay(ZONE).toInstant().toEpochMilli();
    for (int rep = 1; rep <= REPS; rep++) {
      // Gatherers (small orders) to hunters (big ones).
      repSize[rep] = 0.4 + 2.2 * random.nextDouble();
    }
  }

  /**
   * Fills a fresh database file with {@code events} events, in the schema of migration V1 only:
   * opening it with {@link Database#open} then runs the later migrations, as an upgrade would.
   */
  static void write(Path file, int events, long seed) throws SQLException {
    SQLiteDataSource dataSource = Database.dataSource(file);
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .target("1")
        .load()
        .migrate();
    FigureHistory history = new FigureHistory(seed);
    history.generate(events);
    try (Connection connection = dataSource.getConnection()) {
      history.insert(connection);
    }
  }

  private void generate(int events) {
    managersWork();
    int voids = events / 100;
    while (rows.size() < events - voids) {
      if (random.nextDouble() < 0.62) {
        opportunity();
      } else {
        reorder();
      }
    }
    while (rows.size() > events - voids) {
      rows.remove(rows.size() - 1);
    }
    rows.sort(Comparator.comparingLong(r -> r.at));
    List<Row> voidable = new ArrayList<>(rows);
    for (int i = 0; i < voids; i++) {
      Row target = voidable.remove(random.nextInt(voidable.size()));
      Row voiding = new Row("void", target.rep, null, null, null, target.at + 60_000, false, null);
      voiding.voided = target;
      rows.add(voiding);
    }
    rows.sort(Comparator.comparingLong(r -> r.at));
  }

  /** A local working moment on a day some days after {@code from}. */
  private long later(long from, int minDays, int maxDays) {
    long day = (from - first) / DAY + minDays + random.nextInt(maxDays - minDays + 1);
    return first + day * DAY + (8 * 60 + random.nextInt(10 * 60)) * 60_000L;
  }

  private long anyMoment() {
    return later(first, 0, (int) ((now - first) / DAY) - 1);
  }

  private int customer() {
    // Some customers buy far more often than others: the busiest some 300 times in 3 years.
    return 1 + (int) (CUSTOMERS * Math.pow(random.nextDouble(), 1.5));
  }

  private static int owner(int customer) {
    return 1 + customer % REPS;
  }

  private long amount(int rep) {
    return Math.max(5_000, Math.round(random.nextGaussian() * 40_000 + 150_000 * repSize[rep]));
  }

  private void add(Row row) {
    if (row.at < now) {
      rows.add(row);
    }
  }

  private void opportunity() {
    int customer = customer();
    int rep = random.nextDouble() < 0.85 ? owner(customer) : 1 + random.nextInt(REPS);
    long id = opportunities.size() + 1;
    opportunities.add(new long[] {id, customer, rep});
    long at = anyMoment();
    if (random.nextDouble() < 0.8) {
      add(new Row("lead", rep, customer, id, null, at, false, null));
    }
    if (random.nextDouble() < 0.6) {
      at = later(at, 1, 7);
      add(new Row("appointment", rep, customer, id, null, at, false, null));
    }
    boolean quoted = random.nextDouble() < 0.75;
    long value = amount(rep);
    if (quoted) {
      at = later(at, 1, 10);
      add(new Row("quote", rep, customer, id, value, at, false, null));
      if (random.nextDouble() < 0.25) {
        value = Math.round(value * (0.8 + 0.3 * random.nextDouble()));
        at = later(at, 2, 10);
        add(new Row("quote", rep, customer, id, value, at, false, null));
      }
      // The rep who never chases quotes.
      int followups = rep == 7 ? 0 : random.nextInt(4);
      for (int i = 0; i < followups; i++) {
        at = later(at, 3, 7);
        Row followup = new Row("followup", rep, customer, id, null, at, false, null);
        followup.followupKind = random.nextBoolean() ? "call" : "visit";
        add(followup);
      }
    }
    double outcome = random.nextDouble();
    if (outcome < (quoted ? 0.45 : 0.10)) {
      add(sale(rep, customer, id, later(at, 2, 20), value));
    } else if (outcome < (quoted ? 0.75 : 0.40)) {
      add(new Row("lost", rep, customer, id, null, later(at, 2, 20), false, null));
    }
  }

  private Row sale(int rep, int customer, Long opportunity, long at, long cents) {
    Integer margin = random.nextDouble() < 0.3 ? 1_500 + random.nextInt(2_500) : null;
    return new Row(
        "sale", rep, customer, opportunity, cents, at, random.nextDouble() < 0.2, margin);
  }

  /** A direct sale to a customer, and now and then the customer leaves afterwards. */
  private void reorder() {
    int customer = customer();
    int rep = owner(customer);
    long at = anyMoment();
    add(sale(rep, customer, null, at, amount(rep) / 2));
    if (random.nextDouble() < 0.03) {
      add(new Row("churn", rep, customer, null, null, later(at, 5, 60), false, null));
    }
  }

  private void managersWork() {
    for (long week = first; week < now; week += 7 * DAY) {
      for (int i = 0; i < 3; i++) {
        add(
            new Row(
                "cost",
                1,
                null,
                null,
                50_000L + random.nextInt(500_000),
                later(week, 0, 6),
                false,
                null));
      }
    }
    for (YearMonth month = YearMonth.from(FIRST_DAY);
        !month.atDay(1).isAfter(LocalDate.ofInstant(NOW, ZONE));
        month = month.plusMonths(1)) {
      Row target =
          new Row(
              "target",
              1,
              null,
              null,
              250_000_000L,
              first + ChronoUnit.DAYS.between(FIRST_DAY, month.atDay(1)) * DAY + 3_600_000,
              false,
              null);
      target.targetStart = month.atDay(1);
      target.targetEnd = month.atEndOfMonth();
      target.targetUnit = "MONTH";
      add(target);
      if (month.getMonthValue() % 3 == 1) {
        for (int rep = 1; rep <= REPS; rep++) {
          Row repTarget =
              new Row("target", 1, null, null, 15_000_000L, target.at + rep, false, null);
          repTarget.targetStart = month.atDay(1);
          repTarget.targetEnd = month.plusMonths(2).atEndOfMonth();
          repTarget.targetUnit = "QUARTER";
          repTarget.targetRep = rep;
          add(repTarget);
        }
      }
    }
  }

  private void insert(Connection connection) throws SQLException {
    try (Statement pragma = connection.createStatement()) {
      pragma.execute("PRAGMA synchronous = OFF");
    }
    connection.setAutoCommit(false);
    String ws = WORKSPACE.value();
    WorkspaceSettings settings = WorkspaceSettings.DEFAULTS;
    try (PreparedStatement workspace =
        connection.prepareStatement(
            "INSERT INTO workspaces (id, locale, time_zone, currency, default_margin_bp,"
                + " inactivity_days, stale_quote_days, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0)")) {
      workspace.setString(1, ws);
      workspace.setString(2, settings.locale().toLanguageTag());
      workspace.setString(3, ZONE.getId());
      workspace.setString(4, settings.currency().getCurrencyCode());
      workspace.setInt(5, settings.defaultMargin().basisPoints());
      workspace.setInt(6, settings.inactivityDays());
      workspace.setInt(7, settings.staleQuoteDays());
      workspace.executeUpdate();
    }
    try (PreparedStatement rep =
            connection.prepareStatement(
                "INSERT INTO reps (id, workspace_id, platform_user_id, display_name, name_key,"
                    + " created_at) VALUES (?, ?, ?, ?, ?, 0)");
        PreparedStatement customer =
            connection.prepareStatement(
                "INSERT INTO customers (id, workspace_id, name, name_key, created_at)"
                    + " VALUES (?, ?, ?, ?, 0)");
        PreparedStatement opportunity =
            connection.prepareStatement(
                "INSERT INTO opportunities (id, workspace_id, customer_id, rep_id)"
                    + " VALUES (?, ?, ?, ?)");
        PreparedStatement event =
            connection.prepareStatement(
                "INSERT INTO events (id, workspace_id, number, interaction_id, kind, rep_id,"
                    + " logged_by, customer_id, opportunity_id, amount_cents, occurred_at,"
                    + " local_date, logged_at, cross_sell, margin_bp, followup_kind,"
                    + " voids_event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement target =
            connection.prepareStatement(
                "INSERT INTO targets (event_id, workspace_id, period_start, period_end,"
                    + " period_unit, rep_id) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (int i = 1; i <= REPS; i++) {
        rep.setInt(1, i);
        rep.setString(2, ws);
        rep.setString(3, "U" + i);
        rep.setString(4, "rep" + i);
        rep.setString(5, "rep" + i);
        rep.executeUpdate();
      }
      for (int i = 1; i <= CUSTOMERS; i++) {
        customer.setInt(1, i);
        customer.setString(2, ws);
        customer.setString(3, "Customer " + i);
        customer.setString(4, "customer " + i);
        customer.executeUpdate();
      }
      for (long[] o : opportunities) {
        opportunity.setLong(1, o[0]);
        opportunity.setString(2, ws);
        opportunity.setLong(3, o[1]);
        opportunity.setLong(4, o[2]);
        opportunity.addBatch();
      }
      opportunity.executeBatch();
      long id = 0;
      for (Row row : rows) {
        row.id = ++id;
        event.setLong(1, id);
        event.setString(2, ws);
        event.setLong(3, id);
        event.setString(4, "gen-" + id);
        event.setString(5, row.kind);
        event.setInt(6, row.rep);
        event.setInt(7, row.rep);
        event.setObject(8, row.customer);
        event.setObject(9, row.opportunity);
        event.setObject(10, row.cents);
        event.setLong(11, row.at);
        event.setString(12, LocalDate.ofInstant(Instant.ofEpochMilli(row.at), ZONE).toString());
        event.setLong(13, row.at);
        event.setInt(14, row.crossSell ? 1 : 0);
        event.setObject(15, row.marginBp);
        event.setString(16, row.followupKind);
        event.setObject(17, row.voided == null ? null : row.voided.id);
        event.addBatch();
        if (row.targetStart != null) {
          target.setLong(1, id);
          target.setString(2, ws);
          target.setString(3, row.targetStart.toString());
          target.setString(4, row.targetEnd.toString());
          target.setString(5, row.targetUnit);
          target.setObject(6, row.targetRep);
          target.addBatch();
        }
        if (id % 10_000 == 0) {
          event.executeBatch();
          target.executeBatch();
        }
      }
      event.executeBatch();
      target.executeBatch();
    }
    connection.commit();
  }
}
