package dev.salesmeter.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.salesmeter.chart.ChartLook;
import dev.salesmeter.chart.Png;
import dev.salesmeter.command.Reply;
import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.core.Picture;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.store.Database;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The weekly scorecard (KPIS.md) on hand-built histories. The test's "now" is Tuesday 31 March
 * 2026, so the last full week is week 13 (23–29 March); the 8 weeks before it are weeks 5 to 12.
 */
@ParameterizedClass
@EnumSource(Database.Engine.class)
final class ScorecardTest {
  @Parameter Database.Engine engine;

  @TempDir Path folder;
  TestWorkspace team;

  @AfterEach
  void close() {
    if (team != null) {
      team.close();
    }
  }

  /** Weeks 5, 12 and 13 have steps; weeks 6 to 11 have none. */
  private void history() {
    team = TestWorkspace.english(engine, folder);
    // Long before: Oranje's only sale; its window runs out on 20 April 2026, within 60 days.
    team.log("/sale Oranje 100 date:2025-04-20 @anna");
    // Week 5 (26 Jan–1 Feb), the first week with anything logged: 1 lead, 1 direct sale.
    team.log("/lead Acme date:2026-01-27 @anna");
    team.log("/sale Zuidwind 1000 date:2026-01-28 @bram"); // a new customer
    // Week 12 (16–22 Mar): 1 lead, 2 quotes, 1 sale.
    team.log("/lead Bakkerij Bos date:2026-03-16 @anna");
    team.log("/quote Acme 2000 date:2026-03-17 @anna"); // on Acme's lead
    team.log("/quote Kapsalon Kim 700 date:2026-03-20 @bram"); // never chased: stale by now
    team.log("/sale Zuidwind 500 date:2026-03-18 @bram"); // a repeat sale
    // Week 13 (23–29 Mar).
    team.log("/appointment Bakkerij Bos date:2026-03-23 @anna");
    team.log("/quote Bakkerij Bos 3000 date:2026-03-24 @anna");
    team.log("/sale Acme 2000 date:2026-03-25 @anna"); // wins Acme's quote; a new customer
    team.log("/lost Bakkerij Bos date:2026-03-26 @anna"); // loses its quote
    team.log("/churn Zuidwind date:2026-03-26 @bram");
    team.log("/sale Garage Gans 400 cross-sell date:2026-03-27 @bram"); // a new customer
    team.log("/sale Drukkerij Dekker 999 date:2026-03-28 @bram");
    team.log("/void"); // the Drukkerij's sale does not count
    team.log("/lead Eethuis Eik date:2026-03-29 @bram");
    team.log("/target 10000 march 2026");
  }

  @Test
  @DisplayName("every measure of week 13 against week 12 and the average of weeks 5 to 12")
  void fullScorecard() {
    history();
    Reply reply = team.run("/scorecard");
    assertThat(reply.title()).hasValue("Scorecard — week 13, 2026 (23–29 Mar)");
    assertThat(reply.ephemeral()).isFalse();
    assertThat(reply.text())
        .isEqualTo(
            String.join(
                "\n",
                "Compared with the week before (week 12, 2026) and with the average of the 8"
                    + " weeks before.",
                "",
                "Sales",
                // 2000 + 400 = 2400 against 500: +1900 = +380%. Average (500 + 1000) / 8 =
                // 187.50: 2400 - 187.50 = 2212.50, which is 1180% of 187.50. Every amount was
                // whole euros, so the average and its change are too (half up).
                "Revenue: €2,400 — ▲ €1,900 (+380%) vs the week before, ▲ €2,213 (+1,180%)"
                    + " vs the average of €188",
                // March 1-29: 500 + 2400 = 2900 = 29% of 10000; due 10000 * 29 / 31 = 9354.84;
                // 9354.84 - 2900 = 6454.84 behind, in whole euros.
                "Target March 2026: €2,900 of €10,000 (29%) by 29 Mar 2026; €6,455 behind"
                    + " pace.",
                // 2 against 1; average 2 / 8 = 0.25, shown as 0.3; 2 - 0.25 = 1.75, shown as 1.8
                // (unrounded, then rounded half up).
                "Sales: 2 — ▲ 1 vs the week before, ▲ 1.8 vs the average of 0.3",
                // 2400 / 2 = 1200 against 500 / 1: +700 = +140%; pooled 1500 / 2 = 750:
                // +450 = +60%.
                "Average order value: €1,200 — ▲ €700 (+140%) vs the week before, ▲ €450 (+60%)"
                    + " vs the average of €750",
                "",
                "Funnel",
                // Leads 1 against 1; average 2 / 8 = 0.25 → 0.3; 1 - 0.25 = 0.75 → 0.8.
                "Leads: 1 — = vs the week before, ▲ 0.8 vs the average of 0.3",
                "Appointments: 1 — ▲ 1 vs the week before, ▲ 1 vs the average of 0",
                // Quotes 1 against 2; average 2 / 8 = 0.25 → 0.3; 1 - 0.25 = 0.75 → 0.8.
                "Quotes sent: 1 — ▼ 1 vs the week before, ▲ 0.8 vs the average of 0.3",
                // Acme won, Bakkerij Bos lost: 1 of 2. Nothing was decided in weeks 5 to 12.
                "Quote win rate (won of those decided): 50% (1 of 2) — nothing then vs the week before",
                "",
                "Cross-sell and repeat",
                // Garage Gans: 1 of 2; week 12: 0 of 1; weeks 5-12: 0 of 2.
                "Cross-sell share: 50% (1 of 2) — +50 points vs the week before, +50 points vs"
                    + " the average of 0%",
                // Acme and Garage Gans are new: 0 of 2; week 12: Zuidwind, 1 of 1; weeks 5-12: 1 of
                // 2.
                "Repeat share: 0% (0 of 2) — −100 points vs the week before, −50 points vs the"
                    + " average of 50%",
                "",
                "Customers",
                // Acme and Garage Gans; week 12 none; weeks 5-12: Zuidwind, 1 / 8 = 0.125 → 0.1.
                "New customers: 2 — ▲ 2 vs the week before, ▲ 1.9 vs the average of 0.1",
                "Churned customers: 1 — ▲ 1 vs the week before, ▲ 1 vs the average of 0",
                "Who left: Zuidwind (26 Mar 2026).",
                "",
                "Going well",
                "1. anna €2,000 — ▲ €2,000 (nothing then) vs the week before",
                // bram: 400 against 500, a fall, which "going well" does not list.
                "2. bram €400",
                "",
                "Needs chasing",
                // Now is 31 Mar 17:00; Kapsalon Kim's quote of 20 Mar is older than 7 days.
                "1 stale quote (no quote or follow-up for over 7 days): Kapsalon Kim €700 (bram, since"
                    + " 20 Mar 2026).",
                "1 customer at risk (no sale for almost a year): Oranje (lapses 20 Apr 2026)."));
    // The text says every number: no block of key numbers repeats them.
    assertThat(reply.fields()).isEmpty();
  }

