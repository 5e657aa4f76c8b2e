package dev.salesmeter.figure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.core.EventKind;
import dev.salesmeter.core.Money;
import dev.salesmeter.core.RepMention;
import dev.salesmeter.figure.churn.ChurnFigure;
import dev.salesmeter.figure.churn.ChurnFigure.CustomerMoment;
import dev.salesmeter.figure.churn.ChurnFigure.Rate;
import dev.salesmeter.figure.churn.ChurnResult;
import dev.salesmeter.store.Database;
import dev.salesmeter.store.EventDetails;
import dev.salesmeter.store.NewEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * KPIS.md figure 6 on hand-built histories: 31 March 2026, inactivity window 365 days. A date
 * without a time is noon; a silent churn falls at the start of the local day 365 days after the
 * last sale's local date.
 */
@ParameterizedClass
@EnumSource(Database.Engine.class)
final class ChurnFigureTest {
  @Parameter Database.Engine engine;

  @TempDir Path folder;
  TestWorkspace team;

  @AfterEach
  void close() {
    team.close();
  }

  private void history(TestWorkspace workspace) {
    team = workspace;
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

  private ChurnFigure churn() {
    return team.figures().churn();
  }

  private static List<String> names(List<CustomerMoment> moments) {
    return moments.stream().map(CustomerMoment::name).toList();
  }

  @Test
  @DisplayName(
      "March's numbers: active at the start, churned, new, won back, new and gone, at risk")
  void marchNumbers() {
    // given
    history(TestWorkspace.english(engine, folder));
    // when
    ChurnResult result = churn().compute(team.query("march 2026"));
    // then: active on 1 March: Alpha, Bravo, Charlie, Foxtrot (Echo and Hotel had gone)
    assertThat(result.rate()).isEqualTo(new Rate(4, 2));
    // February: Alpha, Bravo, Charlie, Foxtrot, Hotel active; Hotel left
    assertThat(result.previousRate()).isEqualTo(new Rate(5, 1));
    assertThat(result.rate().percent()).isEqualByComparingTo("50");
    assertThat(result.rateChange())
        .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("30"));
    assertThat(names(result.churned())).containsExactly("Bravo", "Charlie");
    assertThat(result.churned().get(0).silent()).isTrue();
    assertThat(result.churned().get(0).day()).isEqualTo(LocalDate.of(2026, 3, 10));
    // the silent end falls at the start of that day in Amsterdam
    assertThat(result.churned().get(0).at()).isEqualTo(Instant.parse("2026-03-09T23:00:00Z"));
    assertThat(names(result.fresh())).containsExactly("Golf", "Delta");
    assertThat(names(result.wonBack())).containsExactly("Echo");
    assertThat(names(result.newAndGone())).containsExactly("Golf");
    // 31 March + 60 days = 30 May: Foxtrot (15 May) yes, Alpha (1 June) no
    assertThat(names(result.atRisk())).containsExactly("Foxtrot");
    // the chart's twelve months, April 2025 to March 2026
    assertThat(result.months()).hasSize(12);
    assertThat(result.months().get(11).rate()).isEqualTo(new Rate(4, 2));
    assertThat(result.months().get(11).fresh()).isEqualTo(2);
    // a week that runs into April still shows twelve months, up to this one
    List<ChurnResult.Month> week = churn().compute(team.query("2026-W14")).months();
    assertThat(week).hasSize(12);
    assertThat(week.get(11).month().start()).isEqualTo(LocalDate.of(2026, 3, 1));
  }

  @Test
  @DisplayName("March in words, in English and in Dutch; no block of numbers repeats the text")
  void marchWords() {
    history(TestWorkspace.english(engine, folder));
    var answer = team.run("/kpi churn march 2026");
    assertThat(answer.text())
        .isEqualTo(
            "4 customers were active at the start; 2 of them left in the period (50%): Bravo"
                + " (silently, 10 Mar 2026), Charlie (15 Mar 2026).\n"
                + "New customers: 2 (Golf, Delta). Won back: 1 (Echo).\n"
                + "New and gone within the period (not in the rate): Golf (25 Mar 2026).\n"
                + "Churn rate against February 2026: +30 points.\n"
                + "At risk — 1 customer will count as gone within 60 days without a sale:"
                + " Foxtrot (lapses 15 May 2026).");
    assertThat(answer.fields()).isEmpty();
    team.close();
    history(TestWorkspace.dutch(engine, folder.resolve("nl")));
    assertThat(team.run("/cijfers verloop maart 2026").text())
        .isEqualTo(
            "Aan het begin waren 4 klanten actief; daarvan zijn er 2 in de periode vertrokken"
                + " (50%): Bravo (zonder opzegging, 10 mrt 2026), Charlie (15 mrt 2026).\n"
                + "Nieuwe klanten: 2 (Golf, Delta). Teruggewonnen: 1 (Echo).\n"
                + "Nieuw en weer weg binnen de periode (niet in het percentage): Golf (25 mrt"
                + " 2026).\n"
                + "Verloop tegenover februari 2026: +30 procentpunt.\n"
                + "Risico — 1 klant telt als vertrokken als er binnen 60 dagen geen verkoop komt:"
                + " Foxtrot (telt per 15 mei 2026 als vertrokken).");
  }

