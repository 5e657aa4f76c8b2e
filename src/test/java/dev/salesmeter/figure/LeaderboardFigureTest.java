package dev.salesmeter.figure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.command.Reply;
import dev.salesmeter.command.TestWorkspace;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KPIS.md figure 9 on a hand-built history (31 March 2026). */
final class LeaderboardFigureTest {
  @TempDir Path folder;
  TestWorkspace team;

  @BeforeEach
  void history() {
    team = TestWorkspace.english(folder);
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
  }

  @Test
  @DisplayName("by number of sales, for a named period, in Dutch words too")
  void bySales() {
    assertThat(team.run("/ranglijst march 2026 verkopen").text())
        .isEqualTo(
            "1. anna — 2 sales (▲ 1)\n"
                // bram and dewi both 1; bram also sold 1 in February, so he ranks first
                + "2. bram — 1 sale (=)\n"
                + "3. dewi — 1 sale (new)\n"
                + "4. cathy — 0 sales (▼ 1)\n"
                + "Changes against February 2026.");
    assertThat(team.run("/leaderboard 2025").text())
        .isEqualTo("No sales were logged in 2025 (1 Jan–31 Dec).");
    assertThat(team.run("/leaderboard next fortnight").text())
        .startsWith("I don't know the period \"next fortnight\"");
  }
}
