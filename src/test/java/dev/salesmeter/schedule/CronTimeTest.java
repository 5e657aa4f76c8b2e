package dev.salesmeter.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Run times in Amsterdam. In 2026 summer time starts on Sunday 29 March (02:00 CET becomes 03:00
 * CEST, +01:00 → +02:00) and ends on Sunday 25 October (03:00 CEST becomes 02:00 CET).
 */
final class CronTimeTest {
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final CronTime MONDAY_NINE = CronTime.of("0 9 * * 1", AMSTERDAM);
  private static final CronTime NIGHTLY = CronTime.of("30 2 * * *", AMSTERDAM);

  @Test
  @DisplayName("Monday 09:00 stays 09:00 local across the spring change: 08:00Z, then 07:00Z")
  void spring() {
    // Saturday 28 March 12:00 CET = 11:00Z
    Instant next = MONDAY_NINE.next(Instant.parse("2026-03-28T11:00:00Z")).orElseThrow();
    assertThat(next).isEqualTo(Instant.parse("2026-03-30T07:00:00Z")); // 09:00 CEST
    // the Monday before was still winter time
    assertThat(MONDAY_NINE.last(Instant.parse("2026-03-30T06:59:00Z")))
        .contains(Instant.parse("2026-03-23T08:00:00Z")); // 09:00 CET
    assertThat(MONDAY_NINE.last(Instant.parse("2026-03-30T07:00:00Z"))).contains(next);
  }

  @Test
  @DisplayName("Monday 09:00 stays 09:00 local across the autumn change: 07:00Z, then 08:00Z")
  void autumn() {
    assertThat(MONDAY_NINE.next(Instant.parse("2026-10-20T12:00:00Z")))
        .contains(Instant.parse("2026-10-26T08:00:00Z")); // 09:00 CET
    assertThat(MONDAY_NINE.last(Instant.parse("2026-10-25T12:00:00Z")))
        .contains(Instant.parse("2026-10-19T07:00:00Z")); // 09:00 CEST
  }

  @Test
  @DisplayName(
      "02:30 does not exist on 29 March: that night it runs at 03:00, the next valid minute")
  void gap() {
    Instant first = NIGHTLY.next(Instant.parse("2026-03-28T11:00:00Z")).orElseThrow();
    assertThat(first).isEqualTo(Instant.parse("2026-03-29T01:00:00Z")); // 03:00 CEST
    assertThat(NIGHTLY.next(first)).contains(Instant.parse("2026-03-30T00:30:00Z")); // 02:30 CEST
    assertThat(NIGHTLY.last(Instant.parse("2026-03-29T01:30:00Z"))).contains(first);
  }

  @Test
  @DisplayName("02:30 happens twice on 25 October: it runs once, the first time")
  void overlap() {
    Instant first = NIGHTLY.next(Instant.parse("2026-10-24T12:00:00Z")).orElseThrow();
    assertThat(first).isEqualTo(Instant.parse("2026-10-25T00:30:00Z")); // 02:30 CEST
    // not again at 02:30 CET (01:30Z), but the next night
    assertThat(NIGHTLY.next(first)).contains(Instant.parse("2026-10-26T01:30:00Z"));
    assertThat(NIGHTLY.last(Instant.parse("2026-10-25T01:45:00Z"))).contains(first);
  }

  @Test
  @DisplayName("across the new year: from Thursday 31 December to Monday 4 January")
  void newYear() {
    assertThat(MONDAY_NINE.next(Instant.parse("2026-12-31T11:00:00Z")))
        .contains(Instant.parse("2027-01-04T08:00:00Z"));
    assertThat(MONDAY_NINE.last(Instant.parse("2027-01-03T11:00:00Z")))
        .contains(Instant.parse("2026-12-28T08:00:00Z"));
    CronTime weekdays = CronTime.of("0 10 * * 1-5", AMSTERDAM);
    // strictly after Thursday 31 December 10:00 CET: Friday 1 January 10:00 CET
    assertThat(weekdays.next(Instant.parse("2026-12-31T09:00:00Z")))
        .contains(Instant.parse("2027-01-01T09:00:00Z"));
  }

  @Test
  @DisplayName("a wrong expression is refused")
  void wrong() {
    assertThat(CronTime.isValid("0 9 * * 1")).isTrue();
    assertThat(CronTime.isValid("0 25 * * 1")).isFalse();
    assertThat(CronTime.isValid("every monday")).isFalse();
    assertThatThrownBy(() -> CronTime.of("0 9 * *", AMSTERDAM))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
