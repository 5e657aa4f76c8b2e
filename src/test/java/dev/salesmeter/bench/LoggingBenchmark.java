package dev.salesmeter.bench;

import dev.salesmeter.command.CommandInput;
import dev.salesmeter.command.CommandRegistry;
import dev.salesmeter.command.Commands;
import dev.salesmeter.core.Actor;
import dev.salesmeter.core.CustomerName;
import dev.salesmeter.core.Platform;
import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.store.Database;
import dev.salesmeter.store.EventLog;
import dev.salesmeter.store.RepRoster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Logs 100,000 commands (a realistic mix of kinds, reps and customers) through the full command
 * path (parsing, customer matching, opportunity look-up, insert, reply) into a fresh SQLite file,
 * and the same statements bare through JDBC into another fresh file, with the same durability
 * settings, in the same run. Prints p50/p99 latency, throughput and the ratios.
 *
 * <p>Run: {@code mvn -Pbench test-compile exec:exec} (optionally {@code -Dbench.args=20000}).
 */
public final class LoggingBenchmark {
  private static final WorkspaceId WORKSPACE = new WorkspaceId("bench");
  private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
  private static final Instant NOW = Instant.parse("2026-03-31T15:00:00Z");
  private static final int REPS = 50;
  private static final String[] KINDS = {
    "lead", "appointment", "quote", "followup", "sale", "lost", "churn", "void"
  };
  private static final String[] ONSETS =
      "b br d dr f fl g gr h j k kl kr l m n p pr r s st str sch t tr v w z".split(" ");
  private static final String[] VOWELS = "a e i o u aa ee oo ui ij ei ou".split(" ");
  private static final String[] CODAS = "_ _ _ n m r s k t l rt nd ng ks ls".split(" ");

  /** One generated command: its text for the full path, its parts for the bare path. */
  public record Op(
      String kind, String rep, String customer, long cents, boolean storesSomething, String line) {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path folder = Files.createTempDirectory("salesmeter-bench");
    System.out.printf(
        "Salesmeter logging benchmark: %,d commands, %d reps, Java %s, %s%n",
        count, REPS, System.getProperty("java.version"), folder);
    // On two cores the JIT compiler competes with the measured thread: warm both paths well first.
    List<Op> warmup = workload(Integer.getInteger("bench.warmup", 50_000), 7);
    List<Op> ops = workload(count, 42);
    long customers = ops.stream().map(Op::customer).filter(c -> !c.isEmpty()).distinct().count();
    System.out.printf("workload: %,d distinct customers; %s%n", customers, mix(ops));

    interleaved(folder, "warmup", warmup);
    long[][] measured = interleaved(folder, "run", ops);

    System.out.printf("%-12s %10s %10s%n", "p50 by kind", "full ms", "bare ms");
    for (String kind : KINDS) {
      int[] ofKind =
          IntStream.range(0, ops.size()).filter(i -> ops.get(i).kind().equals(kind)).toArray();
      System.out.printf(
          "%-12s %10.3f %10.3f%n",
          kind,
          Stats.of(Arrays.stream(ofKind).mapToLong(i -> measured[0][i]).toArray()).p50(),
          Stats.of(Arrays.stream(ofKind).mapToLong(i -> measured[1][i]).toArray()).p50());
    }
    Stats f = Stats.of(measured[0]);
    Stats b = Stats.of(measured[1]);
    System.out.printf(
        "%-28s %9s %9s %9s %9s %12s%n", "", "p50 ms", "p90 ms", "p99 ms", "max ms", "commands/s");
    f.print("full command path");
    b.print("bare JDBC, same statements");
    System.out.printf(
        "ratio full/bare: p50 %.2fx, p99 %.2fx, throughput %.2fx%n",
        f.p50() / b.p50(), f.p99() / b.p99(), b.throughput() / f.throughput());
    System.out.printf(
        "targets: p99 < 2 ms per logged command: %s; full path within 1.5x of bare (p50 and p99): %s%n",
        f.p99() < 2.0 ? "met" : "NOT met",
        f.p50() / b.p50() <= 1.5 && f.p99() / b.p99() <= 1.5 ? "met" : "NOT met");
  }

