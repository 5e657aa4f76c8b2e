package dev.salesmeter.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.salesmeter.command.Reply;
import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.figure.leaderboard.LeaderboardFigure.Ranking;
import dev.salesmeter.figure.leaderboard.LeaderboardResult;
import dev.salesmeter.figure.leaderboard.LeaderboardResult.Place;
import dev.salesmeter.store.Database;
import java.nio.file.Path;
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

/** KPIS.md figure 9 on a hand-built history (31 March 2026). */
@ParameterizedClass
@EnumSource(Database.Engine.class)
final class LeaderboardFigureTest {
  @Parameter Database.Engine engine;

  @TempDir Path folder;
  TestWorkspace team;

  @BeforeEach
  void history() {
    team = TestWorkspace.english(engine, folder);
    team.run("/sale Acme 1000 date:2026-02-03 @anna");
    team.run("/sale Beta 3000 date:2026-02-04 @bram");
    team.run("/sale Gamma 500 date:2026-02-05 @cathy");
    team.run("/sale Acme 1500 date:2026-03-03 @anna");
    team.run("/sale Delta 1000 date:2026-03-04 @anna");
    team.run("/sale Beta 2000 date:2026-03-05 @bram");
    team.run("/sale Epsilon 700 date:2026-03-06 @dewi");
  }

  @AfterEach
  void close() {
    team.close();
  }

  @Test
  @DisplayName("each rep's value and rank now and before, and who is new, as numbers")
  void numbers() {
    // when
    LeaderboardResult result =
        team.figures().leaderboard().compute(team.query("march 2026"), Ranking.REVENUE);
    // then: February bram 3000 (1), anna 1000 (2), cathy 500 (3), dewi nothing (4)
    assertThat(result.places())
        .containsExactly(
            new Place("anna", 250_000, 100_000, 1, 2, false),
            new Place("bram", 200_000, 300_000, 2, 1, false),
            new Place("dewi", 70_000, 0, 3, 4, true),
            new Place("cathy", 0, 50_000, 4, 3, false));
    assertThat(result.places()).extracting(Place::rankChange).containsExactly(1, -1, 1, -1);
  }

  @Test
  @DisplayName("a rep back after a month without sales is not new; equal counts share a rank")
  void returning() {
    // given: erik sold in January, nothing in February
    team.log("/sale Omega 300 date:2026-01-15 @erik new");
    team.log("/sale Omega 300 date:2026-03-20 @erik");
    // when
    LeaderboardResult result =
        team.figures().leaderboard().compute(team.query("march 2026"), Ranking.SALES);
    // then: anna 2; bram, dewi, erik 1 (rank 2, by name); cathy 0 (rank 5)
    assertThat(result.places())
        .extracting(Place::rep, Place::rank, Place::isNew)
        .containsExactly(
            tuple("anna", 1, false),
            tuple("bram", 2, false),
            tuple("dewi", 2, true),
            tuple("erik", 2, false),
            tuple("cathy", 5, false));
    assertThat(team.run("/leaderboard march 2026").text()).contains("4. erik — €300 (▲ €300)\n");
  }

  @Test
  @DisplayName("in Dutch: one sale in the singular, and a new rep is 'nieuw'")
  void dutch() {
    TestWorkspace dutch =
        new TestWorkspace(
            engine,
            folder.resolve("nl"),
            Locale.forLanguageTag("nl"),
            LocalDateTime.of(2026, 3, 31, 17, 0));
    try {
      dutch.log("/verkoop Acme 500 datum:2026-02-02 @anna");
      dutch.log("/verkoop Acme 500 datum:2026-03-02 @anna");
      dutch.log("/verkoop Beta 900 datum:2026-03-03 @anna");
      dutch.log("/verkoop Gamma 900 datum:2026-03-04 @bram");
      assertThat(dutch.run("/ranglijst maart 2026 verkopen").text())
          .isEqualTo(
              "1. anna — 2 verkopen (▲ 1)\n"
                  + "2. bram — 1 verkoop (nieuw)\n"
                  + "Verschillen tegenover februari 2026.");
    } finally {
      dutch.close();
    }
  }

  @Test
  @DisplayName("by revenue, best first, with each rep's change; a rep who stopped is last")
  void byRevenue() {
    Reply reply = team.run("/leaderboard");
    assertThat(reply.title()).contains("Leaderboard — March 2026 (1–31 Mar), by revenue");
    assertThat(reply.text())
        .isEqualTo(
            // anna 1500 + 1000 = 2500 (February 1000: +1500)
            "1. anna — €2,500 (▲ €1,500)\n"
                // bram 2000 (February 3000: −1000)
                + "2. bram — €2,000 (▼ €1,000)\n"
                + "3. dewi — €700 (new)\n"
                // cathy sold 500 in February, nothing in March
                + "4. cathy — €0 (▼ €500)\n"
                + "Changes against February 2026.");
    assertThat(reply.ephemeral()).isFalse();
    // the text says every number: no block of fields repeats the first three
    assertThat(reply.fields()).isEmpty();
  }

  @Test
  @DisplayName("by number of sales, for a named period, in Dutch words too")
  void bySales() {
    assertThat(team.run("/ranglijst march 2026 verkopen").text())
        .isEqualTo(
            "1. anna — 2 sales (▲ 1)\n"
                // bram and dewi both 1: they share the rank, by name
                + "2. bram — 1 sale (=)\n"
                + "2. dewi — 1 sale (new)\n"
                + "4. cathy — 0 sales (▼ 1)\n"
                + "Changes against February 2026.");
    assertThat(team.run("/leaderboard 2025").text())
        .isEqualTo("No sales were logged in 2025 (1 Jan–31 Dec).");
    assertThat(team.run("/leaderboard next fortnight").text())
        .startsWith("I don't know the period \"next fortnight\"");
  }
}
