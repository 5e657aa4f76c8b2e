package dev.salesmeter.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.core.Money;
import dev.salesmeter.figure.quotes.QuotesFigure.RepStaleQuotes;
import dev.salesmeter.figure.quotes.QuotesFigure.StaleQuote;
import dev.salesmeter.figure.quotes.QuotesResult;
import dev.salesmeter.figure.quotes.QuotesResult.Cohort;
import dev.salesmeter.store.Database;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** KPIS.md figure 2 on a hand-built history (31 March 2026 17:00; stale after 7 days). */
@ParameterizedClass
@EnumSource(Database.Engine.class)
final class QuotesFigureTest {
  @Parameter Database.Engine engine;

  @TempDir Path folder;
  TestWorkspace team;

  @BeforeEach
  void history() {
    team = TestWorkspace.english(engine, folder);
    // Echo: first quoted in February, revised in March: February's cohort; last touched 20 March
    team.run("/quote Echo 400 date:2026-02-10 @bram");
    team.run("/quote Echo 450 date:2026-03-20 @bram");
    // Alpha: quoted 1000, revised to 1200, won
    team.run("/quote Alpha 1000 date:2026-03-02 @anna");
    team.run("/quote Alpha 1200 date:2026-03-04 @anna");
    team.run("/sale Alpha 1200 date:2026-03-10 @anna");
    // Bravo: lost
    team.run("/quote Bravo 800 date:2026-03-03 @anna");
    team.run("/lost Bravo date:2026-03-12 @anna");
    // Charlie: open, never chased since 5 March
    team.run("/quote Charlie 500 date:2026-03-05 @anna");
    // Delta: open, quoted 28 March (3 days ago)
    team.run("/quote Delta 300 date:2026-03-28 @anna");
    // Foxtrot: open, followed up 27 March (4 days ago)
    team.run("/quote Foxtrot 700 date:2026-03-10 @bram");
    team.run("/followup Foxtrot date:2026-03-27 @bram");
  }

  @AfterEach
  void close() {
    team.close();
  }

  private QuotesResult compute(String period, String... rep) {
    return team.figures().quotes().compute(team.query(period, rep));
  }

