package dev.salesmeter.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.salesmeter.command.Reply;
import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.core.Money;
import dev.salesmeter.figure.revenue.RevenueResult;
import dev.salesmeter.store.Database;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** KPIS.md figure 8, on a hand-built history; the arithmetic is in the comments. */
@ParameterizedClass
@EnumSource(Database.Engine.class)
final class RevenueFigureTest {
  @Parameter Database.Engine engine;

  @TempDir Path folder;
  TestWorkspace team;

  @AfterEach
  void close() {
    team.close();
  }

  /** Tuesday 31 March 2026, 17:00 in Amsterdam. */
  private void march() {
    team = TestWorkspace.english(engine, folder);
    team.run("/sale Acme 1000 date:2026-03-02 @anna");
    team.run("/sale Beta 3000 date:2026-03-15 @bram");
    // 00:30 on 1 March in Amsterdam is 23:30 UTC on 28 February: it is March's
    team.run("/sale Gamma 200 date:2026-03-01T00:30 @cathy");
    // 23:30 on 28 February in Amsterdam: February's
    team.run("/sale Delta 100 date:2026-02-28T23:30 @dewi");
    team.run("/sale Acme 500 date:2026-02-10 @anna");
    // a voided sale does not count
    team.run("/sale Epsilon 9999 date:2026-03-20 @bram");
    team.run("/void");
    team.run("/target 8000 march 2026");
  }

  @Test
  @DisplayName("team revenue against target, pace, the month before and the best reps")
  void team() {
    march();
    Reply reply = team.run("/kpi revenue march 2026");
    assertThat(reply.title()).contains("Revenue — March 2026 (1–31 Mar)");
    assertThat(reply.text())
        .isEqualTo(
            // March: 1000 + 3000 + 200 = 4200 from 3 sales (the 9999 was voided)
            "€4,200 from 3 sales.\n"
                // 4200 / 8000 = 52.5%
                + "Target €8,000: 52.5% attained.\n"
                // day 31 of 31: all 8000 due; 8000 - 4200 = 3800 behind
                + "Pace: €8,000 was due by today (day 31 of 31); €3,800 behind.\n"
                // February: 500 + 100 = 600; 4200 - 600 = 3600 = 600% of 600
                + "Against February 2026: ▲ €3,600 (+600%).\n"
                + "By rep: bram €3,000, anna €1,000, cathy €200.");
    assertThat(reply.ephemeral()).isFalse();
    // the text says every number: no block of fields repeats them
    assertThat(reply.fields()).isEmpty();
  }

  @Test
  @DisplayName("one rep, no target of their own; this month is the default period")
  void oneRep() {
    march();
    Reply reply = team.run("/kpi omzet @anna private");
    assertThat(reply.title()).contains("Revenue of anna — March 2026 (1–31 Mar)");
    assertThat(reply.text())
        .isEqualTo(
            "€1,000 from 1 sale.\n"
                + "No target is set for exactly this period (set one with /target).\n"
                // February: 500; 1000 - 500 = 500 = +100%
                + "Against February 2026: ▲ €500 (+100%).");
    assertThat(reply.ephemeral()).isTrue();
  }

