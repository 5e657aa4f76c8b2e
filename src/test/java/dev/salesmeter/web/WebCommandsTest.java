package dev.salesmeter.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.command.Reply;
import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.store.Database;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /dashboard} and {@code /apitoken} as typed in Slack by the manager lisa or the rep anna,
 * on Tuesday 31 March 2026 at 17:00 in Amsterdam, with the dashboard at https://sales.example.com.
 */
@ParameterizedClass
@EnumSource(Database.Engine.class)
final class WebCommandsTest {
  @Parameter Database.Engine engine;

  static final Pattern LINK = Pattern.compile("https://sales\\.example\\.com/d/(\\S+)");

  @TempDir Path folder;
  TestWorkspace team;
  Web web;
  Links links = new Links(LinksTest.SECRET);

  /** A workspace whose /dashboard knows the secret and address given. */
  private TestWorkspace team(
      Optional<Links> signer, Optional<String> address, Optional<String> notServed, Locale locale) {
    team =
        new TestWorkspace(
            engine,
            folder.resolve(locale.getLanguage() + signer.isPresent() + address.isPresent()),
            locale,
            LocalDateTime.of(2026, 3, 31, 17, 0),
            (database, figures, log, clock) -> {
              web = new Web(database, figures, log, signer, true, clock);
              return web.commands(address, notServed);
            });
    return team;
  }

  private TestWorkspace team() {
    return team(
        Optional.of(links),
        Optional.of("https://sales.example.com"),
        Optional.empty(),
        Locale.ENGLISH);
  }

  @AfterEach
  void close() {
    if (team != null) {
      team.close();
    }
  }

  private Links.Signed linkIn(Reply reply) {
    Matcher matcher = LINK.matcher(reply.text());
    assertThat(matcher.find()).as(reply.text()).isTrue();
    return links.readLink(matcher.group(1), team.now()).orElseThrow();
  }

  @Test
  @DisplayName("/dashboard: a private link by the asker's role, valid 30 days, naming its end")
  void link() {
    team();
    Reply manager = team.run("/dashboard");
    assertThat(manager.ephemeral()).isTrue();
    assertThat(manager.text())
        .startsWith(
            "Your private link to the dashboard, valid until 30 Apr 2026 17:00. Anyone who has it"
                + " sees the team's figures: keep it to yourself.\nhttps://sales.example.com/d/");
    Links.Signed signed = linkIn(manager);
    assertThat(signed.viewer().workspace()).isEqualTo(TestWorkspace.WORKSPACE);
    assertThat(signed.viewer().userId()).isEqualTo("lisa");
    assertThat(signed.viewer().role()).isEqualTo(Viewer.Role.MANAGER);
    assertThat(signed.viewer().expires()).isEqualTo(team.now().plus(Links.LINK_VALIDITY));
    assertThat(web.epochs().isCurrent(TestWorkspace.WORKSPACE, signed.epoch())).isTrue();

    Links.Signed member = linkIn(team.run("@anna /dashboard"));
    assertThat(member.viewer().userId()).isEqualTo("anna");
    assertThat(member.viewer().role()).isEqualTo(Viewer.Role.MEMBER);
    assertThat(member.viewer().mayDrillDown()).isTrue();
  }

  @Test
  @DisplayName("/dashboard tv (managers): a read-only screen link valid a year")
  void screen() {
    team();
    Reply reply = team.run("/dashboard tv");
    assertThat(reply.text()).startsWith("A read-only link for a screen, valid until 31 Mar 2027");
    Links.Signed signed = linkIn(reply);
    assertThat(signed.viewer().role()).isEqualTo(Viewer.Role.SCREEN);
    assertThat(signed.viewer().mayDrillDown()).isFalse();
    assertThat(signed.viewer().expires()).isEqualTo(team.now().plus(Links.SCREEN_VALIDITY));
    assertThat(linkIn(team.run("/dashboard scherm")).viewer().role()).isEqualTo(Viewer.Role.SCREEN);

    Reply refused = team.run("@anna /dashboard tv");
    assertThat(refused.ephemeral()).isTrue();
    assertThat(refused.text()).isEqualTo("Only managers can use /dashboard tv.");
    assertThat(LINK.matcher(refused.text()).find()).isFalse();
  }

  @Test
  @DisplayName("/dashboard revoke (managers): every earlier link stops working, and says so")
  void revoke() {
    team();
    Links.Signed before = linkIn(team.run("@anna /dashboard"));
    assertThat(team.run("@anna /dashboard revoke").text())
        .isEqualTo("Only managers can use /dashboard revoke.");
    assertThat(web.epochs().isCurrent(TestWorkspace.WORKSPACE, before.epoch())).isTrue();
    Reply revoked = team.run("/dashboard revoke");
    assertThat(revoked.ephemeral()).isTrue();
    assertThat(revoked.text())
        .isEqualTo(
            "Every dashboard link and session of this workspace has stopped working. Whoever needs"
                + " one again asks /dashboard.");
    assertThat(web.epochs().isCurrent(TestWorkspace.WORKSPACE, before.epoch())).isFalse();
    Links.Signed after = linkIn(team.run("@anna /dashboard"));
    assertThat(web.epochs().isCurrent(TestWorkspace.WORKSPACE, after.epoch())).isTrue();
  }

  @Test
  @DisplayName("without the secret: /dashboard says it is off and what to set")
  void off() {
    team(
        Optional.empty(),
        Optional.of("https://sales.example.com"),
        Optional.empty(),
        Locale.ENGLISH);
    assertThat(team.run("/dashboard").text())
        .startsWith("The dashboard is off: SALESMETER_DASHBOARD_SECRET is not set.");
    assertThat(team.run("@anna /dashboard").text()).startsWith("The dashboard is off");
  }