  @Test
  @DisplayName("the picture: four charts and the headline in one PNG under 1600x1200 and 400 kB")
  void picture() {
    history();
    Picture picture = team.run("/scorecard").picture().orElseThrow();
    assertThat(picture.fileName()).isEqualTo("scorecard-2026-W13.png");
    assertThat(picture.png().length).isLessThan(400_000);
    // two columns of 780 pixels; a heading of 96 and two rows of 540
    Png png = Png.of(picture, 1560, 96 + 2 * 540);
    assertThat(png.pixels(ChartLook.BLUE)).isGreaterThan(10_000);
    assertThat(png.pixels(ChartLook.FAINT)).isGreaterThan(5_000);
    assertThat(png.cleanEdges(4)).isTrue();
  }

  @Test
  @DisplayName("the default week is the last full week; a week can be named in either language")
  void namedWeeks() {
    history();
    String lastWeek = team.run("/scorecard").text();
    assertThat(team.run("/scorecard last week").text()).isEqualTo(lastWeek);
    assertThat(team.run("/scorecard 2026-W13").text()).isEqualTo(lastWeek);
    assertThat(team.run("/scorekaart week 13").text()).isEqualTo(lastWeek);
  }

  @Test
  @DisplayName("week 12 averages only weeks 5 to 11, since nothing was logged before week 5")
  void averageStartsAtFirstActivity() {
    history();
    String text = team.run("/scorecard week 12").text();
    // Weeks 11 back to 5 are 7 weeks; week 5 had 1 sale of 1000: 1000 / 7 = 142.857 → €143;
    // 500 - 142.857 = 357.14 → €357, 250% of 142.857.
    assertThat(text)
        .contains("with the average of the 7 weeks before.")
        .contains(
            "Revenue: €500 — ▲ €500 (nothing then) vs the week before, ▲ €357 (+250%) vs the"
                + " average of €143");
  }

  @Test
  @DisplayName("with only one earlier week, the scorecard compares with it and averages nothing")
  void noAverageYet() {
    team = TestWorkspace.english(engine, folder);
    team.run("/sale Acme 300 date:2026-03-18 @anna");
    team.run("/sale Beta 600 date:2026-03-25 @anna");
    String text = team.run("/scorecard").text();
    assertThat(text)
        .startsWith(
            "Compared with the week before (week 12, 2026); there are no earlier weeks to"
                + " average yet.")
        .contains("Revenue: €600 — ▲ €300 (+100%) vs the week before\n");
  }

