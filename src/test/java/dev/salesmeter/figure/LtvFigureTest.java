package dev.salesmeter.figure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.command.Reply;
import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.core.Period;
import dev.salesmeter.figure.churn.ChurnFigure.Rate;
import dev.salesmeter.figure.ltv.LtvFigure;
import dev.salesmeter.figure.ltv.LtvResult;
import dev.salesmeter.store.Database;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * KPIS.md figure 7, with the seed's worked example: CAC €1,000, €250 profit a year, 3 years. Asked
 * on 31 March 2026. Money in the result is in cents.
 */
@ParameterizedClass
@EnumSource(Database.Engine.class)
final class LtvFigureTest {
  @Parameter Database.Engine engine;

  @TempDir Path folder;
  TestWorkspace team;

  @AfterEach
  void close() {
    team.close();
  }

  private LtvResult ltv(String period, String... rep) {
    LtvFigure figure = team.figure(LtvFigure.class);
    return figure.compute(team.query(period, rep));
  }

  private void workedExample(TestWorkspace workspace) {
    team = workspace;
    // three customers active on 1 January 2025 (bought in 2024); Charlie leaves in March
    team.run("/sale Alpha 100 date:2024-06-01");
    team.run("/sale Bravo 100 date:2024-07-01");
    team.run("/sale Charlie 100 date:2024-08-01");
    team.run("/churn Charlie date:2025-03-01");
    // 2025: four customers buy 1000 each; two of them are new
    team.run("/sale Alpha 1000 date:2025-05-01");
    team.run("/sale Bravo 1000 date:2025-05-02");
    team.run("/sale November 1000 date:2025-02-01");
    team.run("/sale Oscar 1000 date:2025-03-01");
    team.run("/cost Ads 2000 date:2025-01-15");
  }

  @Test
  @DisplayName("the worked example's numbers: payback 4.0 years, LTV €750 < CAC €1,000, loss €250")
  void workedExampleNumbers() {
    workedExample(TestWorkspace.english(engine, folder));
    LtvResult result = ltv("2025");
    assertThat(result.window()).isEqualTo(Period.year(2025));
    assertThat(result.missing()).isEmpty();
    assertThat(result.rate()).isEqualTo(new Rate(3, 1));
    assertThat(result.profitPerCustomer().orElseThrow()).isEqualByComparingTo("25000");
    assertThat(result.lifetime().orElseThrow()).isEqualByComparingTo("3");
    assertThat(result.ltv().orElseThrow()).isEqualByComparingTo("75000");
    assertThat(result.cac().orElseThrow()).isEqualByComparingTo("100000");
    assertThat(result.payback().orElseThrow()).isEqualByComparingTo("4");
    assertThat(result.ltvToCac().orElseThrow()).isEqualByComparingTo("0.75");
    assertThat(result.loss().orElseThrow()).isEqualByComparingTo("25000");
  }

  @Test
  @DisplayName("the worked example in words, in English and Dutch, saying the loss plainly")
  void workedExampleWords() {
    workedExample(TestWorkspace.english(engine, folder));
    Reply reply = team.run("/kpi ltv 2025");
    assertThat(reply.text())
        .isEqualTo(
            // 4000 / 4 customers = 1000 a year; default margin 25% → 250 profit
            "A customer brought in €1,000 of revenue a year (4 customers); at a margin of 25% that is"
                + " €250 profit a year.\n"
                // 1 of 3 left: 33.3% a year, lifetime 1 / (1/3) = 3 years; 250 × 3 = 750
                + "Churn 33.3% a year (1 of 3): an expected lifetime of 3 years, so a lifetime"
                + " value of €750.\n"
                // 2000 / 2 new = 1000; 1000 / 250 = 4.0 years; 750 / 1000 = 0.75
                + "Acquiring a customer cost €1,000 (€2,000 over 2 new customers): payback in 4.0"
                + " years; LTV : CAC 0.75.\n"
                // 1000 - 750 = 250
                + "A customer stays 3 years but takes 4.0 years to pay back what winning them cost:"
                + " each new customer loses the business €250.");
    assertThat(reply.fields()).isEmpty();
    team.close();
    workedExample(TestWorkspace.dutch(engine, folder.resolve("nl")));
    assertThat(team.run("/cijfers klantwaarde 2025").text())
        .isEqualTo(
            "Een klant leverde € 1.000 omzet per jaar op (4 klanten); met een marge van 25% is dat"
                + " € 250 winst per jaar.\n"
                + "Verloop 33,3% per jaar (1 van 3): een verwachte klantduur van 3 jaar, dus een"
                + " klantwaarde van € 750.\n"
                + "Een klant winnen kostte € 1.000 (€ 2.000 verdeeld over 2 nieuwe klanten): terugverdiend"
                + " in 4,0 jaar; klantwaarde : acquisitiekosten 0,75.\n"
                + "Een klant blijft 3 jaar, maar het duurt 4,0 jaar om terug te verdienen wat het"
                + " winnen kostte: elke nieuwe klant kost het bedrijf € 250.");
  }