  @Test
  @DisplayName("the result holds the exact numbers: totals, reps best first, target, exact pace")
  void result() {
    team = new TestWorkspace(engine, folder, Locale.ENGLISH, LocalDateTime.of(2026, 3, 10, 12, 0));
    team.run("/sale Acme 500 date:2026-03-02 @anna");
    team.run("/sale Beta 700 date:2026-03-03 @bram");
    team.run("/sale Gamma 200 date:2026-03-04 @anna");
    team.run("/sale Delta 300 date:2026-02-04 @anna");
    team.run("/target 1000 this month");
    RevenueResult result = team.figures().revenue().compute(team.query("this month"));
    assertThat(result.totals()).isEqualTo(new RevenueResult.Totals(Money.ofCents(140_000), 3));
    assertThat(result.previous()).isEqualTo(new RevenueResult.Totals(Money.ofCents(30_000), 1));
    // anna 700 (2 sales) and bram 700 (1 sale): equal revenue, so by name
    assertThat(result.reps())
        .extracting(r -> r.rep().displayName(), r -> r.revenue().cents(), r -> r.sales())
        .containsExactly(tuple("anna", 70_000L, 2L), tuple("bram", 70_000L, 1L));
    assertThat(result.target()).contains(Money.ofCents(100_000));
    // 1400 of 1000
    assertThat(result.attained())
        .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("140"));
    // 1000 × 10 / 31 = 322.58064516... euros, unrounded
    RevenueResult.Pace pace = result.pace().orElseThrow();
    assertThat(pace.day()).isEqualTo(10);
    assertThat(pace.days()).isEqualTo(31);
    assertThat(pace.dueCents()).isEqualByComparingTo("32258.06451612903");
    // shown in whole euros, as the target was; 1400 − 322.58 = 1077.42 ahead → €1,077
    assertThat(team.run("/kpi revenue").text())
        .contains("€1,400 from 3 sales.")
        .contains("Pace: €323 was due by today (day 10 of 31); €1,077 ahead.");
    assertThat(team.run("/kpi revenue @bram").text()).startsWith("€700 from 1 sale.\n");
    assertThat(team.figures().revenue().compute(team.query("this month", "bram")).reps()).isEmpty();
  }

  @Test
  @DisplayName("a month with no sales but a target says so plainly and compares; no pace after it")
  void noSalesButTarget() {
    march();
    team.run("/target 5000 april 2026");
    assertThat(team.run("/kpi revenue april 2026").text())
        .isEqualTo(
            "No sales were logged.\n"
                + "Target €5,000: 0% attained.\n"
                + "Against March 2026: ▼ €4,200 (−100%).");
    assertThat(team.run("/kpi revenue april 2026").picture()).isEmpty();
  }

  @Test
  @DisplayName("pace in the middle of the month: the target pro rata by days")
  void paceMidMonth() {
    team = new TestWorkspace(engine, folder, Locale.ENGLISH, LocalDateTime.of(2026, 3, 10, 12, 0));
    team.run("/sale Acme 500 date:2026-03-02 @anna");
    team.run("/target 3100 this month");
    // 3100 × 10 / 31 = 1000 due by day 10; 500 logged: 500 behind
    assertThat(team.run("/kpi revenue").text())
        .contains("Pace: €1,000 was due by today (day 10 of 31); €500 behind.");
  }

  @Test
  @DisplayName("no data says so in a sentence; a bad figure or rep is a clear error")
  void emptyAndErrors() {
    march();
    assertThat(team.run("/kpi revenue 2025").text())
        .isEqualTo("No sales were logged in 2025 (1 Jan–31 Dec), and no target was set for it.");
    assertThat(team.run("/kpi velocity").text())
        .startsWith("\"velocity\" is not a figure. Figures: ")
        .contains("revenue", "conversion");
    assertThat(team.run("/kpi revenue @zoe").text()).startsWith("There is no rep \"zoe\" yet.");
    assertThat(team.run("/kpi revenue next fortnight").text())
        .startsWith("I don't know the period \"next fortnight\"");
    assertThat(team.run("/kpi").text())
        .startsWith("Figures you can ask for")
        .contains("• revenue — revenue against the target");
  }

  @Test
  @DisplayName(
      "day boundaries at local midnight through both DST changes; an ISO week over new year")
  void boundaries() {
    team = new TestWorkspace(engine, folder, Locale.ENGLISH, LocalDateTime.of(2026, 11, 26, 12, 0));
    // 29 March 2026: clocks go forward at 02:00; the day runs 23:00Z (28th) to 22:00Z
    team.run("/sale A 1 date:2026-03-28T23:59"); // the 28th
    team.run("/sale B 10 date:2026-03-29T00:30"); // the 29th (23:30Z on the 28th)
    team.run("/sale C 100 date:2026-03-29T23:59"); // the 29th (21:59Z)
    team.run("/sale D 1000 date:2026-03-30T00:01"); // the 30th
    assertThat(team.run("/kpi revenue 2026-03-29..2026-03-29").text())
        .startsWith("€110 from 2 sales.");
    // 25 October 2026: clocks go back at 03:00; the day runs 22:00Z (24th) to 23:00Z
    team.run("/sale E 1 date:2026-10-24T23:59"); // the 24th
    team.run("/sale F 10 date:2026-10-25T00:30"); // the 25th (22:30Z on the 24th)
    team.run("/sale G 100 date:2026-10-25T23:30"); // the 25th (22:30Z)
    team.run("/sale H 1000 date:2026-10-26T00:10"); // the 26th (23:10Z on the 25th)
    assertThat(team.run("/kpi revenue 2026-10-25..2026-10-25").text())
        .startsWith("€110 from 2 sales.");
    // ISO week 1 of 2026 runs Monday 29 December 2025 to Sunday 4 January 2026
    team.run("/sale I 1 date:2025-12-28T23:59");
    team.run("/sale J 10 date:2025-12-29T00:00");
    team.run("/sale K 100 date:2026-01-04T23:59");
    team.run("/sale L 1000 date:2026-01-05T00:00");
    assertThat(team.run("/kpi revenue 2026-W01").text()).startsWith("€110 from 2 sales.");
  }

  @Test
  @DisplayName("in Dutch: words, money and the period")
  void dutch() {
    team = TestWorkspace.dutch(engine, folder);
    team.run("/verkoop Acme 1.250,50 datum:2026-03-02 @anna");
    Reply reply = team.run("/cijfers omzet maart 2026");
    assertThat(reply.title()).contains("Omzet — maart 2026 (1–31 mrt)");
    assertThat(team.run("/cijfers").text()).contains("• omzet — omzet tegenover het doel");
    assertThat(team.run("/cijfers snelheid").text())
        .startsWith("\"snelheid\" is geen cijfer. Cijfers: ")
        .contains("conversie", "omzet", "ranglijst");
    assertThat(reply.text())
        .isEqualTo(
            "€ 1.250,50 uit 1 verkoop.\n"
                + "Er is geen doel voor precies deze periode (stel er een in met /doel).\n"
                + "Tegenover februari 2026: ▲ € 1.250,50 (toen niets).\n"
                + "Per verkoper: anna € 1.250,50.");
    // a day is named once, "on" it; no sale and no target: nothing else to say
    assertThat(team.run("/cijfers omzet vandaag").text())
        .isEqualTo(
            "Er zijn geen verkopen vastgelegd op 31 mrt 2026, en er is geen doel voor gesteld.");
  }
}
