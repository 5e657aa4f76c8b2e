package dev.salesmeter.figure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.figure.conversion.ConversionFigure;
import dev.salesmeter.figure.conversion.ConversionResult;
import dev.salesmeter.figure.conversion.ConversionResult.Cohort;
import dev.salesmeter.store.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** KPIS.md figure 1 on a hand-built history (31 March 2026). */
@ParameterizedClass
@EnumSource(Database.Engine.class)
final class ConversionFigureTest {
  @Parameter Database.Engine engine;

  @TempDir Path folder;
  TestWorkspace team;

  @BeforeEach
  void history() {
    team = TestWorkspace.english(engine, folder);
    // February's cohort: one lead, sold in March (converted "at any time up to now")
    team.run("/lead Echo date:2026-02-20 @anna");
    team.run("/sale Echo 100 date:2026-03-03 @anna");
    // March's cohort: A all the way, B lost after a quote, C an appointment, D nothing yet
    team.run("/lead Alpha date:2026-03-02 @anna");
    team.run("/appointment Alpha date:2026-03-03 @anna");
    team.run("/quote Alpha 500 date:2026-03-04 @anna");
    team.run("/sale Alpha 500 date:2026-03-10 @anna");
    team.run("/lead Bravo date:2026-03-02 @bram");
    team.run("/appointment Bravo date:2026-03-05 @bram");
    team.run("/quote Bravo 900 date:2026-03-06 @bram");
    team.run("/lost Bravo date:2026-03-12 @bram");
    team.run("/lead Charlie date:2026-03-15 @bram");
    team.run("/appointment Charlie date:2026-03-16 @bram");
    team.run("/lead Delta date:2026-03-20 @anna");
    // a lead logged by mistake and voided does not count
    team.run("/lead Foxtrot date:2026-03-21 @anna");
    team.run("/void");
  }

  @AfterEach
  void close() {
    team.close();
  }

  @Test
  @DisplayName("the March cohort's counts, and February's, as numbers")
  void cohortNumbers() {
    ConversionResult result = team.figure(ConversionFigure.class).compute(team.query("march 2026"));
    // leads A B C D; appointments A B C; quotes A B; sale A (A had an appointment); open C D
    assertThat(result.cohort()).isEqualTo(new Cohort(4, 3, 2, 1, 1, 2));
    // February: Echo's lead, sold in March
    assertThat(result.previous()).isEqualTo(new Cohort(1, 0, 0, 1, 0, 0));
    // 1/3 of the appointments sold, unrounded
    assertThat(result.cohort().appointmentToSale().percent().orElseThrow())
        .isEqualByComparingTo("33.33333333333333");
    // 25% − 100%
    assertThat(result.toSaleChange())
        .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("-75"));
  }

  @Test
  @DisplayName("the March cohort in words, as shares of its leads, and how much is still open")
  void cohort() {
    assertThat(team.run("/kpi conversion march 2026").text())
        .isEqualTo(
            "4 leads came in: 3 got an appointment (75%), 2 a quote (50%) and 1 a sale (25%).\n"
                + "Appointment to sale: 1 of 3 (33.3%).\n"
                + "Still open: 2 of 4 (50%); recent leads may still turn into sales.\n"
                + "Lead to sale against February 2026: −75 points.");
  }

  @Test
  @DisplayName(
      "one lead reads in the singular, and no appointment means no appointment-to-sale line")
  void singular() {
    // Echo is February's only lead, sold, never met
    assertThat(team.run("/kpi conversion february 2026").text())
        .isEqualTo(
            "1 lead came in: 0 got an appointment (0%), 0 a quote (0%) and 1 a sale (100%).\n"
                + "Lead to sale against January 2026: nothing then.");
    // 2–31 Mar against the 30 days before (31 Jan–1 Mar, Echo's lead: 1 of 1 sold), named by date
    assertThat(team.run("/kpi conversion last 30 days").text())
        .endsWith("Lead to sale against 31 Jan–1 Mar: −75 points.");
  }

  @Test
  @DisplayName("per rep the opportunity's rep counts; an empty cohort says so")
  void perRepAndEmpty() {
    assertThat(team.run("/kpi funnel march 2026 @bram").text())
        .startsWith(
            "2 leads came in: 2 got an appointment (100%), 1 a quote (50%) and 0 a sale (0%).");
    assertThat(team.run("/kpi conversie januari 2026").text())
        .isEqualTo("No leads were logged in January 2026 (1–31 Jan).");
  }
}