  @Test
  @DisplayName("March's cohort, February's, the win rates unrounded, and the stale quotes now")
  void numbers() {
    QuotesResult result = compute("march 2026");
    // Alpha, Bravo, Charlie, Delta, Foxtrot; Alpha's latest quote 1200 of 1200+800+500+300+700
    assertThat(result.cohort()).isEqualTo(new Cohort(5, 1, 1, 350_000, 120_000));
    assertThat(result.cohort().open()).isEqualTo(3);
    // February: Echo, still open, valued at its March revision
    assertThat(result.previous()).isEqualTo(new Cohort(1, 0, 0, 45_000, 0));
    assertThat(result.cohort().winRate().percent().orElseThrow()).isEqualByComparingTo("20");
    // 1200 / 3500 = 34.2857…%, kept unrounded
    assertThat(result.cohort().winRateByValue().percent().orElseThrow())
        .isEqualByComparingTo("34.28571428571429");
    assertThat(result.winRateChange())
        .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("20"));
    // Charlie last touched 5 March, Echo 20 March; Delta and Foxtrot within 7 days
    assertThat(result.staleCount()).isEqualTo(2);
    assertThat(result.stale())
        .extracting(RepStaleQuotes::rep, RepStaleQuotes::count)
        .containsExactly(tuple("anna", 1L), tuple("bram", 1L));
    assertThat(result.stale().get(1).oldest())
        .extracting(StaleQuote::customer, StaleQuote::value)
        .containsExactly(tuple("Echo", Money.ofCents(45_000)));
    assertThat(result.today()).isEqualTo(LocalDate.of(2026, 3, 31));
  }

  @Test
  @DisplayName("the rep with most stale quotes comes first, each rep's oldest first")
  void staleOrder() {
    team.run("/quote Golf 100 date:2026-03-08 @bram");
    team.run("/quote Hotel 100 date:2026-03-01 @bram");
    QuotesResult result = compute("march 2026");
    // bram: Echo, Golf, Hotel (3); anna: Charlie (1)
    assertThat(result.stale()).extracting(RepStaleQuotes::rep).containsExactly("bram", "anna");
    assertThat(result.stale().get(0).oldest())
        .extracting(StaleQuote::customer)
        .containsExactly("Hotel", "Golf", "Echo");
    assertThat(result.staleCount()).isEqualTo(4);
  }

  @Test
  @DisplayName("March's quoted opportunities, win rate by count and value, and stale quotes")
  void winRate() {
    assertThat(team.run("/kpi quotes march 2026").text())
        .isEqualTo(
            "5 opportunities got their first quote in March 2026 (1–31 Mar): 1 won, 1 lost, 3"
                + " still open.\n"
                + "Win rate 20% by count, 34.3% by value (€1,200 of €3,500).\n"
                + "Win rate against February 2026: +20 points.\n"
                + "2 stale quotes now (no quote or follow-up for over 7 days):\n"
                + "anna (1): Charlie €500 (since 5 Mar 2026)\n"
                + "bram (1): Echo €450 (since 20 Mar 2026)");
    // the text says every number: no block of fields repeats them
    assertThat(team.run("/kpi quotes march 2026").fields()).isEmpty();
  }

  @Test
  @DisplayName(
      "in Dutch: one quote in the singular, and stale quotes are 'niet opgevolgde offertes'")
  void dutch() {
    TestWorkspace dutch =
        new TestWorkspace(
            engine,
            folder.resolve("nl"),
            Locale.forLanguageTag("nl"),
            LocalDateTime.of(2026, 3, 31, 17, 0));
    try {
      dutch.log("/offerte Acme 1000 datum:2026-03-02 @anna");
      assertThat(dutch.run("/cijfers offertes maart 2026").text())
          .isEqualTo(
              "1 kans kreeg in maart 2026 (1–31 mrt) een eerste offerte: 0 gewonnen, 0"
                  + " verloren, 1 nog open.\n"
                  + "Scoringspercentage 0% in aantal, 0% in waarde (€ 0 van € 1.000).\n"
                  + "Scoringspercentage tegenover februari 2026: toen niets.\n"
                  + "Nu 1 niet opgevolgde offerte (meer dan 7 dagen geen offerte of opvolging):\n"
                  + "anna (1): Acme € 1.000 (sinds 2 mrt 2026)");
      dutch.log("/opvolging Acme datum:2026-03-30 @anna");
      assertThat(dutch.run("/cijfers offertes maart 2026").text())
          .endsWith(
              "Geen niet opgevolgde offertes: elke open offerte is de afgelopen 7 dagen"
                  + " opgevolgd.");
    } finally {
      dutch.close();
    }
  }

  @Test
  @DisplayName("one rep: a long stale list shows the three oldest and how many more")
  void longStaleList() {
    team.run("/quote Golf 100 date:2026-03-01 @anna");
    team.run("/quote Hotel 100 date:2026-03-06 @anna");
    assertThat(team.run("/kpi quotes march 2026 @anna").text())
        .endsWith(
            "3 stale quotes now (no quote or follow-up for over 7 days): Golf €100 (since 1 Mar"
                + " 2026), Charlie €500 (since 5 Mar 2026), Hotel €100 (since 6 Mar 2026).");
    team.run("/quote India 100 date:2026-03-07 @anna");
    assertThat(team.run("/kpi quotes march 2026 @anna").text())
        .endsWith(
            "4 stale quotes now (no quote or follow-up for over 7 days): Golf €100 (since 1 Mar"
                + " 2026), Charlie €500 (since 5 Mar 2026), Hotel €100 (since 6 Mar 2026) and 1"
                + " more.");
  }

  @Test
  @DisplayName("many reps: the three with most are named with their oldest, the others counted")
  void manyReps() {
    for (int rep = 1; rep <= 5; rep++) {
      for (int i = 0; i < rep; i++) {
        team.log(
            "/quote \"Klant "
                + rep
                + "-"
                + i
                + "\" 100 date:2026-03-0"
                + (i + 1)
                + " @rep"
                + rep
                + " new");
      }
    }
    String text = team.run("/kpi quotes march 2026").text();
    // 1 + 2 + 3 + 4 + 5 new, and Charlie (anna) and Echo (bram)
    assertThat(text)
        .contains(
            "17 stale quotes now (no quote or follow-up for over 7 days):\n"
                + "rep5 (5): Klant 5-0 €100 (since 1 Mar 2026), Klant 5-1 €100 (since 2 Mar 2026),"
                + " Klant 5-2 €100 (since 3 Mar 2026) and 2 more\n"
                + "rep4 (4): ")
        .endsWith("4 other reps: rep2 2, anna 1, bram 1, rep1 1.");
  }

  @Test
  @DisplayName("per rep, and a period without first quotes: no win rate line, the stale quotes")
  void perRepAndEmpty() {
    assertThat(team.run("/kpi offertes january 2026 @anna").text())
        .isEqualTo(
            "No quotes were first sent in January 2026 (1–31 Jan).\n"
                + "1 stale quote now (no quote or follow-up for over 7 days): Charlie €500 (since"
                + " 5 Mar 2026).");
  }
}