  /**
   * Runs the workload through both paths, each into its own fresh file, in alternating blocks of
   * 1,000 commands, so that both meet the same disk and machine conditions.
   *
   * @return the latency of each command, full path first, bare second
   */
  private static long[][] interleaved(Path folder, String name, List<Op> ops) throws SQLException {
    long[] full = new long[ops.size()];
    long[] bare = new long[ops.size()];
    Path barePath = folder.resolve(name + "-bare.db");
    // The bare file stays open as a Database too: its background checkpoints copy the WAL back,
    // as they do for the full path's file.
    try (Database bareFile = Database.open(barePath);
        Database database = Database.open(folder.resolve(name + "-full.db"));
        Connection connection = Database.dataSource(barePath).getConnection()) {
      new EventLog(bareFile, WorkspaceSettings.DEFAULTS, Clock.fixed(NOW, ZONE))
          .settings(WORKSPACE);
      Clock clock = Clock.fixed(NOW, ZONE);
      EventLog log = new EventLog(database, WorkspaceSettings.DEFAULTS, clock);
      Commands commands =
          new Commands(
              new CommandRegistry(CommandRegistry.loggingCommands(log)),
              log,
              new RepRoster(database),
              clock);
      Bare statements = new Bare(connection);
      int block = 1_000;
      for (int from = 0; from < ops.size(); from += block) {
        int to = Math.min(ops.size(), from + block);
        for (int i = from; i < to; i++) {
          full[i] = fullPath(commands, ops.get(i), i);
        }
        for (int i = from; i < to; i++) {
          bare[i] = barePath(connection, statements, ops.get(i), i);
        }
      }
      long stored = log.eventCount(WORKSPACE);
      long expected = ops.stream().filter(Op::storesSomething).count();
      if (stored != expected) {
        System.out.printf(
            "note (%s): the full path stored %,d events where the workload expected %,d"
                + " (refused as a user would see: 'did you mean' for generated names that happen to"
                + " be close, and a second churn of a customer who already left)%n",
            name, stored, expected);
      }
    }
    return new long[][] {full, bare};
  }

  private static long fullPath(Commands commands, Op op, int i) {
    String line = op.line();
    int space = line.indexOf(' ');
    CommandInput input =
        new CommandInput(
            Platform.SLACK,
            WORKSPACE,
            new Actor(op.rep(), op.rep(), false),
            "C1",
            "bench-" + i,
            line.substring(0, space),
            line.substring(space + 1));
    long start = System.nanoTime();
    commands.handle(input);
    return System.nanoTime() - start;
  }

  /** The statements the full path runs for one command, prepared once, on one connection. */
  private static long barePath(Connection c, Bare bare, Op op, int i) throws SQLException {
    long start = System.nanoTime();
    // One transaction per command, and autocommit between commands, so that (as in the full
    // path) no write lock is held while idle and another process can write.
    c.setAutoCommit(false);
    bare.run(op, "bench-" + i);
    c.commit();
    c.setAutoCommit(true);
    return System.nanoTime() - start;
  }

  /** Plain JDBC running the statements EventLog.append and appendVoid run, prepared once. */
  private static final class Bare {
    final PreparedStatement rep;
    final PreparedStatement insertRep;
    final PreparedStatement customer;
    final PreparedStatement insertCustomer;
    final PreparedStatement openOpportunity;
    final PreparedStatement insertOpportunity;
    final PreparedStatement insertEvent;
    final PreparedStatement lastEvent;
    final PreparedStatement customersAfter;
    final PreparedStatement activeSpell;
    long customersSeen;

    Bare(Connection c) throws SQLException {
      rep =
          c.prepareStatement(
              "SELECT id, platform_user_id, display_name FROM reps"
                  + " WHERE workspace_id = ? AND platform_user_id = ?");
      insertRep =
          c.prepareStatement(
              "INSERT INTO reps (workspace_id, platform_user_id, display_name, name_key,"
                  + " created_at) VALUES (?, ?, ?, ?, 0) RETURNING id");
      customer =
          c.prepareStatement(
              "SELECT id, name FROM customers WHERE workspace_id = ? AND name_key = ?");
      insertCustomer =
          c.prepareStatement(
              "INSERT INTO customers (workspace_id, name, name_key, created_at)"
                  + " VALUES (?, ?, ?, 0) RETURNING id");
      openOpportunity =
          c.prepareStatement(
              """
              SELECT id FROM (
                SELECT o.id,
                       (SELECT MIN(e.occurred_at) FROM live_events e WHERE e.opportunity_id = o.id)
                         AS opened_at,
                       EXISTS (SELECT 1 FROM live_events e
                               WHERE e.opportunity_id = o.id AND e.kind IN ('sale', 'lost')) AS closed
                FROM opportunities o
                WHERE o.workspace_id = ? AND o.customer_id = ?
                  AND NOT EXISTS (SELECT 1 FROM live_events e
                                  WHERE e.opportunity_id = o.id AND e.kind IN ('sale', 'lost')
                                    AND e.occurred_at <= ?))
              WHERE opened_at <= ? OR (opened_at IS NOT NULL AND NOT closed)
              ORDER BY opened_at <= ? DESC, opened_at DESC, id DESC
              LIMIT 1""");
      insertOpportunity =
          c.prepareStatement(
              "INSERT INTO opportunities (workspace_id, customer_id, rep_id)"
                  + " VALUES (?, ?, ?) RETURNING id");
      insertEvent =
          c.prepareStatement(
              """
              INSERT INTO events (workspace_id, number, interaction_id, kind, rep_id, logged_by,
                  customer_id, opportunity_id, amount_cents, occurred_at, local_date, logged_at,
                  cross_sell, margin_bp, source, reason, followup_kind, products, label,
                  voids_event_id)
              VALUES (?, (SELECT COALESCE(MAX(number), 0) + 1 FROM events WHERE workspace_id = ?),
                  ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL, NULL, NULL, NULL, NULL, NULL, ?)
              RETURNING id, number""");
      customersAfter =
          c.prepareStatement(
              "SELECT id, name FROM customers WHERE workspace_id = ? AND id > ? ORDER BY id");
      activeSpell =
          c.prepareStatement(
              """
              SELECT EXISTS (
                SELECT 1 FROM live_events s
                WHERE s.workspace_id = ? AND s.customer_id = ? AND s.kind = 'sale'
                  AND s.occurred_at <= ?
                  AND NOT EXISTS (SELECT 1 FROM live_events c
                                  WHERE c.workspace_id = ? AND c.customer_id = ?
                                    AND c.kind = 'churn' AND c.occurred_at <= ?
                                    AND (c.occurred_at, c.id) >= (s.occurred_at, s.id)))""");
      lastEvent =
          c.prepareStatement(
              """
              SELECT e.id FROM events e WHERE e.workspace_id = ? AND e.logged_by = ?
                AND e.kind <> 'void'
                AND NOT EXISTS (SELECT 1 FROM events v WHERE v.voids_event_id = e.id)
              ORDER BY e.id DESC LIMIT 1""");
    }

