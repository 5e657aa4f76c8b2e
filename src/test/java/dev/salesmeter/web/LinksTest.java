package dev.salesmeter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.store.Database;
import dev.salesmeter.store.LinkEpochs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed links and sessions: what verifies, and every way a token is refused. */
final class LinksTest {
  static final String SECRET = "a-test-secret-of-forty-characters-000000";
  static final Instant NOW = Instant.parse("2026-03-31T15:00:00Z");
  static final WorkspaceId TEAM = new WorkspaceId("T-test");

  private final Links links = new Links(SECRET);
  private final Viewer anna =
      new Viewer(TEAM, "U-anna", Viewer.Role.MEMBER, NOW.plus(Links.LINK_VALIDITY));

  @Test
  @DisplayName("a link reads back as its viewer and epoch; its session as the same")
  void roundTrip() {
    String link = links.link(anna, 3);
    Links.Signed read = links.readLink(link, NOW).orElseThrow();
    assertThat(read.viewer()).isEqualTo(anna);
    assertThat(read.epoch()).isEqualTo(3);
    assertThat(links.readSession(links.session(read), NOW)).contains(read);
    // URL-safe, and short enough for a chat message and a cookie
    assertThat(link).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+").hasSizeLessThan(160);
  }

  @Test
  @DisplayName("a link is no session and a session no link")
  void kinds() {
    String link = links.link(anna, 0);
    String session = links.session(links.readLink(link, NOW).orElseThrow());
    assertThat(links.readSession(link, NOW)).isEmpty();
    assertThat(links.readLink(session, NOW)).isEmpty();
  }

  @Test
  @DisplayName("a payload changed to another workspace, user or role no longer verifies")
  void tamperedPayload() {
    String link = links.link(anna, 0);
    String signature = link.substring(link.indexOf('.'));
    for (String changed :
        new String[] {
          "l\nmanager\n" + anna.expires().getEpochSecond() + "\n0\nT-test\nU-anna",
          "l\nmember\n" + anna.expires().getEpochSecond() + "\n0\nT-other\nU-anna",
          "l\nmember\n"
              + anna.expires().plusSeconds(86_400 * 365).getEpochSecond()
              + "\n0\nT-test\nU-anna",
          "l\nmember\n" + anna.expires().getEpochSecond() + "\n1\nT-test\nU-anna"
        }) {
      String forged =
          Base64.getUrlEncoder()
                  .withoutPadding()
                  .encodeToString(changed.getBytes(StandardCharsets.UTF_8))
              + signature;
      assertThat(links.readLink(forged, NOW)).as(changed).isEmpty();
    }
  }

  @Test
  @DisplayName("a changed, cut, missing or garbled signature does not verify")
  void tamperedSignature() {
    String link = links.link(anna, 0);
    int dot = link.indexOf('.');
    char last = link.charAt(link.length() - 1);
    String flipped = link.substring(0, link.length() - 1) + (last == 'A' ? 'B' : 'A');
    assertThat(links.readLink(flipped, NOW)).isEmpty();
    assertThat(links.readLink(link.substring(0, link.length() - 4), NOW)).isEmpty();
    assertThat(links.readLink(link.substring(0, dot), NOW)).isEmpty();
    assertThat(links.readLink(link.substring(0, dot + 1), NOW)).isEmpty();
    assertThat(links.readLink(link + ".x", NOW)).isEmpty();
    assertThat(links.readLink(link.replace('.', '!'), NOW)).isEmpty();
    assertThat(links.readLink("", NOW)).isEmpty();
    assertThat(links.readLink(null, NOW)).isEmpty();
    assertThat(links.readLink("x".repeat(10_000) + "." + "y".repeat(10), NOW)).isEmpty();
    assertThat(links.readLink("' OR 1=1 --.\uD83C\uDF55", NOW)).isEmpty();
  }

  @Test
  @DisplayName("a link works until the second it expires, and not from then on")
  void expired() {
    String link = links.link(anna, 0);
    assertThat(links.readLink(link, anna.expires().minusSeconds(1))).isPresent();
    assertThat(links.readLink(link, anna.expires())).isEmpty();
    assertThat(links.readLink(link, anna.expires().plusSeconds(86_400))).isEmpty();
  }

  @Test
  @DisplayName("a link signed with another secret (another deployment) does not verify")
  void otherSecret() {
    String link = new Links("another-deployment-secret-of-40-chars-00").link(anna, 0);
    assertThat(links.readLink(link, NOW)).isEmpty();
  }

  @Test
  @DisplayName("a secret shorter than 32 characters is refused")
  void shortSecret() {
    assertThatThrownBy(() -> new Links("x".repeat(31)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Links(" ".repeat(40)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("revoking raises the epoch: a link of the epoch before no longer counts")
  void revokedEpoch(@TempDir Path folder) {
    try (Database database = Database.open(folder.resolve("links.db"))) {
      database.write(
          handle ->
              handle.execute(
                  "INSERT INTO workspaces (id, locale, time_zone, currency, default_margin_bp,"
                      + " inactivity_days, stale_quote_days, created_at)"
                      + " VALUES ('T-test', 'en', 'UTC', 'EUR', 2500, 365, 7, 0)"));
      Epochs epochs = new Epochs(new LinkEpochs(database), Clock.fixed(NOW, ZoneOffset.UTC));
      long before = epochs.current(TEAM).orElseThrow();
      Links.Signed link = links.readLink(links.link(anna, before), NOW).orElseThrow();
      assertThat(epochs.isCurrent(TEAM, link.epoch())).isTrue();
      assertThat(epochs.revoke(TEAM)).isEqualTo(before + 1);
      assertThat(epochs.isCurrent(TEAM, link.epoch())).isFalse();
      assertThat(new LinkEpochs(database).epoch(TEAM)).hasValue(before + 1);
      // a workspace the database does not know has no epoch: none of its links count
      assertThat(epochs.isCurrent(new WorkspaceId("T-unknown"), 0)).isFalse();
    }
  }

  @Test
  @DisplayName("an id with a line break cannot be signed (it would forge another field)")
  void lineBreak() {
    Viewer odd = new Viewer(TEAM, "anna\nmanager", Viewer.Role.MEMBER, anna.expires());
    assertThatThrownBy(() -> links.link(odd, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
