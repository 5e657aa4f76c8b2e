package dev.salesmeter.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test sets and moves, for the scheduler's "now". */
public final class MovingClock extends Clock {
  private volatile Instant now;

  public MovingClock(String instant) {
    this.now = Instant.parse(instant);
  }

  public void set(String instant) {
    now = Instant.parse(instant);
  }

  public void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