    void run(Op op, String interaction) throws SQLException {
      String ws = WORKSPACE.value();
      long repId = repId(ws, op.rep());
      if (op.kind().equals("void")) {
        long target = id(lastEvent, ws, repId);
        insert(ws, interaction, "void", repId, null, null, 0, target);
        return;
      }
      long customerId = id(customer, ws, CustomerName.key(op.customer()));
      if (customerId < 0) {
        // the names added since the last new one, for "did you mean"
        bind(customersAfter, ws, customersSeen);
        try (ResultSet added = customersAfter.executeQuery()) {
          while (added.next()) {
            customersSeen = added.getLong(1);
            added.getString(2);
          }
        }
      }
      if (!op.storesSomething()) {
        return; // a typo answered with "did you mean"
      }
      long now = NOW.toEpochMilli();
      if (op.kind().equals("churn")) {
        id(activeSpell, ws, customerId, now, ws, customerId, now);
      }
      if (customerId < 0) {
        customerId =
            insertAndGetId(insertCustomer, ws, op.customer(), CustomerName.key(op.customer()));
      }
      long open = id(openOpportunity, ws, customerId, now, now, now);
      Long opportunity = open < 0 ? null : open;
      boolean opens =
          op.kind().equals("lead")
              || (open < 0 && (op.kind().equals("quote") || op.kind().equals("appointment")));
      if (opens) {
        opportunity = insertAndGetId(insertOpportunity, ws, customerId, repId);
      }
      if (op.kind().equals("churn")) {
        opportunity = null;
      }
      // As in the full path, the unique interaction id (not a look-up) refuses a repeat.
      insert(ws, interaction, op.kind(), repId, customerId, opportunity, op.cents(), null);
    }

    private void insert(
        String ws,
        String interaction,
        String kind,
        long repId,
        Long customerId,
        Long opportunity,
        long cents,
        Long voids)
        throws SQLException {
      consume(
          insertEvent,
          ws,
          ws,
          interaction,
          kind,
          repId,
          repId,
          customerId,
          opportunity,
          cents > 0 ? cents : null,
          NOW.toEpochMilli(),
          LocalDate.ofInstant(NOW, ZONE).toString(),
          NOW.toEpochMilli(),
          voids);
    }

    private long repId(String ws, String name) throws SQLException {
      long id = id(rep, ws, name);
      return id >= 0 ? id : insertAndGetId(insertRep, ws, name, name, name);
    }

    private static void bind(PreparedStatement s, Object... values) throws SQLException {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
    }

