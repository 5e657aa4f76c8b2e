package dev.salesmeter.figure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.command.TestWorkspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * KPIS.md figure 6 on a hand-built history: 31 March 2026, inactivity window 365 days. A date
 * without a time is noon, so a silent churn falls on the same day a year (365 days) later.
 */
final class ChurnFigureTest {
  @TempDir Path folder;
  TestWorkspace team;

  @BeforeEach
  void history() {
    team = TestWorkspace.english(folder);
    team.run("/sale Alpha 100 date:2025-06-01"); // active; window ends 1 June 2026
    team.run("/sale Bravo 100 date:2025-03-10"); // silent churn 10 March 2026
    team.run("/sale Charlie 100 date:2025-09-01");
    team.run("/churn Charlie date:2026-03-15"); // explicit churn in March
    team.run("/sale Delta 100 date:2026-03-05"); // new in March
    team.run("/sale Echo 100 date:2024-12-01"); // silent churn 1 December 2025 ...
    team.run("/sale Echo 100 date:2026-03-20"); // ... won back in March
    team.run("/sale Foxtrot 100 date:2025-05-15"); // window ends 15 May 2026: at risk
    team.run("/sale Golf 100 date:2026-03-02"); // new in March ...
    team.run("/churn Golf date:2026-03-25"); // ... and gone in March
    team.run("/sale Hotel 100 date:2025-02-01"); // silent churn 1 February 2026
  }

  @AfterEach
  void close() {
    team.close();
  }

  @Test
  @DisplayName("active at the start, churned (explicit and silent), new, won back, at risk")
  void march() {
    assertThat(team.run("/kpi churn march 2026").text())
        .isEqualTo(
            // active on 1 March: Alpha, Bravo, Charlie, Foxtrot (Echo and Hotel had gone)
            "4 customers were active at the start; 2 of them left in the period (50%): Bravo"
                + " (silently, 10 Mar 2026), Charlie (15 Mar 2026).\n"
                + "New customers: 2 (Golf, Delta). Won back: 1 (Echo).\n"
                + "New and gone within the period (not in the rate): Golf (25 Mar 2026).\n"
                // February: Alpha, Bravo, Charlie, Foxtrot, Hotel active; Hotel left: 1 of 5 = 20%
                + "Churn rate against February 2026: +30 points.\n"
                // 31 March + 60 days = 30 May: Foxtrot (15 May) yes, Alpha (1 June) no
                + "At risk — 1 customer will count as gone within 60 days without a sale:"
                + " Foxtrot (silently, 15 May 2026).");
  }

  @Test
  @DisplayName("a voided churn does not count; asked for one rep, churn says it is the team's")
  void voidAndRep() {
    team.run("/void 4"); // Charlie's churn
    assertThat(team.run("/kpi churn march 2026").text())
        .startsWith(
            "4 customers were active at the start; 1 of them left in the period (25%): Bravo"
                + " (silently, 10 Mar 2026).");
    team.run("@anna /lead Zulu");
    assertThat(team.run("/kpi churn @anna").text())
        .startsWith("Churn is counted for the whole team");
  }

  @Test
  @DisplayName("long lists name the first eight by date, then how many more")
  void longLists() {
    for (String name : List.of("Kilo", "Lima", "Mike", "November", "Oscar", "Papa", "Quebec")) {
      team.run("/sale " + name + " 100 date:2026-03-10");
    }
    team.run("/sale Romeo 100 date:2026-03-10");
    team.run("/sale Sierra 100 date:2026-03-10");
    // Golf (2 Mar), Delta (5 Mar), then the nine of 10 March by name: 11 in all
    assertThat(team.run("/kpi churn march 2026").text())
        .contains(
            "New customers: 11 (Golf, Delta, Kilo, Lima, Mike, November, Oscar, Papa and 3"
                + " more).");
  }
}
