package dev.salesmeter.app;

import dev.salesmeter.console.Console;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.store.EventLog;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A realistic 18-month sales history for a fresh console workspace, so a new user sees real figures
 * at once. It is typed through the console exactly as users would type it, so it obeys every rule
 * of the command language and the opportunity rules. Reps differ on purpose: a gatherer with many
 * small orders, a hunter with few big ones, a rep who never chases quotes, and one who joined six
 * months ago. The same seed gives the same history.
 */
public final class DemoHistory {
  private static final long SEED = 20_260_326L;
  private static final int MONTHS = 18;

  private record RepProfile(
      String name,
      double leadsPerWeek,
      int dealSize,
      double closeRate,
      double followUpRate,
      int monthsActive) {}

  private static final List<RepProfile> REPS =
      List.of(
          new RepProfile("anna", 2.6, 1_400, 0.55, 0.8, MONTHS),
          new RepProfile("bram", 0.7, 14_000, 0.45, 0.9, MONTHS),
          new RepProfile("carlos", 1.5, 4_000, 0.40, 0.7, MONTHS),
          new RepProfile("dewi", 1.7, 3_600, 0.60, 0.85, MONTHS),
          new RepProfile("eva", 1.2, 6_500, 0.42, 0.7, MONTHS),
          new RepProfile("finn", 1.5, 3_000, 0.35, 0.6, 6),
          new RepProfile("gijs", 1.4, 4_800, 0.30, 0.15, MONTHS),
          new RepProfile("hanna", 1.6, 5_200, 0.48, 0.75, MONTHS));

  private static final List<String> TRADES =
      List.of(
          "Bakkerij",
          "Garage",
          "Café",
          "Hotel",
          "Studio",
          "Drukkerij",
          "Installatiebedrijf",
          "Kapsalon",
          "Restaurant",
          "Bouwbedrijf",
          "Tandartspraktijk",
          "Fietsenwinkel",
          "Bloemisterij",
          "Advocatenkantoor",
          "Slagerij",
          "Brillenzaak",
          "Schildersbedrijf",
          "Dierenkliniek",
          "Boekhandel",
          "Hoveniersbedrijf",
          "Transportbedrijf",
          "Sportschool",
          "Wijnhandel",
          "Reisbureau");
  private static final List<String> FAMILIES =
      List.of(
          "Jansen",
          "de Vries",
          "van Dijk",
          "Bakker",
          "Visser",
          "Smit",
          "Meijer",
          "de Boer",
          "Mulder",
          "de Groot",
          "Bos",
          "Vos",
          "Peters",
          "Hendriks",
          "van Leeuwen",
          "Dekker",
          "Brouwer",
          "de Wit",
          "Dijkstra",
          "Smits",
          "de Graaf",
          "van der Meer",
          "Kok",
          "Jacobs",
          "de Haan",
          "Vermeulen",
          "van den Berg",
          "van der Heijden",
          "Schouten",
          "Willems",
          "Hoekstra",
          "Koster",
          "Prins",
          "Kuipers",
          "Postma",
          "Huisman",
          "Timmermans",
          "Verhoeven",
          "Sanders",
          "Wolters");
  private static final List<String> SOURCES = List.of("web", "phone", "referral", "fair", "ads");
  private static final List<String> LOST_REASONS =
      List.of("price", "competitor", "timing", "no-budget");
  private static final List<String> CHURN_REASONS =
      List.of("moved", "price", "closed-down", "competitor");

  private record Line(LocalDateTime at, int order, String text) {}

  private DemoHistory() {}

