package dev.salesmeter.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The date: option (COMMANDS.md, "Values"), in Amsterdam. */
final class DateParserTest {
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  // Tuesday 31 March 2026 17:00 in Amsterdam (summer time, UTC+2) is 15:00 UTC
  private static final Instant NOW = Instant.parse("2026-03-31T15:00:00Z");

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    // a day without a time is noon local
    "2026-03-02, 2026-03-02T11:00:00Z",
    "2026-03-30, 2026-03-30T10:00:00Z",
    "2026-03-02T14:30, 2026-03-02T13:30:00Z",
    "yesterday, 2026-03-30T10:00:00Z",
    "GISTEREN, 2026-03-30T10:00:00Z",
    "today, 2026-03-31T15:00:00Z",
    "vandaag, 2026-03-31T15:00:00Z",
    // today's date at noon has passed by 17:00: noon
    "2026-03-31, 2026-03-31T10:00:00Z",
    // 02:30 on 29 March 2026 does not exist in Amsterdam (clocks jump 02:00 → 03:00): 03:30 CEST
    "2026-03-29T02:30, 2026-03-29T01:30:00Z",
  })
  @DisplayName("dates and date-times read in the workspace's zone")
  void reads(String value, Instant expected) {
    assertThat(DateParser.parse(value, AMSTERDAM, NOW)).isEqualTo(expected);
  }

  @Test
  @DisplayName("today's date before noon means now, not a future noon")
  void todayBeforeNoon() {
    Instant morning = LocalDateTime.of(2026, 3, 31, 9, 15).atZone(AMSTERDAM).toInstant();
    assertThat(DateParser.parse("2026-03-31", AMSTERDAM, morning)).isEqualTo(morning);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "2026-04-01, error.dateFuture",
    "2026-03-31T17:01, error.dateFuture",
    "tomorrow, error.dateInvalid",
    "31-03-2026, error.dateInvalid",
    "2026-02-30, error.dateInvalid",
    "2026-03-02T25:00, error.dateInvalid",
    "2016-03-30, error.dateTooOld",
    "'Robert''); DROP TABLE events;--', error.dateInvalid",
  })
  @DisplayName("future, malformed and very old dates are refused")
  void refuses(String value, String key) {
    assertThatThrownBy(() -> DateParser.parse(value, AMSTERDAM, NOW))
        .isInstanceOf(InvalidInput.class)
        .extracting(e -> ((InvalidInput) e).key())
        .isEqualTo(key);
  }
}