  @Test
  @DisplayName("a voided churn does not count; long lists name the first eight, then how many more")
  void voidAndLongLists() {
    history(TestWorkspace.english(engine, folder));
    team.run("/void 4"); // Charlie's churn
    assertThat(churn().compute(team.query("march 2026")).rate()).isEqualTo(new Rate(4, 1));
    for (String name :
        List.of("Kilo", "Lima", "Mike", "November", "Oscar", "Papa", "Quebec", "Romeo", "Sierra")) {
      team.run("/sale " + name + " 100 date:2026-03-10");
    }
    // Golf (2 Mar), Delta (5 Mar), then the nine of 10 March by name: 11 in all
    assertThat(team.run("/kpi churn march 2026").text())
        .contains(
            "New customers: 11 (Golf, Delta, Kilo, Lima, Mike, November, Oscar, Papa and 3"
                + " more).");
  }

  @Test
  @DisplayName(
      "per rep the account owner counts: at the start for churn, the starting sale for new")
  void perRep() {
    // given
    team = TestWorkspace.english(engine, folder);
    team.run("/sale Alpha 100 date:2025-06-01 @anna");
    team.run("/sale Alpha 100 date:2025-09-01 @bram"); // bram owns Alpha from September
    team.run("/churn Alpha date:2026-03-15 @anna"); // whoever logs it: bram's customer left
    team.run("/sale Bravo 100 date:2025-05-01 @anna"); // window ends 1 May 2026: at risk
    team.run("/sale Charlie 100 date:2026-03-05 @bram"); // new for bram
    team.run("/sale Delta 100 date:2024-12-01 @anna"); // gone 1 December 2025 ...
    team.run("/sale Delta 100 date:2026-03-20 @bram"); // ... won back by bram
    // when
    ChurnResult anna = churn().compute(team.query("march 2026", "anna"));
    ChurnResult bram = churn().compute(team.query("march 2026", "bram"));
    ChurnResult all = churn().compute(team.query("march 2026"));
    // then
    assertThat(anna.rate()).isEqualTo(new Rate(1, 0));
    assertThat(names(anna.atRisk())).containsExactly("Bravo");
    assertThat(anna.fresh()).isEmpty();
    assertThat(anna.wonBack()).isEmpty();
    assertThat(bram.rate()).isEqualTo(new Rate(1, 1));
    assertThat(names(bram.churned())).containsExactly("Alpha");
    assertThat(names(bram.fresh())).containsExactly("Charlie");
    assertThat(names(bram.wonBack())).containsExactly("Delta");
    assertThat(bram.atRisk()).isEmpty();
    assertThat(all.rate()).isEqualTo(new Rate(2, 1));
    assertThat(team.run("/kpi churn march 2026 @anna").text())
        .isEqualTo(
            "1 customer was active at the start; none of them left in the period.\n"
                + "No new customers, and none won back.\n"
                + "Churn rate against February 2026: ±0 points.\n"
                + "At risk — 1 customer will count as gone within 60 days without a sale:"
                + " Bravo (lapses 1 May 2026).");
  }

  /** Logs a sale of €100 at a local date and time in Amsterdam. */
  private void saleAt(String customer, String localDateTime) {
    Instant at = LocalDateTime.parse(localDateTime).atZone(TestWorkspace.AMSTERDAM).toInstant();
    RepMention anna = new RepMention(Optional.of("anna"), "anna");
    team.log()
        .append(
            new NewEvent(
                TestWorkspace.WORKSPACE,
                UUID.randomUUID().toString(),
                EventKind.SALE,
                anna,
                anna,
                Optional.of(customer),
                Optional.of(Money.ofCents(10_000)),
                at,
                team.now(),
                EventDetails.NONE,
                Optional.empty()));
  }

  @Test
  @DisplayName("the window counts local days: a late-evening sale lapses at the start of its day")
  void lateEveningAcrossTheClockChange() {
    // given: 23:30 on Saturday 29 March 2025 (winter time); summer time began on 29 March 2026
    team = TestWorkspace.english(engine, folder);
    saleAt("Nacht", "2025-03-29T23:30");
    // when
    List<CustomerMoment> ends = churn().spellEnds(team.query("march 2026"));
    // then: gone at the start of 29 March 2026 in Amsterdam, not 365 × 24 hours later (30 March)
    assertThat(ends).hasSize(1);
    assertThat(ends.get(0).day()).isEqualTo(LocalDate.of(2026, 3, 29));
    assertThat(ends.get(0).at()).isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
  }

  @Test
  @DisplayName(
      "a sale on the day the window runs out wins back, however early; a day before goes on")
  void earlyMorningWinBack() {
    // given
    team = TestWorkspace.english(engine, folder);
    // 00:30 on 30 March 2025 (winter time); 365 days later is 30 March 2026 (summer time)
    saleAt("Vroeg", "2025-03-30T00:30");
    saleAt("Vroeg", "2026-03-30T00:15"); // on that day: won back, though < 365 × 24 hours later
    // 23:30 on 10 March 2025, again at 23:59 on 9 March 2026: a day early, the spell goes on
    saleAt("Laat", "2025-03-10T23:30");
    saleAt("Laat", "2026-03-09T23:59");
    // when
    ChurnResult march = churn().compute(team.query("march 2026"));
    // then
    assertThat(names(march.wonBack())).containsExactly("Vroeg");
    assertThat(names(march.churned())).containsExactly("Vroeg");
    assertThat(march.churned().get(0).at()).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
    assertThat(march.rate()).isEqualTo(new Rate(2, 1));
  }

  @Test
  @DisplayName("a workspace without customers says so plainly and draws nothing")
  void nothing() {
    team = TestWorkspace.english(engine, folder);
    var reply = team.run("/kpi churn march 2026");
    assertThat(reply.text())
        .isEqualTo("No customer was active in March 2026 (1–31 Mar), and none came in.");
    assertThat(reply.picture()).isEmpty();
  }
}
