package dev.salesmeter.web;

import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.store.ApiToken;
import dev.salesmeter.store.ApiTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The JSON API's bearer tokens: 32 random bytes, shown once when made and stored only as their
 * SHA-256 hash, which is what a request's token is looked up by. A hash of 256 random bits needs no
 * salt or slow hash: there is nothing to guess from it.
 */
public final class BearerTokens {
  /** What a token's name may be: short, and safe to show anywhere. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,40}");

  /** A token's start: says what it is where one turns up (a log, a leaked file). */
  static final String PREFIX = "smt_";

  /** How often a token's last use is written: once a minute keeps busy clients off the writer. */
  static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

  private static final Pattern TOKEN = Pattern.compile(PREFIX + "[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ApiTokens store;
  private final Clock clock;
  private final Map<Long, Instant> lastRecorded = new ConcurrentHashMap<>();

  public BearerTokens(ApiTokens store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** A token made, with the one copy of its secret that will ever be shown. */
  public record Created(ApiToken token, String secret) {}

  /**
   * Makes a token.
   *
   * @param name checked against {@link #NAME} by the caller
   * @return empty when a live token of the workspace has that name already
   */
  public Optional<Created> create(WorkspaceId workspace, String name, String createdBy) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    return store
        .create(workspace, name, hash(secret), createdBy, clock.instant())
        .map(token -> new Created(token, secret));
  }

  public List<ApiToken> live(WorkspaceId workspace) {
    return store.live(workspace);
  }

  public boolean revoke(WorkspaceId workspace, String name) {
    return store.revoke(workspace, name, clock.instant());
  }

  /**
   * The live token an {@code Authorization} header carries ({@code Bearer smt_…}), its use
   * recorded; empty for a missing, malformed, unknown or revoked one.
   */
  public Optional<ApiToken> authenticate(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    String secret = authorization.substring(7).strip();
    if (!TOKEN.matcher(secret).matches()) {
      return Optional.empty();
    }
    Optional<ApiToken> token = store.byHash(hash(secret));
    token.ifPresent(this::recordUse);
    return token;
  }

  private void recordUse(ApiToken token) {
    Instant now = clock.instant();
    Instant last = lastRecorded.get(token.id());
    if (last == null || !now.isBefore(last.plus(USE_RECORDED_EVERY)) || now.isBefore(last)) {
      lastRecorded.put(token.id(), now);
      store.used(token.id(), now);
    }
  }

  /** Lowercase hex SHA-256 of the token's UTF-8: what the database keeps. */
  static String hash(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