  @Test
  @DisplayName("a lifetime of 4/3 years is not rounded first: LTV €333.33, not €325 from 1.3")
  void unroundedLifetime() {
    team = TestWorkspace.english(engine, folder);
    for (String name : new String[] {"Alpha", "Bravo", "Charlie", "Delta"}) {
      team.run("/sale " + name + " 100 date:2024-06-01");
    }
    team.run("/sale Alpha 1000 date:2025-05-01"); // the only customer with a sale in 2025
    team.run("/churn Bravo date:2025-03-01");
    team.run("/churn Charlie date:2025-03-01");
    team.run("/churn Delta date:2025-03-01");
    LtvResult result = ltv("2025");
    assertThat(result.rate()).isEqualTo(new Rate(4, 3));
    // 250 × 4/3 = 333.33…
    assertThat(result.ltv().orElseThrow().subtract(new BigDecimal("33333.3333333")).abs())
        .isLessThan(new BigDecimal("0.001"));
    assertThat(team.run("/kpi ltv 2025").text())
        .contains(
            "Churn 75% a year (3 of 4): an expected lifetime of 1.3 years, so a lifetime value"
                + " of €333.33.\n"
                + "No new customers in these 12 months, so no acquisition cost per customer.");
  }

  @Test
  @DisplayName("no one left: a lifetime of at least 10 years; per-sale margins count")
  void noChurn() {
    team = TestWorkspace.english(engine, folder);
    team.run("/sale Alpha 100 date:2024-06-01");
    team.run("/sale Bravo 100 date:2024-07-01");
    team.run("/sale Alpha 1000 margin:40 date:2025-05-01");
    team.run("/sale Bravo 1000 date:2025-06-01");
    assertThat(team.run("/kpi klantwaarde 2025").text())
        .startsWith(
            // (1000 × 40% + 1000 × 25%) / 2 = 325 profit a year; 650 / 2000 = 32.5%
            "A customer brought in €1,000 of revenue a year (2 customers); at a margin of 32.5% that is"
                + " €325 profit a year.\n"
                + "Churn 0% a year (0 of 2): an expected lifetime of at least 10 years (counted as"
                + " 10 years), so a lifetime value of €3,250.");
  }

  @Test
  @DisplayName(
      "a young log: no lifetime or LTV, from when it will be there, revenue over its months")
  void tooLittleHistory() {
    // given: the log starts on 5 January 2026
    team = TestWorkspace.english(engine, folder);
    team.run("/sale Acme 4000 date:2026-01-05");
    team.run("/sale Beta 2000 date:2026-02-10");
    team.run("/cost Fair 1000 date:2026-01-02");
    // when: this year is still running, so the 12 months up to today
    LtvResult result = ltv("this year");
    // then
    assertThat(result.window())
        .isEqualTo(Period.days(LocalDate.of(2025, 4, 1), LocalDate.of(2026, 3, 31)));
    assertThat(result.covered().start()).isEqualTo(LocalDate.of(2026, 1, 2));
    assertThat(result.missing()).contains(LtvResult.Missing.HISTORY);
    assertThat(result.lifetime()).isEmpty();
    assertThat(result.ltv()).isEmpty();
    assertThat(result.availableFrom()).contains(LocalDate.of(2027, 1, 1));
    Reply reply = team.run("/kpi ltv this year");
    assertThat(reply.text())
        .isEqualTo(
            "Over 2 Jan–31 Mar 2026 a customer brought in €3,000 of revenue (2 customers); at a margin"
                + " of 25% that is €750 profit.\n"
                + "Lifetime and lifetime value are not estimated yet: they need 12 months of"
                + " history, and the log starts on 2 Jan 2026. They can be given for periods that"
                + " end on 1 Jan 2027 or later.\n"
                + "Acquiring a customer cost €500 (€1,000 over 2 new customers).");
    assertThat(reply.picture()).isEmpty();
  }

  @Test
  @DisplayName(
      "per rep: the customers whose latest sale in the window is the rep's; CAC the team's")
  void perRep() {
    // given
    team = TestWorkspace.english(engine, folder);
    team.run("/sale Zulu 100 date:2024-01-05 @anna"); // anna's, gone 5 January 2025
    team.run("/sale Alpha 1000 date:2025-02-01 @anna");
    team.run("/sale Alpha 1000 date:2025-06-01 @bram"); // bram owns Alpha at the year's end
    team.run("/sale Bravo 2000 date:2025-03-01 @anna");
    team.run("/cost Ads 1000 date:2025-01-15");
    // when
    LtvResult anna = ltv("2025", "anna");
    LtvResult bram = ltv("2025", "bram");
    // then
    assertThat(anna.customers()).isEqualTo(1);
    assertThat(anna.revenueCents()).isEqualTo(200_000);
    assertThat(anna.rate()).isEqualTo(new Rate(1, 1));
    assertThat(bram.customers()).isEqualTo(1);
    assertThat(bram.revenueCents()).isEqualTo(200_000); // both of Alpha's sales
    // nobody was bram's on 1 January 2025
    assertThat(bram.missing()).contains(LtvResult.Missing.ACTIVE_CUSTOMERS);
    // the team's: €1,000 over Alpha and Bravo
    assertThat(anna.cac().orElseThrow()).isEqualByComparingTo("50000");
    assertThat(bram.cac().orElseThrow()).isEqualByComparingTo("50000");
  }
}
