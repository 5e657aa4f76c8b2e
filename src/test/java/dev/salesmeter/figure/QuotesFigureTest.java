package dev.salesmeter.figure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.command.TestWorkspace;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KPIS.md figure 2 on a hand-built history (31 March 2026 17:00; stale after 7 days). */
final class QuotesFigureTest {
  @TempDir Path folder;
  TestWorkspace team;

  @BeforeEach
  void history() {
    team = TestWorkspace.english(folder);
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

  @Test
  @DisplayName("March's quoted opportunities, win rate by count and value, and stale quotes")
  void winRate() {
    assertThat(team.run("/kpi quotes march 2026").text())
        .isEqualTo(
            // Alpha, Bravo, Charlie, Delta, Foxtrot (Echo is February's)
            "5 opportunities got their first quote in March 2026 (1–31 Mar): 1 won, 1 lost, 3"
                + " still open.\n"
                // 1/5 = 20%; Alpha's latest quote 1200 of 1200 + 800 + 500 + 300 + 700 = 3500
                + "Win rate 20% by count, 34.3% by value (€1,200 of €3,500).\n"
                // February: Echo, not won: 0%
                + "Win rate against February 2026: +20 points.\n"
                // Charlie last touched 5 March, Echo 20 March; Delta and Foxtrot within 7 days
                + "Stale quotes (no quote or follow-up for over 7 days) — anna: Charlie €500 (since"
                + " 5 Mar 2026); bram: Echo €450 (since 20 Mar 2026).");
  }

  @Test
  @DisplayName("a long stale list shows each rep's three oldest and how many more")
  void longStaleList() {
    team.run("/quote Golf 100 date:2026-03-01 @anna");
    team.run("/quote Hotel 100 date:2026-03-06 @anna");
    // three stale: all shown, oldest first
    assertThat(team.run("/kpi quotes march 2026 @anna").text())
        .endsWith(
            "anna: Golf €100 (since 1 Mar 2026), Charlie €500 (since 5 Mar 2026), Hotel €100"
                + " (since 6 Mar 2026).");
    team.run("/quote India 100 date:2026-03-07 @anna");
    assertThat(team.run("/kpi quotes march 2026 @anna").text())
        .endsWith(
            "anna: Golf €100 (since 1 Mar 2026), Charlie €500 (since 5 Mar 2026), Hotel €100"
                + " (since 6 Mar 2026) and 1 more.");
  }

  @Test
  @DisplayName("per rep, and a period without first quotes")
  void perRepAndEmpty() {
    assertThat(team.run("/kpi offertes january 2026 @anna").text())
        .isEqualTo(
            "No quotes were first sent in January 2026 (1–31 Jan).\n"
                + "Stale quotes (no quote or follow-up for over 7 days) — anna: Charlie €500 (since"
                + " 5 Mar 2026).");
  }
}
