package dev.salesmeter.web;

import dev.salesmeter.core.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and reads dashboard links and the sessions they open, with {@code
 * SALESMETER_DASHBOARD_SECRET}: nothing of a link is stored, so every replica with the same secret
 * reads every link, and only the workspace's epoch (see {@link Epochs}) is needed to revoke them.
 *
 * <p>A token is {@code base64url(payload) "." base64url(HMAC-SHA256(secret, base64url(payload)))}:
 * about 100 URL-safe characters. The payload names what the token is (a link or a session, so
 * neither passes for the other), the role, the expiry in epoch seconds, the workspace's epoch, the
 * workspace and the user, one per line. Signatures are compared in constant time; a payload is only
 * read once its signature is right.
 */
public final class Links {
  /** The shortest secret taken: 32 characters, some 190 bits when they are random base64. */
  public static final int MIN_SECRET_LENGTH = 32;

  /** How long a member's or a manager's link (and its session) works. */
  public static final Duration LINK_VALIDITY = Duration.ofDays(30);

  /** How long a screen's link works: a screen on the wall is set up once. */
  public static final Duration SCREEN_VALIDITY = Duration.ofDays(365);

  /** Longer than any token this class writes: a longer one is refused before any work. */
  private static final int MAX_TOKEN_LENGTH = 1024;

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  /** What a token is: a link to open, or the session cookie a link opened. */
  enum Kind {
    LINK("l"),
    SESSION("s");

    private final String code;

    Kind(String code) {
      this.code = code;
    }
  }

  /** A token that verified: who it is for, and the workspace epoch it was signed in. */
  public record Signed(Viewer viewer, long epoch) {}

  private final SecretKeySpec key;

  /**
   * @throws IllegalArgumentException for a secret shorter than {@link #MIN_SECRET_LENGTH}
   */
  public Links(String secret) {
    if (secret == null || secret.strip().length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException(
          "the secret must be at least " + MIN_SECRET_LENGTH + " characters");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** A link for the viewer, signed in the workspace's current epoch. */
  public String link(Viewer viewer, long epoch) {
    return sign(Kind.LINK, viewer, epoch);
  }

  /** The session a link opens: the same viewer and epoch, so it ends when the link would. */
  public String session(Signed link) {
    return sign(Kind.SESSION, link.viewer(), link.epoch());
  }

  /** A link's viewer, if it is signed with this secret and not expired at {@code now}. */
  public Optional<Signed> readLink(String token, Instant now) {
    return read(Kind.LINK, token, now);
  }

  /** A session's viewer, if it is signed with this secret and not expired at {@code now}. */
  public Optional<Signed> readSession(String token, Instant now) {
    return read(Kind.SESSION, token, now);
  }

  private String sign(Kind kind, Viewer viewer, long epoch) {
    for (String field : new String[] {viewer.workspace().value(), viewer.userId()}) {
      if (field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("a workspace or user id with a line break");
      }
    }
    String payload =
        String.join(
            "\n",
            kind.code,
            viewer.role().name().toLowerCase(Locale.ROOT),
            Long.toString(viewer.expires().getEpochSecond()),
            Long.toString(epoch),
            viewer.workspace().value(),
            viewer.userId());
    String encoded = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    return encoded + "." + ENCODER.encodeToString(mac(encoded));
  }

  private Optional<Signed> read(Kind kind, String token, Instant now) {
    if (token == null || token.length() > MAX_TOKEN_LENGTH) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot <= 0 || dot != token.lastIndexOf('.')) {
      return Optional.empty();
    }
    String encoded = token.substring(0, dot);
    // The signature as this class writes it, compared as text: base64 that decodes to the same
    // bytes through other unused bits is not the same token.
    byte[] expected = ENCODER.encodeToString(mac(encoded)).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(
        expected, token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    byte[] payload;
    try {
      payload = DECODER.decode(encoded);
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    // Signed by us: the payload is one we wrote, but it is still read defensively.
    String[] fields = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
    if (fields.length != 6 || !fields[0].equals(kind.code)) {
      return Optional.empty();
    }
    try {
      Viewer.Role role = Viewer.Role.valueOf(fields[1].toUpperCase(Locale.ROOT));
      Instant expires = Instant.ofEpochSecond(Long.parseLong(fields[2]));
      long epoch = Long.parseLong(fields[3]);
      if (!now.isBefore(expires)) {
        return Optional.empty();
      }
      return Optional.of(
          new Signed(new Viewer(new WorkspaceId(fields[4]), fields[5], role, expires), epoch));
    } catch (RuntimeException malformed) {
      return Optional.empty();
    }
  }

  private byte[] mac(String encoded) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(encoded.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