  /** Types the history into an empty console workspace and says what it did. */
  public static String fill(
      Console console, EventLog log, WorkspaceSettings settings, Clock clock) {
    long before = log.eventCount(Console.WORKSPACE);
    if (before > 0) {
      return "Demo: the workspace already holds " + before + " events; no demo history added.";
    }
    LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), settings.zone());
    List<Line> lines = plan(now);
    lines.sort(Comparator.comparing(Line::at).thenComparing(Line::order));
    List<String> refused = new ArrayList<>();
    long count = before;
    for (Line line : lines) {
      String reply = console.run(line.text()).map(r -> r.text()).orElse("");
      long after = log.eventCount(Console.WORKSPACE);
      if (after == count) {
        refused.add(line.text() + " → " + reply);
      }
      count = after;
    }
    String summary =
        "Demo: "
            + (count - before)
            + " events over "
            + MONTHS
            + " months, "
            + REPS.size()
            + " reps. Try /help.";
    return refused.isEmpty()
        ? summary
        : summary
            + " Refused "
            + refused.size()
            + ": "
            + refused.subList(0, Math.min(3, refused.size()));
  }

  private static List<Line> plan(LocalDateTime now) {
    Random random = new Random(SEED);
    List<Line> lines = new ArrayList<>();
    LocalDate start = now.toLocalDate().minusMonths(MONTHS).with(DayOfWeek.MONDAY);
    int customerNumber = 0;
    for (LocalDate week = start; week.isBefore(now.toLocalDate()); week = week.plusWeeks(1)) {
      for (RepProfile rep : REPS) {
        if (week.isBefore(now.toLocalDate().minusMonths(rep.monthsActive()))) {
          continue;
        }
        int leads = poisson(random, rep.leadsPerWeek());
        for (int i = 0; i < leads; i++) {
          String customer = customerName(customerNumber++);
          LocalDateTime leadAt = workingTime(random, week.plusDays(random.nextInt(5)));
          opportunity(random, lines, rep, customer, leadAt, now);
        }
      }
      monthlyCosts(random, lines, week, now);
    }
    targets(lines, start, now);
    return lines;
  }

  private static void opportunity(
      Random random,
      List<Line> lines,
      RepProfile rep,
      String customer,
      LocalDateTime leadAt,
      LocalDateTime now) {
    String who = "@" + rep.name() + " ";
    add(
        lines,
        now,
        leadAt,
        who
            + "/lead "
            + quoted(customer)
            + " source:"
            + pick(random, SOURCES)
            + date(leadAt)
            + " new");
    if (random.nextDouble() > 0.7) {
      return;
    }
    LocalDateTime appointmentAt =
        workingTime(random, leadAt.toLocalDate().plusDays(1 + random.nextInt(6)));
    add(lines, now, appointmentAt, who + "/appointment " + quoted(customer) + date(appointmentAt));
    if (random.nextDouble() > 0.75) {
      return;
    }
    int quote = roundTo(rep.dealSize() * (0.5 + random.nextDouble()), 50);
    LocalDateTime quoteAt =
        workingTime(random, appointmentAt.toLocalDate().plusDays(1 + random.nextInt(8)));
    add(lines, now, quoteAt, who + "/quote " + quoted(customer) + " " + quote + date(quoteAt));
    LocalDateTime last = quoteAt;
    if (random.nextDouble() < rep.followUpRate()) {
      last = workingTime(random, quoteAt.toLocalDate().plusDays(3 + random.nextInt(6)));
      add(
          lines,
          now,
          last,
          who
              + "/followup "
              + quoted(customer)
              + (random.nextDouble() < 0.3 ? " visit" : " call")
              + date(last));
    }
    double outcome = random.nextDouble();
    LocalDateTime closeAt =
        workingTime(random, last.toLocalDate().plusDays(2 + random.nextInt(20)));
    if (outcome < rep.closeRate() * (last == quoteAt ? 0.6 : 1.0)) {
      int amount = roundTo(quote * (0.9 + random.nextDouble() * 0.15), 10);
      boolean typo = random.nextDouble() < 0.02;
      if (typo) {
        add(
            lines,
            now,
            closeAt,
            who + "/sale " + quoted(customer) + " " + amount * 10 + date(closeAt));
        add(lines, now, closeAt, who + "/void");
      }
      String margin = random.nextDouble() < 0.3 ? " margin:" + (18 + random.nextInt(20)) : "";
      add(
          lines,
          now,
          closeAt,
          who + "/sale " + quoted(customer) + " " + amount + margin + date(closeAt));
      afterSale(random, lines, rep, customer, closeAt, amount, now);
    } else if (outcome < rep.closeRate() + 0.3) {
      add(
          lines,
          now,
          closeAt,
          who
              + "/lost "
              + quoted(customer)
              + " reason:"
              + pick(random, LOST_REASONS)
              + date(closeAt));
    }
  }

  /** Repeat orders (some with cross-sell) until the customer leaves, openly or silently. */
  private static void afterSale(
      Random random,
      List<Line> lines,
      RepProfile rep,
      String customer,
      LocalDateTime soldAt,
      int amount,
      LocalDateTime now) {
    String who = "@" + rep.name() + " ";
    LocalDateTime month = soldAt;
    for (int i = 1; i <= MONTHS; i++) {
      month = month.plusMonths(1);
      if (month.isAfter(now)) {
        return;
      }
      double roll = random.nextDouble();
      if (i >= 6 && roll < 0.02) {
        LocalDateTime at = workingTime(random, month.toLocalDate());
        add(
            lines,
            now,
            at,
            who
                + "/churn "
                + quoted(customer)
                + " reason:"
                + pick(random, CHURN_REASONS)
                + date(at));
        return;
      }
      if (roll < 0.11) {
        LocalDateTime at = workingTime(random, month.toLocalDate());
        boolean crossSell = random.nextDouble() < 0.35;
        int repeat = roundTo(amount * (0.3 + random.nextDouble() * 0.6), 10);
        add(
            lines,
            now,
            at,
            who
                + "/sale "
                + quoted(customer)
                + " "
                + repeat
                + (crossSell ? " cross-sell" : "")
                + date(at));
      }
    }
  }

  /** Online ads every month, a trade fair every quarter, on the first of the month. */
  private static void monthlyCosts(
      Random random, List<Line> lines, LocalDate monday, LocalDateTime now) {
    if (monday.getDayOfMonth() > 7) {
      return; // the first of this month fell in an earlier week
    }
    LocalDateTime at = monday.withDayOfMonth(1).atTime(9, 0);
    add(
        lines,
        now,
        at,
        "/cost \"Online ads\" " + roundTo(1_200 + random.nextInt(1_400), 50) + date(at));
    if (at.getMonthValue() % 3 == 0) {
      LocalDateTime fair = at.plusHours(1);
      add(
          lines,
          now,
          fair,
          "/cost \"Trade fair\" " + roundTo(4_000 + random.nextInt(3_000), 100) + date(fair));
    }
  }

  private static void targets(List<Line> lines, LocalDate start, LocalDateTime now) {
    LocalDate today = now.toLocalDate();
    for (LocalDate q = start.withDayOfMonth(1); !q.isAfter(today); q = q.plusMonths(3)) {
      Period quarter = Period.quarter(q.getYear(), q.get(IsoFields.QUARTER_OF_YEAR));
      String name = "Q" + q.get(IsoFields.QUARTER_OF_YEAR) + " " + q.getYear();
      add(lines, now, now, "/target 200k " + name);
      if (quarter.contains(today)) {
        for (RepProfile rep : REPS) {
          add(
              lines,
              now,
              now,
              "/target "
                  + roundTo(rep.leadsPerWeek() * rep.dealSize() * rep.closeRate() * 0.45 * 13, 1000)
                  + " "
                  + name
                  + " @"
                  + rep.name());
        }
      }
    }
  }

  private static void add(List<Line> lines, LocalDateTime now, LocalDateTime at, String text) {
    if (!at.isAfter(now)) {
      lines.add(new Line(at, lines.size(), text));
    }
  }

  private static String customerName(int number) {
    String trade = TRADES.get(number % TRADES.size());
    String family = FAMILIES.get((number / TRADES.size()) % FAMILIES.size());
    int round = number / (TRADES.size() * FAMILIES.size());
    return round == 0 ? trade + " " + family : trade + " " + family + " " + (round + 1);
  }

  private static LocalDateTime workingTime(Random random, LocalDate day) {
    LocalDate weekday = day;
    while (weekday.getDayOfWeek() == DayOfWeek.SATURDAY
        || weekday.getDayOfWeek() == DayOfWeek.SUNDAY) {
      weekday = weekday.plusDays(1);
    }
    return weekday.atTime(LocalTime.of(8 + random.nextInt(9), random.nextInt(4) * 15));
  }

  private static String date(LocalDateTime at) {
    return " date:" + at.truncatedTo(ChronoUnit.MINUTES);
  }

  private static String quoted(String name) {
    return "\"" + name + "\"";
  }

  private static <T> T pick(Random random, List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  private static int roundTo(double value, int step) {
    return Math.max(step, (int) Math.round(value / step) * step);
  }

  private static int poisson(Random random, double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }
    return count;
  }
}
