package dev.salesmeter.web;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.Optional;

/**
 * Who is looking, from the session cookie that opening a signed link set: its signature, its expiry
 * and the workspace's current epoch are checked on every request, so a revoked or expired session
 * shows nothing.
 */
public final class SignedSessions implements Viewers {
  /** The session cookie's name. */
  public static final String COOKIE = "salesmeter_session";

  private final Links links;
  private final Epochs epochs;
  private final Clock clock;

  public SignedSessions(Links links, Epochs epochs, Clock clock) {
    this.links = links;
    this.epochs = epochs;
    this.clock = clock;
  }

  @Override
  public Optional<Viewer> of(Context request) {
    String cookie = request.cookie(COOKIE);
    if (cookie == null) {
      return Optional.empty();
    }
    return links
        .readSession(cookie, clock.instant())
        .filter(session -> epochs.isCurrent(session.viewer().workspace(), session.epoch()))
        .map(Links.Signed::viewer);
  }
}
