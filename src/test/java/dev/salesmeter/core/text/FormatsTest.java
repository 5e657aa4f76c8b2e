package dev.salesmeter.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.core.Money;
import dev.salesmeter.core.Percentage;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.WorkspaceSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

final class FormatsTest {
  private static final Formats ENGLISH = Formats.of(WorkspaceSettings.DEFAULTS);
  private static final Formats DUTCH =
      Formats.of(
          new WorkspaceSettings(
              Locale.forLanguageTag("nl"),
              WorkspaceSettings.DEFAULTS.zone(),
              WorkspaceSettings.DEFAULTS.currency(),
              WorkspaceSettings.DEFAULTS.defaultMargin(),
              365,
              7,
              "",
              false));

  @Test
  @DisplayName("money in the workspace's locale, cents only when there are any")
  void money() {
    assertThat(DUTCH.money(Money.ofCents(420_050))).isEqualTo("€ 4.200,50");
    assertThat(DUTCH.money(Money.ofCents(420_000))).isEqualTo("€ 4.200");
    assertThat(ENGLISH.money(Money.ofCents(420_050))).isEqualTo("€4,200.50");
    assertThat(ENGLISH.money(Money.ofCents(100_000_000_000L))).isEqualTo("€1,000,000,000");
    assertThat(ENGLISH.money(Money.ofCents(5))).isEqualTo("€0.05");
  }

  @Test
  @DisplayName("percentages and dates in the workspace's locale")
  void percentagesAndDates() {
    assertThat(DUTCH.percentage(Percentage.ofBasisPoints(2750))).isEqualTo("27,5%");
    assertThat(ENGLISH.percentage(Percentage.ofBasisPoints(2750))).isEqualTo("27.5%");
    assertThat(ENGLISH.percentage(Percentage.ofBasisPoints(3000))).isEqualTo("30%");
    assertThat(DUTCH.date(LocalDate.of(2026, 3, 2))).isEqualTo("2 mrt 2026");
    assertThat(ENGLISH.date(LocalDate.of(2026, 3, 2))).isEqualTo("2 Mar 2026");
    // 13:30 UTC on 2 March is 14:30 in Amsterdam; noon exactly shows as the date alone
    assertThat(ENGLISH.dateTime(Instant.parse("2026-03-02T13:30:00Z")))
        .isEqualTo("2 Mar 2026 14:30");
    assertThat(ENGLISH.dateTime(Instant.parse("2026-03-02T11:00:00Z"))).isEqualTo("2 Mar 2026");
  }

  @Test
  @DisplayName("a period in words and exact dates")
  void periods() {
    assertThat(ENGLISH.period(Period.month(2026, 3))).isEqualTo("March 2026 (1–31 Mar)");
    assertThat(DUTCH.period(Period.month(2026, 3))).isEqualTo("maart 2026 (1–31 mrt)");
    assertThat(ENGLISH.period(Period.quarter(2026, 2))).isEqualTo("Q2 2026 (1 Apr–30 Jun)");
    assertThat(ENGLISH.period(Period.isoWeekOf(LocalDate.of(2026, 1, 1))))
        .isEqualTo("week 1, 2026 (29 Dec 2025–4 Jan 2026)");
    assertThat(ENGLISH.period(Period.day(LocalDate.of(2026, 3, 2))))
        .as("a day is named once, not \"2 Mar 2026 (2 Mar 2026)\"")
        .isEqualTo("2 Mar 2026");
    assertThat(
            ENGLISH.periodShort(Period.days(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 31))))
        .as("a span of days is named by its dates, which the span before does not share")
        .isEqualTo("2–31 Mar");
    assertThat(ENGLISH.period(Period.days(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 31))))
        .isEqualTo("30 days (2–31 Mar)");
    assertThat(DUTCH.period(Period.yearToDate(LocalDate.of(2026, 3, 31))))
        .isEqualTo("2026 tot nu (1 jan–31 mrt)");
  }
}