  @Test
  @DisplayName("an ISO week across new year: Monday 29 December 2025 00:30 is in week 1 of 2026")
  void weekAcrossNewYear() {
    team = TestWorkspace.english(engine, folder);
    team.run("/sale Acme 100 date:2025-12-28T23:30 @anna"); // Sunday: week 52 of 2025
    team.run("/sale Beta 200 date:2025-12-29T00:30 @anna"); // Monday: week 1 of 2026
    team.run("/sale Gamma 400 date:2026-01-04T23:59 @anna"); // Sunday: week 1 of 2026
    Reply reply = team.run("/scorecard 2026-W01");
    assertThat(reply.title()).hasValue("Scorecard — week 1, 2026 (29 Dec 2025–4 Jan 2026)");
    // 200 + 400 against 100.
    assertThat(reply.text()).contains("Revenue: €600 — ▲ €500 (+500%) vs the week before\n");
  }

  @Test
  @DisplayName("a week that is still running says its figures are so far")
  void runningWeek() {
    history();
    assertThat(team.run("/scorecard this week").text())
        .startsWith(
            "Compared with the week before (week 13, 2026) and with the average of the 2 weeks"
                + " before. The week is not over yet: these are the figures so far.");
  }

  @Test
  @DisplayName("a new team's first week: panels with nothing to show say so instead of empty axes")
  void firstWeekPicture() {
    // given a team whose only step so far is one lead in week 13
    team = TestWorkspace.english(engine, folder);
    team.run("/lead Acme date:2026-03-24 @anna");
    ScorecardResult result = new Scorecard(team.figures()).compute(team.query("2026-W13"));
    // when
    List<ScorecardPicture.Panel> panels = ScorecardPicture.panels(result, formats(team));
    // then the lead is drawn; revenue, best reps and shares say there were no sales yet
    assertThat(panels)
        .extracting(ScorecardPicture.Panel::title, ScorecardPicture.Panel::note)
        .containsExactly(
            tuple("Revenue per week", Optional.of("No sales yet in week 13, 2026")),
            tuple("Steps this week", Optional.empty()),
            tuple("Going well", Optional.of("No sales yet in week 13, 2026")),
            tuple("Shares this week", Optional.of("No sales yet in week 13, 2026")));
    assertThat(team.run("/scorecard").picture()).isPresent();
  }

  @Test
  @DisplayName("in Dutch, a quiet week's panels say there was no activity yet")
  void quietWeekPictureInDutch() {
    // given a sale in week 12 and nothing in week 13
    team = TestWorkspace.dutch(engine, folder);
    team.run("/verkoop Acme 300 datum:2026-03-18 @anna");
    ScorecardResult result = new Scorecard(team.figures()).compute(team.query("2026-W13"));
    // when
    List<ScorecardPicture.Panel> panels = ScorecardPicture.panels(result, formats(team));
    // then week 12's revenue is drawn, the week's own panels are notes
    assertThat(panels)
        .extracting(ScorecardPicture.Panel::note)
        .containsExactly(
            Optional.empty(),
            Optional.of("Nog geen activiteit in week 13, 2026"),
            Optional.of("Nog geen verkopen in week 13, 2026"),
            Optional.of("Nog geen verkopen in week 13, 2026"));
  }

  private static Formats formats(TestWorkspace team) {
    return Formats.of(team.query("2026-W13").settings());
  }

  @Test
  @DisplayName("weeks with nothing logged say so in a sentence")
  void nothingLogged() {
    team = TestWorkspace.english(engine, folder);
    Reply reply = team.run("/scorecard");
    assertThat(reply.text())
        .isEqualTo("Nothing was logged in week 13, 2026 or in the 8 weeks before it.");
    assertThat(reply.fields()).isEmpty();
  }

  @Test
  @DisplayName("in Dutch: Dutch words, numbers and money")
  void dutch() {
    team = TestWorkspace.dutch(engine, folder);
    team.run("/verkoop Acme 1.000,50 datum:2026-03-18 @anna");
    team.run("/verkoop Beta 2.000 datum:2026-03-25 @anna kruisverkoop");
    Reply reply = team.run("/scorekaart");
    assertThat(reply.title()).hasValue("Scorekaart — week 13, 2026 (23–29 mrt)");
    assertThat(reply.text())
        // 2000 - 1000.50 = 999.50, which is 99.9% of 1000.50
        .contains("Omzet: € 2.000 — ▲ € 999,50 (+99,9%) t.o.v. de week ervoor\n")
        .contains("Aandeel kruisverkoop: 100% (1 van 1) — +100 procentpunt t.o.v. de week ervoor")
        .contains("Wat goed gaat\n1. anna € 2.000 — ▲ € 999,50 (+99,9%) t.o.v. de week ervoor");
  }

  @Test
  @DisplayName("a period that is not a week, or a week not begun, is refused privately")
  void refused() {
    team = TestWorkspace.english(engine, folder);
    Reply month = team.run("/scorecard march 2026");
    assertThat(month.ephemeral()).isTrue();
    assertThat(month.text()).startsWith("\"march 2026\" is not a week");
    Reply future = team.run("/scorecard 2026-W15");
    assertThat(future.ephemeral()).isTrue();
    assertThat(future.text())
        .startsWith("week 15, 2026 (6–12 Apr) has not started yet: ask for this week");
    assertThat(team.events()).isZero();
  }
}