  @Test
  @DisplayName("without http.public-url: a manager is told what to set, a member to ask one")
  void noAddress() {
    team(Optional.of(links), Optional.empty(), Optional.empty(), Locale.ENGLISH);
    assertThat(team.run("/dashboard").text())
        .startsWith(
            "The dashboard's address is not configured: set http.public-url"
                + " (SALESMETER_HTTP_PUBLIC_URL)");
    assertThat(team.run("@anna /dashboard").text())
        .isEqualTo("The dashboard's address is not configured yet: ask a manager to set it up.");
  }

  @Test
  @DisplayName("in Dutch: /dashboard scherm, /apitoken maak and the replies in Dutch")
  void dutch() {
    team(
        Optional.of(links),
        Optional.of("https://sales.example.com"),
        Optional.empty(),
        Locale.forLanguageTag("nl"));
    assertThat(team.run("/dashboard").text())
        .startsWith("Je eigen link naar het dashboard, geldig tot 30 apr 2026 17:00.");
    assertThat(team.run("/dashboard intrekken").text())
        .startsWith("Alle dashboardlinks en sessies van deze werkruimte werken niet meer.");
    assertThat(team.run("/apitoken maak zapier").text())
        .startsWith("API-token \"zapier\" is gemaakt.");
    assertThat(team.run("/apitoken lijst").text())
        .isEqualTo("• zapier: gemaakt 31 mrt 2026 door lisa, nooit gebruikt");
    assertThat(team.run("/apitoken intrekken zapier").text())
        .startsWith("API-token \"zapier\" is ingetrokken");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/dashboard please", "/dashboard tv now", "/dashboard 🍕"})
  @DisplayName("a word /dashboard does not know: a private error with an example")
  void dashboardRefused(String line) {
    team();
    Reply reply = team.run(line);
    assertThat(reply.ephemeral()).isTrue();
    assertThat(reply.text()).contains("Example: /dashboard").doesNotContain("/d/");
  }

  @Test
  @DisplayName("/apitoken create shows the token once; list names it; the store keeps its hash")
  void apiToken() {
    team();
    Reply created = team.run("/apitoken create zapier");
    assertThat(created.ephemeral()).isTrue();
    assertThat(created.text())
        .startsWith("API token \"zapier\" is made. It is shown only this once");
    String secret = created.text().lines().reduce((a, b) -> b).orElseThrow();
    assertThat(secret).matches("smt_[A-Za-z0-9_-]{43}");
    assertThat(web.tokens().authenticate("Bearer " + secret)).isPresent();
    // the database holds its hash, never the token
    String stored =
        team.database()
            .jdbi()
            .withHandle(
                h -> h.createQuery("SELECT token_hash FROM api_tokens").mapTo(String.class).one());
    assertThat(stored).isEqualTo(BearerTokens.hash(secret)).doesNotContain(secret.substring(4));

    team.run("/apitoken create power-bi");
    Reply list = team.run("/apitoken list");
    assertThat(list.ephemeral()).isTrue();
    assertThat(list.title()).contains("API tokens");
    assertThat(list.text())
        .isEqualTo(
            "• zapier: made 31 Mar 2026 by lisa, last used today 17:00\n"
                + "• power-bi: made 31 Mar 2026 by lisa, never used")
        .doesNotContain(secret);
    assertThat(team.run("/apitoken").text()).isEqualTo(list.text());

    assertThat(team.run("/apitoken revoke zapier").text())
        .isEqualTo("API token \"zapier\" is revoked: requests with it are refused from now on.");
    assertThat(web.tokens().authenticate("Bearer " + secret)).isEmpty();
    assertThat(team.run("/apitoken list").text()).doesNotContain("zapier");
    // a revoked token's name may be used again
    assertThat(team.run("/apitoken create zapier").text())
        .startsWith("API token \"zapier\" is made");
  }

  @Test
  @DisplayName("a member asking /apitoken gets a clear refusal and nothing is made")
  void memberRefused() {
    team();
    Reply reply = team.run("@anna /apitoken create mine");
    assertThat(reply.ephemeral()).isTrue();
    assertThat(reply.text()).isEqualTo("Only managers can use /apitoken.");
    assertThat(team.count("api_tokens")).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/apitoken create",
        "/apitoken make zapier",
        "/apitoken create zap\"ier",
        "/apitoken create \"my token\"",
        "/apitoken create 'quoted'",
        "/apitoken create 🍕",
        "/apitoken create zapier; DROP TABLE api_tokens; --",
        "/apitoken create a-name-of-more-than-forty-characters-is-too-long",
        "/apitoken revoke",
        "/apitoken revoke nothing-like-it",
        "/apitoken list all",
        "/apitoken create @anna",
      })
  @DisplayName("missing, wrong and hostile input: a private error, nothing stored")
  void refused(String line) {
    team();
    Reply reply = team.run(line);
    assertThat(reply.ephemeral()).isTrue();
    assertThat(reply.text())
        .doesNotContain("is made")
        .doesNotContain("Something went wrong")
        .doesNotContain("smt_");
    assertThat(team.count("api_tokens")).isZero();
  }

  @Test
  @DisplayName("a 10 kB name is refused as too long; a duplicate name is refused")
  void tooLongAndDuplicate() {
    team();
    assertThat(team.run("/apitoken create " + "x".repeat(10_000)).text()).contains("at most 200");
    assertThat(team.count("api_tokens")).isZero();
    team.run("/apitoken create zapier");
    Reply again = team.run("/apitoken create zapier");
    assertThat(again.text())
        .startsWith("There is already a token named \"zapier\": revoke it first")
        .doesNotContain("smt_");
    assertThat(team.count("api_tokens")).isEqualTo(1);
  }
}
