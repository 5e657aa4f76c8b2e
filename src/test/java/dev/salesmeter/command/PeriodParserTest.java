package dev.salesmeter.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmeter.core.Period;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The periods table of KPIS.md, in English and Dutch, on Tuesday 31 March 2026. */
final class PeriodParserTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 31);

  @ParameterizedTest(name = "{0} → {1}..{2} ({3})")
  @CsvSource(
      delimiter = '|',
      value = {
        "today                  | 2026-03-31 | 2026-03-31 | DAY",
        "Vandaag                | 2026-03-31 | 2026-03-31 | DAY",
        "yesterday              | 2026-03-30 | 2026-03-30 | DAY",
        "gisteren               | 2026-03-30 | 2026-03-30 | DAY",
        // 31 March 2026 is a Tuesday: ISO week 14 runs Monday 30 March to Sunday 5 April
        "this week              | 2026-03-30 | 2026-04-05 | WEEK",
        "deze week              | 2026-03-30 | 2026-04-05 | WEEK",
        "last week              | 2026-03-23 | 2026-03-29 | WEEK",
        "vorige week            | 2026-03-23 | 2026-03-29 | WEEK",
        "this month             | 2026-03-01 | 2026-03-31 | MONTH",
        "deze maand             | 2026-03-01 | 2026-03-31 | MONTH",
        "last month             | 2026-02-01 | 2026-02-28 | MONTH",
        "vorige maand           | 2026-02-01 | 2026-02-28 | MONTH",
        "this quarter           | 2026-01-01 | 2026-03-31 | QUARTER",
        "dit kwartaal           | 2026-01-01 | 2026-03-31 | QUARTER",
        "last quarter           | 2025-10-01 | 2025-12-31 | QUARTER",
        "vorig kwartaal         | 2025-10-01 | 2025-12-31 | QUARTER",
        "this year              | 2026-01-01 | 2026-12-31 | YEAR",
        "dit jaar               | 2026-01-01 | 2026-12-31 | YEAR",
        "last year              | 2025-01-01 | 2025-12-31 | YEAR",
        "vorig jaar             | 2025-01-01 | 2025-12-31 | YEAR",
        "ytd                    | 2026-01-01 | 2026-03-31 | YEAR_TO_DATE",
        // last 30 days ends today and includes it: 2 March .. 31 March is 30 days
        "last 30 days           | 2026-03-02 | 2026-03-31 | DAYS",
        "laatste 30 dagen       | 2026-03-02 | 2026-03-31 | DAYS",
        "last 1 day             | 2026-03-31 | 2026-03-31 | DAYS",
        "last 2 weeks           | 2026-03-18 | 2026-03-31 | DAYS",
        "laatste 2 weken        | 2026-03-18 | 2026-03-31 | DAYS",
        "last 3 months          | 2026-01-01 | 2026-03-31 | DAYS",
        "laatste 3 maanden      | 2026-01-01 | 2026-03-31 | DAYS",
        "march 2026             | 2026-03-01 | 2026-03-31 | MONTH",
        "maart 2026             | 2026-03-01 | 2026-03-31 | MONTH",
        "Mrt 2026               | 2026-03-01 | 2026-03-31 | MONTH",
        "february 2024          | 2024-02-01 | 2024-02-29 | MONTH",
        "2026-03                | 2026-03-01 | 2026-03-31 | MONTH",
        // a month without a year is the latest one that has begun
        "march                  | 2026-03-01 | 2026-03-31 | MONTH",
        "april                  | 2025-04-01 | 2025-04-30 | MONTH",
        "Q1 2026                | 2026-01-01 | 2026-03-31 | QUARTER",
        "2026-Q1                | 2026-01-01 | 2026-03-31 | QUARTER",
        "q4 2025                | 2025-10-01 | 2025-12-31 | QUARTER",
        "q2                     | 2025-04-01 | 2025-06-30 | QUARTER",
        "2025                   | 2025-01-01 | 2025-12-31 | YEAR",
        // ISO week 12 of 2026: Monday 16 March to Sunday 22 March
        "week 12                | 2026-03-16 | 2026-03-22 | WEEK",
        "2026-W12               | 2026-03-16 | 2026-03-22 | WEEK",
        "week 12 2026           | 2026-03-16 | 2026-03-22 | WEEK",
        // week 1 of 2026 spans two years: Monday 29 December 2025 to Sunday 4 January 2026
        "2026-W01               | 2025-12-29 | 2026-01-04 | WEEK",
        // 2020 has 53 ISO weeks; week 53 runs 28 December 2020 to 3 January 2021
        "2020-W53               | 2020-12-28 | 2021-01-03 | WEEK",
        // week 20 has not begun in 2026: the latest week 20 is 2025's
        "week 20                | 2025-05-12 | 2025-05-18 | WEEK",
        "2026-01-01..2026-03-31 | 2026-01-01 | 2026-03-31 | DAYS",
        "2026-01-01 .. 2026-01-01 | 2026-01-01 | 2026-01-01 | DAYS",
      })
  @DisplayName("every period of KPIS.md reads in both languages")
  void reads(String phrase, LocalDate start, LocalDate end, Period.Unit unit) {
    assertThat(PeriodParser.parse(phrase, TODAY)).isEqualTo(new Period(start, end, unit));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "next month",
        "fortnight",
        "2026-13",
        "2026-W54",
        "2025-W53",
        "week 0",
        "Q5 2026",
        "1999",
        "2101",
        "2026-03-31..2026-01-01",
        "2026-02-30..2026-03-01",
        "last 0 days",
        "march 26",
        "'; DROP TABLE events; --",
        "🚀"
      })
  @DisplayName("anything else is refused, echoing what was typed")
  void refuses(String phrase) {
    assertThatThrownBy(() -> PeriodParser.parse(phrase, TODAY))
        .isInstanceOf(InvalidInput.class)
        .satisfies(
            e -> {
              assertThat(((InvalidInput) e).key()).isEqualTo("error.periodInvalid");
              assertThat(((InvalidInput) e).args()).containsExactly(phrase);
            });
  }

  @Test
  @DisplayName("the period before: same calendar unit, or the same number of days")
  void previous() {
    assertThat(PeriodParser.parse("march 2026", TODAY).previous()).isEqualTo(Period.month(2026, 2));
    assertThat(PeriodParser.parse("Q1 2026", TODAY).previous()).isEqualTo(Period.quarter(2025, 4));
    assertThat(PeriodParser.parse("2026-W01", TODAY).previous().start())
        .isEqualTo(LocalDate.of(2025, 12, 22));
    assertThat(PeriodParser.parse("last 30 days", TODAY).previous())
        .isEqualTo(Period.days(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 3, 1)));
    assertThat(PeriodParser.parse("ytd", TODAY).previous())
        .isEqualTo(
            new Period(
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31), Period.Unit.YEAR_TO_DATE));
  }
}