    /** The first column of the first row, reading every column as the full path maps them. */
    private static long id(PreparedStatement s, Object... values) throws SQLException {
      bind(s, values);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return -1;
        }
        for (int i = 2; i <= rs.getMetaData().getColumnCount(); i++) {
          rs.getObject(i);
        }
        return rs.getLong(1);
      }
    }

    private static void consume(PreparedStatement s, Object... values) throws SQLException {
      bind(s, values);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            rs.getObject(i);
          }
        }
      }
    }

    private static long insertAndGetId(PreparedStatement s, Object... values) throws SQLException {
      return id(s, values);
    }
  }

  /** A reproducible mix: leads for new customers, the steps after them, repeat orders, churn. */
  public static List<Op> workload(int count, long seed) {
    Random random = new Random(seed);
    List<String> open = new ArrayList<>();
    List<String> won = new ArrayList<>();
    List<String> openRep = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    List<Op> ops = new ArrayList<>(count);
    while (ops.size() < count) {
      String rep = String.format(Locale.ROOT, "rep%02d", 1 + random.nextInt(REPS));
      double roll = random.nextDouble();
      long cents = (100 + random.nextInt(20_000)) * 100L;
      String date = random.nextDouble() < 0.1 ? " date:yesterday" : "";
      boolean needsWon = roll >= 0.91;
      if (roll < 0.18 || open.size() < 2 || (needsWon && won.isEmpty())) {
        String name = newName(random, keys);
        open.add(name);
        openRep.add(rep);
        ops.add(new Op("lead", rep, name, 0, true, "lead " + name + " source:web" + date));
      } else if (roll < 0.30) {
        String name = pick(random, open);
        ops.add(new Op("appointment", rep, name, 0, true, "appointment " + name + date));
      } else if (roll < 0.44) {
        String name = random.nextDouble() < 0.8 ? pick(random, open) : newName(random, keys);
        ops.add(
            new Op("quote", rep, name, cents, true, "quote " + name + " " + cents / 100 + date));
      } else if (roll < 0.54) {
        String name = pick(random, open);
        ops.add(
            new Op(
                "followup",
                rep,
                name,
                0,
                true,
                "followup " + name + (random.nextBoolean() ? " visit" : "")));
      } else if (roll < 0.84) {
        boolean fromOpen = won.isEmpty() || random.nextBoolean();
        String name = fromOpen ? removeRandom(random, open) : pick(random, won);
        won.add(name);
        String extra = !fromOpen && random.nextDouble() < 0.3 ? " cross-sell" : "";
        ops.add(
            new Op(
                "sale", rep, name, cents, true, "sale " + name + " " + cents / 100 + extra + date));
        if (random.nextDouble() < 0.03 && ops.size() < count) {
          ops.add(new Op("void", rep, "", 0, true, "void "));
        }
      } else if (roll < 0.91) {
        String name = removeRandom(random, open);
        ops.add(new Op("lost", rep, name, 0, true, "lost " + name + " reason:price"));
      } else if (roll < 0.93) {
        String name = pick(random, won);
        ops.add(new Op("churn", rep, name, 0, true, "churn " + name));
      } else if (roll < 0.94) {
        String name = typo(pick(random, won));
        boolean stores = keys.contains(CustomerName.key(name));
        ops.add(new Op("sale", rep, name, cents, stores, "sale " + name + " " + cents / 100));
      } else {
        String name = pick(random, won);
        ops.add(new Op("sale", rep, name, cents, true, "sale " + name + " " + cents / 100 + date));
      }
    }
    return ops;
  }

  private static String newName(Random random, Set<String> keys) {
    while (true) {
      StringBuilder name = new StringBuilder();
      int words = 1 + random.nextInt(3);
      for (int w = 0; w < words; w++) {
        if (w > 0) {
          name.append(' ');
        }
        int syllables = 2 + random.nextInt(2);
        for (int s = 0; s < syllables; s++) {
          String syllable =
              (ONSETS[random.nextInt(ONSETS.length)]
                      + VOWELS[random.nextInt(VOWELS.length)]
                      + CODAS[random.nextInt(CODAS.length)])
                  .replace("_", "");
          name.append(
              s == 0
                  ? syllable.substring(0, 1).toUpperCase(Locale.ROOT) + syllable.substring(1)
                  : syllable);
        }
      }
      if (random.nextDouble() < 0.2) {
        name.append(" B.V.");
      }
      if (keys.add(CustomerName.key(name.toString()))) {
        return name.toString();
      }
    }
  }

  private static String typo(String name) {
    char[] chars = name.toCharArray();
    int at = chars.length / 2;
    chars[at] = chars[at] == 'x' ? 'y' : 'x';
    return new String(chars);
  }

  private static String pick(Random random, List<String> from) {
    return from.get(random.nextInt(from.size()));
  }

  private static String removeRandom(Random random, List<String> from) {
    int i = random.nextInt(from.size());
    String last = from.remove(from.size() - 1);
    return i == from.size() ? last : from.set(i, last);
  }

  private static String mix(List<Op> ops) {
    return Arrays.stream(KINDS)
        .map(
            kind ->
                kind
                    + " "
                    + Math.round(
                        100.0
                            * ops.stream().filter(o -> o.kind().equals(kind)).count()
                            / ops.size())
                    + "%")
        .reduce((a, b) -> a + ", " + b)
        .orElse("");
  }
}
