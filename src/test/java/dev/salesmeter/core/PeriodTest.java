package dev.salesmeter.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

final class PeriodTest {
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  @Test
  @DisplayName("boundaries are local midnights, across both daylight-saving changes")
  void boundariesInZone() {
    // March 2026: starts at midnight CET (UTC+1), ends at midnight CEST (UTC+2) on 1 April
    Period march = Period.month(2026, 3);
    assertThat(march.startInstant(AMSTERDAM)).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
    assertThat(march.endInstant(AMSTERDAM)).isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
    // October 2026: clocks go back on the 25th; 1 November is CET again (UTC+1)
    Period october = Period.month(2026, 10);
    assertThat(october.startInstant(AMSTERDAM)).isEqualTo(Instant.parse("2026-09-30T22:00:00Z"));
    assertThat(october.endInstant(AMSTERDAM)).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
    // the day of the spring change has 23 hours, of the autumn change 25
    assertThat(
            Period.day(LocalDate.of(2026, 3, 29)).endInstant(AMSTERDAM).getEpochSecond()
                - Period.day(LocalDate.of(2026, 3, 29)).startInstant(AMSTERDAM).getEpochSecond())
        .isEqualTo(23 * 3600);
    assertThat(
            Period.day(LocalDate.of(2026, 10, 25)).endInstant(AMSTERDAM).getEpochSecond()
                - Period.day(LocalDate.of(2026, 10, 25)).startInstant(AMSTERDAM).getEpochSecond())
        .isEqualTo(25 * 3600);
  }

  @Test
  @DisplayName("the ISO week of a day starts on Monday, also across a year's end")
  void isoWeek() {
    assertThat(Period.isoWeekOf(LocalDate.of(2026, 1, 1)))
        .isEqualTo(
            new Period(LocalDate.of(2025, 12, 29), LocalDate.of(2026, 1, 4), Period.Unit.WEEK));
    assertThat(Period.isoWeekOf(LocalDate.of(2026, 3, 29)).start())
        .isEqualTo(LocalDate.of(2026, 3, 23));
  }

  @Test
  @DisplayName("the period before keeps the unit")
  void previous() {
    assertThat(Period.month(2026, 1).previous()).isEqualTo(Period.month(2025, 12));
    assertThat(Period.month(2026, 3).previous()).isEqualTo(Period.month(2026, 2));
    assertThat(Period.quarter(2026, 1).previous()).isEqualTo(Period.quarter(2025, 4));
    assertThat(Period.year(2026).previous()).isEqualTo(Period.year(2025));
    assertThat(Period.day(LocalDate.of(2026, 3, 1)).previous())
        .isEqualTo(Period.day(LocalDate.of(2026, 2, 28)));
    assertThat(Period.days(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 10)).previous())
        .isEqualTo(Period.days(LocalDate.of(2026, 2, 19), LocalDate.of(2026, 2, 28)));
  }

  @Test
  @DisplayName("a period never ends before it starts")
  void ordered() {
    assertThatThrownBy(() -> Period.days(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
