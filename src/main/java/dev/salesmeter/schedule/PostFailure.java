package dev.salesmeter.schedule;

/**
 * A post the platform did not accept: either for now (rate limits, its own errors, no connection),
 * to be tried again later, or for good because the channel or person cannot be reached (gone, or
 * the bot lost access).
 */
public final class PostFailure extends Exception {
  private final boolean unreachable;

  private PostFailure(String reason, boolean unreachable) {
    super(reason);
    this.unreachable = unreachable;
  }

  /** Worth trying again later. */
  public static PostFailure forNow(String reason) {
    return new PostFailure(reason, false);
  }

  /** The channel or person is gone, or the bot may not post there. */
  public static PostFailure unreachable(String reason) {
    return new PostFailure(reason, true);
  }

  public boolean unreachable() {
    return unreachable;
  }
}
