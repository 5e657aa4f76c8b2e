package dev.salesmeter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.http.HttpListener;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web's routes on a real listener on 127.0.0.1, with two workspaces on one database: T-test
 * (anna and bram sold to Acme and Beta) and T-other (zoe sold to Gamma). A stand-in for the
 * dashboard's page at {@code /dashboard} says whose session it sees, or 403.
 *
 * <p>The history, by hand: T-test sold €400 to Acme (anna) on 10 Feb 2026, then €1,000 to Acme
 * (anna) on 2 March and €250.50 to Beta (bram) on 10 March, and got a lead (Delta, anna) on 12
 * March; T-other sold €7,000 to Gamma (zoe) on 5 March. Asked on 31 March 2026, 17:00 Amsterdam.
 */
final class WebHttpTest {
  static final String SECRET = LinksTest.SECRET;
  static final WorkspaceId TEAM = TestWorkspace.WORKSPACE;
  static final WorkspaceId OTHER = new WorkspaceId("T-other");

  /** Nothing of either workspace may show on a refusal. */
  static final List<String> SECRETS_OF_BOTH =
      List.of(
          "Acme", "Beta", "Gamma", "Delta", "anna", "bram", "zoe", "T-test", "T-other", "1,250",
          "1250", "125050", "7,000", "7000", "700000");

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path folder;
  TestWorkspace team;
  Web web;
  Links links;
  HttpListener listener;
  String tokenOfTeam;
  String tokenOfOther;

  @BeforeEach
  void start() {
    team = TestWorkspace.english(folder);
    team.log("@anna /sale Acme 400 date:2026-02-10");
    team.log("@anna /sale Acme 1000 date:2026-03-02");
    team.log("@bram /sale Beta 250.50 date:2026-03-10");
    team.log("@anna /lead Delta date:2026-03-12");
    team.run(OTHER, "@zoe /sale Gamma 7000 date:2026-03-05", "other-1");
    links = new Links(SECRET);
    web =
        new Web(
            team.database(), team.figures(), team.log(), Optional.of(links), false, team.clock());
    listener =
        HttpListener.start(
            "http-web-test",
            "127.0.0.1",
            0,
            HttpListener.Limits.standard(),
            routes ->
                web.mount(
                    routes,
                    List.of(
                        pages ->
                            pages.get(
                                "/dashboard",
                                ctx ->
                                    web.viewers()
                                        .of(ctx)
                                        .ifPresentOrElse(
                                            viewer ->
                                                ctx.result(
                                                    "figures of "
                                                        + viewer.workspace()
                                                        + " for "
                                                        + viewer.userId()
                                                        + " as "
                                                        + viewer.role()),
                                            () -> Web.page(ctx, 403, "web.forbidden"))))));
    tokenOfTeam = web.tokens().create(TEAM, "bi", "lisa").orElseThrow().secret();
    tokenOfOther = web.tokens().create(OTHER, "bi", "lisa").orElseThrow().secret();
  }

  @AfterEach
  void stop() {
    if (listener != null) {
      listener.close();
    }
    team.close();
  }

  private Viewer viewer(WorkspaceId workspace, String user, Viewer.Role role) {
    return new Viewer(workspace, user, role, team.now().plus(Links.LINK_VALIDITY));
  }

  private String link(WorkspaceId workspace, String user, Viewer.Role role) {
    return links.link(viewer(workspace, user, role), web.epochs().current(workspace).orElseThrow());
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port() + path))
            .timeout(Duration.ofSeconds(10));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> api(String token, String path) throws Exception {
    return get(path, "Authorization", "Bearer " + token);
  }

  /** The session cookie a link's answer sets, as a browser sends it back. */
  private static String cookie(HttpResponse<String> opened) {
    String setCookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  private static void assertSecurityHeaders(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .contains(Web.CONTENT_SECURITY_POLICY);
  }

  private static void assertShowsNothing(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(response.body())
        .contains("This link does not work")
        .contains("Deze link werkt niet");
  }

  @Test
  @DisplayName(
      "a good link: 303 to /dashboard without the token, an HttpOnly SameSite=Strict cookie")
  void goodLink() throws Exception {
    HttpResponse<String> opened = get("/d/" + link(TEAM, "anna", Viewer.Role.MEMBER));
    assertThat(opened.statusCode()).isEqualTo(303);
    assertThat(opened.headers().firstValue("Location")).contains("/dashboard");
    assertThat(opened.headers().firstValue("Cache-Control")).contains("no-store");
    String setCookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie)
        .startsWith(SignedSessions.COOKIE + "=")
        .contains("; HttpOnly")
        .contains("; SameSite=Strict")
        .contains("; Path=/")
        .contains("; Max-Age=" + Links.LINK_VALIDITY.toSeconds())
        .doesNotContain("Secure"); // the test's address is http
    assertSecurityHeaders(opened);

    HttpResponse<String> page = get("/dashboard", "Cookie", cookie(opened));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).isEqualTo("figures of T-test for anna as MEMBER");
    assertSecurityHeaders(page);

    HttpResponse<String> screen = get("/d/" + link(TEAM, "lisa", Viewer.Role.SCREEN));
    assertThat(screen.headers().firstValue("Location")).contains("/dashboard?tv");
    assertThat(get("/dashboard", "Cookie", cookie(screen)).body())
        .isEqualTo("figures of T-test for lisa as SCREEN");
  }

  @Test
  @DisplayName("another workspace's link opens that workspace only")
  void otherWorkspacesLink() throws Exception {
    HttpResponse<String> opened = get("/d/" + link(OTHER, "zoe", Viewer.Role.MANAGER));
    assertThat(get("/dashboard", "Cookie", cookie(opened)).body())
        .isEqualTo("figures of T-other for zoe as MANAGER")
        .doesNotContain("T-test");
  }

  @Test
  @DisplayName("tampered, foreign, expired, unknown and garbled links: 403, nothing of either team")
  void refusedLinks() throws Exception {
    String good = link(TEAM, "anna", Viewer.Role.MEMBER);
    String signature = good.substring(good.indexOf('.'));
    String expires = Long.toString(team.now().plus(Links.LINK_VALIDITY).getEpochSecond());
    List<String> refused = new ArrayList<>();
    // the payload changed to the other workspace, to a manager, to a later expiry: old signature
    for (String payload :
        List.of(
            "l\nmember\n" + expires + "\n0\nT-other\nanna",
            "l\nmanager\n" + expires + "\n0\nT-test\nanna",
            "l\nmember\n" + (Long.parseLong(expires) + 86_400) + "\n0\nT-test\nanna")) {
      refused.add(
          java.util.Base64.getUrlEncoder()
                  .withoutPadding()
                  .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
              + signature);
    }
    // signed by another deployment, for either workspace
    Links foreign = new Links("another-deployment-secret-of-40-chars-00");
    refused.add(foreign.link(viewer(OTHER, "zoe", Viewer.Role.MANAGER), 0));
    refused.add(foreign.link(viewer(TEAM, "anna", Viewer.Role.MANAGER), 0));
    // expired a second ago
    refused.add(
        links.link(new Viewer(TEAM, "anna", Viewer.Role.MEMBER, team.now().minusSeconds(1)), 0));
    // right signature, a workspace this database does not have
    refused.add(links.link(viewer(new WorkspaceId("T-nowhere"), "x", Viewer.Role.MANAGER), 0));
    // a session where a link belongs
    refused.add(links.session(links.readLink(good, team.now()).orElseThrow()));
    refused.add("garbage");
    refused.add("%27%20OR%201%3D1--");
    for (String token : refused) {
      HttpResponse<String> response = get("/d/" + token);
      assertShowsNothing(response);
      assertSecurityHeaders(response);
      assertThat(response.body()).doesNotContain(SECRETS_OF_BOTH);
    }
  }

  @Test
  @DisplayName("revoking: the link and the session it opened stop working at once")
  void revoked() throws Exception {
    String link = link(TEAM, "anna", Viewer.Role.MEMBER);
    String session = cookie(get("/d/" + link));
    assertThat(get("/dashboard", "Cookie", session).statusCode()).isEqualTo(200);
    web.epochs().revoke(TEAM);
    HttpResponse<String> page = get("/dashboard", "Cookie", session);
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).doesNotContain(SECRETS_OF_BOTH);
    assertShowsNothing(get("/d/" + link));
    // the other workspace's links go on working
    assertThat(get("/d/" + link(OTHER, "zoe", Viewer.Role.MEMBER)).statusCode()).isEqualTo(303);
    // a new link of the new epoch works
    assertThat(get("/d/" + link(TEAM, "anna", Viewer.Role.MEMBER)).statusCode()).isEqualTo(303);
  }

  @Test
  @DisplayName("forged cookies: 403 and nothing of either workspace")
  void forgedCookies() throws Exception {
    Links foreign = new Links("another-deployment-secret-of-40-chars-00");
    Links.Signed teamManager = new Links.Signed(viewer(TEAM, "lisa", Viewer.Role.MANAGER), 0);
    String good = cookie(get("/d/" + link(TEAM, "anna", Viewer.Role.MEMBER)));
    for (String value :
        List.of(
            foreign.session(teamManager),
            link(TEAM, "lisa", Viewer.Role.MANAGER), // a link is no session
            good.substring(good.indexOf('=') + 1).replaceFirst(".$", "x"),
            links.session(
                new Links.Signed(
                    new Viewer(TEAM, "lisa", Viewer.Role.MANAGER, team.now().minusSeconds(1)), 0)),
            "",
            "x".repeat(4000))) {
      HttpResponse<String> page = get("/dashboard", "Cookie", SignedSessions.COOKIE + "=" + value);
      assertThat(page.statusCode()).isEqualTo(403);
      assertThat(page.body()).doesNotContain(SECRETS_OF_BOTH);
      assertSecurityHeaders(page);
    }
    assertThat(get("/dashboard").statusCode()).isEqualTo(403);
  }

  private JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    return JSON.readTree(response.body());
  }

  @Test
  @DisplayName("each workspace's token sees its own numbers only, money in cents")
  void apiPerWorkspace() throws Exception {
    JsonNode team = json(api(tokenOfTeam, "/api/v1/figures/revenue?period=march%202026"));
    // 1,000.00 + 250.50 = 1,250.50: 125050 cents in 2 sales; February: 400.00 in 1
    assertThat(team.at("/totals/revenue/cents").asLong()).isEqualTo(125_050);
    assertThat(team.at("/totals/revenue/currency").asText()).isEqualTo("EUR");
    assertThat(team.at("/totals/sales").asLong()).isEqualTo(2);
    assertThat(team.at("/previous/revenue/cents").asLong()).isEqualTo(40_000);
    assertThat(team.at("/reps/0/rep/name").asText()).isEqualTo("anna");
    assertThat(team.at("/reps/0/revenue/cents").asLong()).isEqualTo(100_000);
    assertThat(team.at("/reps/1/rep/name").asText()).isEqualTo("bram");
    assertThat(team.at("/reps/1/revenue/cents").asLong()).isEqualTo(25_050);
    assertThat(team.at("/reps").size()).isEqualTo(2);
    assertThat(team.at("/period/start").asText()).isEqualTo("2026-03-01");
    assertThat(team.at("/period/end").asText()).isEqualTo("2026-03-31");
    assertThat(team.at("/target").isNull()).isTrue();
    assertThat(team.toString()).doesNotContain("zoe", "Gamma", "700000");

    JsonNode other = json(api(tokenOfOther, "/api/v1/figures/omzet?period=maart%202026"));
    assertThat(other.at("/totals/revenue/cents").asLong()).isEqualTo(700_000);
    assertThat(other.at("/totals/sales").asLong()).isEqualTo(1);
    assertThat(other.at("/reps/0/rep/name").asText()).isEqualTo("zoe");
    assertThat(other.toString()).doesNotContain("anna", "bram", "125050");

    // one rep, by name: anna's 1,000 of March against her 400 of February
    JsonNode anna = json(api(tokenOfTeam, "/api/v1/figures/revenue?period=2026-03&rep=anna"));
    assertThat(anna.at("/rep/name").asText()).isEqualTo("anna");
    assertThat(anna.at("/rep/userId").asText()).isEqualTo("anna");
    assertThat(anna.at("/totals/revenue/cents").asLong()).isEqualTo(100_000);
    assertThat(anna.at("/previous/revenue/cents").asLong()).isEqualTo(40_000);
    // another workspace's rep is unknown here, not a way in
    HttpResponse<String> zoe = api(tokenOfTeam, "/api/v1/figures/revenue?rep=zoe");
    assertThat(zoe.statusCode()).isEqualTo(400);
    assertThat(json(zoe).get("error").asText()).isEqualTo("There is no rep \"zoe\" yet.");

    // repeat: the Acme sale of March followed one of February: 1 of 2, 100000 of 125050 cents
    JsonNode repeat = json(api(tokenOfTeam, "/api/v1/figures/repeat?period=march%202026"));
    assertThat(repeat.at("/sales/byCount/part").asLong()).isEqualTo(1);
    assertThat(repeat.at("/sales/byCount/whole").asLong()).isEqualTo(2);
    assertThat(repeat.at("/sales/byCount/percent").decimalValue()).isEqualByComparingTo("50");
    assertThat(repeat.at("/sales/byRevenue/part").asLong()).isEqualTo(100_000);
    assertThat(repeat.at("/sales/byRevenue/whole").asLong()).isEqualTo(125_050);

    // the leaderboard by number of sales: anna 1, bram 1, sharing first place
    JsonNode board =
        json(api(tokenOfTeam, "/api/v1/figures/leaderboard?period=march%202026&by=sales"));
    assertThat(board.at("/ranking").asText()).isEqualTo("SALES");
    assertThat(board.at("/places/0/now").asLong()).isEqualTo(1);
    assertThat(board.at("/places/1/rank").asInt()).isEqualTo(1);

    // conversion: one lead in March (Delta), nothing further yet
    JsonNode funnel = json(api(tokenOfTeam, "/api/v1/figures/conversion?period=march%202026"));
    assertThat(funnel.at("/cohort/leads").asLong()).isEqualTo(1);
    assertThat(funnel.at("/cohort/toSale/part").asLong()).isZero();
    assertThat(funnel.at("/cohort/toSale/whole").asLong()).isEqualTo(1);

    // the scorecard of week 10 (2–8 March): anna's 1,000 sale
    JsonNode card = json(api(tokenOfTeam, "/api/v1/scorecard?week=2026-W10"));
    assertThat(card.at("/weeks/0/start").asText()).isEqualTo("2026-03-02");
    assertThat(card.at("/counts/0/revenue/cents").asLong()).isEqualTo(100_000);
    assertThat(card.at("/counts/0/sales").asLong()).isEqualTo(1);

    // the token's use is recorded
    assertThat(web.tokens().live(TEAM).get(0).lastUsedAt()).contains(this.team.now());
  }

  @Test
  @DisplayName("every figure and the scorecard answer with their result's fields")
  void jsonShape() throws Exception {
    Map<String, Set<String>> fields =
        Map.of(
            "conversion", Set.of("period", "rep", "cohort", "previous"),
            "quotes",
                Set.of(
                    "period", "rep", "cohort", "previous", "staleDays", "today", "zone", "stale"),
            "aov",
                Set.of(
                    "period",
                    "rep",
                    "orders",
                    "previous",
                    "reps",
                    "countMedian",
                    "valueMedian",
                    "wholeAmounts"),
            "revenue",
                Set.of(
                    "period",
                    "rep",
                    "totals",
                    "previous",
                    "reps",
                    "target",
                    "today",
                    "days",
                    "attained",
                    "pace"),
            "churn",
                Set.of(
                    "period",
                    "rep",
                    "rate",
                    "previousRate",
                    "churned",
                    "fresh",
                    "wonBack",
                    "newAndGone",
                    "atRisk",
                    "months"),
            "ltv",
                Set.of(
                    "period",
                    "rep",
                    "window",
                    "covered",
                    "revenueCents",
                    "profitCents",
                    "customers",
                    "newCustomers",
                    "costsCents",
                    "rate",
                    "availableFrom",
                    "wholeUnits",
                    "missing",
                    "revenuePerCustomer",
                    "profitPerCustomer",
                    "marginPercent",
                    "lifetime",
                    "ltv",
                    "cac",
                    "payback",
                    "ltvToCac"),
            "crosssell", Set.of("period", "rep", "sales", "previous", "reps"),
            "repeat", Set.of("period", "rep", "sales", "previous", "reps"),
            "leaderboard", Set.of("period", "rep", "ranking", "places"));
    for (var figure : fields.entrySet()) {
      HttpResponse<String> response =
          api(tokenOfTeam, "/api/v1/figures/" + figure.getKey() + "?period=march%202026");
      assertThat(response.statusCode()).as(figure.getKey()).isEqualTo(200);
      assertSecurityHeaders(response);
      assertThat(names(json(response))).as(figure.getKey()).isEqualTo(figure.getValue());
    }
    assertThat(names(json(api(tokenOfTeam, "/api/v1/scorecard"))))
        .isEqualTo(
            Set.of(
                "workspaceName",
                "weeks",
                "counts",
                "churned",
                "averaged",
                "running",
                "target",
                "targetDay",
                "churnedInWeek",
                "atRisk",
                "best",
                "stale",
                "staleDays"));
  }

  private static Set<String> names(JsonNode object) {
    Set<String> names = new TreeSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  @DisplayName("no, a wrong, a malformed or a revoked token: 401 with WWW-Authenticate: Bearer")
  void unauthorized() throws Exception {
    String path = "/api/v1/figures/revenue";
    List<HttpResponse<String>> refused = new ArrayList<>();
    refused.add(get(path));
    refused.add(api("smt_" + "A".repeat(43), path));
    refused.add(api("not-a-token", path));
    refused.add(get(path, "Authorization", "Basic " + tokenOfTeam));
    refused.add(api(tokenOfTeam + "x", path));
    assertThat(web.tokens().revoke(TEAM, "bi")).isTrue();
    refused.add(api(tokenOfTeam, path));
    refused.add(api(tokenOfTeam, "/api/v1/scorecard"));
    for (HttpResponse<String> response : refused) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
      assertThat(json(response).has("error")).isTrue();
      assertThat(response.body()).doesNotContain(SECRETS_OF_BOTH);
      assertSecurityHeaders(response);
    }
    // the other workspace's token still works
    assertThat(api(tokenOfOther, path).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("a wrong figure, period, week, rep or parameter: 400 with the error and an example")
  void badRequests() throws Exception {
    Map<String, String> cases =
        Map.of(
            "/api/v1/figures/profit",
            "\"profit\" is not a figure",
            "/api/v1/figures/revenue?period=someday",
            "I don't know the period \"someday\"",
            "/api/v1/figures/revenue?period=" + "x".repeat(300),
            "at most 200",
            "/api/v1/figures/revenue?rep=nobody",
            "There is no rep \"nobody\" yet.",
            "/api/v1/figures/revenue?period=2026&period=2025",
            "more than once",
            "/api/v1/figures/revenue?by=sales",
            "Only the leaderboard takes by=",
            "/api/v1/figures/leaderboard?by=smiles",
            "\"smiles\" is not a ranking",
            "/api/v1/scorecard?week=march",
            "week",
            "/api/v1/scorecard?week=2026-W30",
            "week",
            "/api/v1/figures/revenue?rep="
                + URLEncoder.encode("'; DROP TABLE events; --\uD83C\uDF55", StandardCharsets.UTF_8),
            "There is no rep");
    for (var each : cases.entrySet()) {
      HttpResponse<String> response = api(tokenOfTeam, each.getKey());
      assertThat(response.statusCode()).as(each.getKey()).isEqualTo(400);
      JsonNode error = json(response);
      assertThat(error.get("error").asText()).as(each.getKey()).contains(each.getValue());
      assertThat(error.get("example").asText()).startsWith("/api/v1/");
    }
    // 10 kB in the address is refused before any of it is read
    assertThat(
            api(tokenOfTeam, "/api/v1/figures/revenue?period=" + "x".repeat(10_000)).statusCode())
        .isEqualTo(414);
    assertThat(team.events()).isEqualTo(4);
  }

  @Test
  @DisplayName("an unknown path: 404, JSON under /api, a short page elsewhere")
  void notFound() throws Exception {
    HttpResponse<String> api = api(tokenOfTeam, "/api/v2/figures/revenue");
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(json(api).get("error").asText()).contains("no such endpoint");
    HttpResponse<String> page = get("/wp-admin.php");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("Not found").contains("Niet gevonden");
    assertSecurityHeaders(page);
  }

  @Test
  @DisplayName("without a secret no link opens; the API still answers")
  void dashboardOff() throws Exception {
    listener.close();
    Web off =
        new Web(team.database(), team.figures(), team.log(), Optional.empty(), false, team.clock());
    listener =
        HttpListener.start(
            "http-web-test",
            "127.0.0.1",
            0,
            HttpListener.Limits.standard(),
            routes -> off.mount(routes, List.of()));
    HttpResponse<String> opened = get("/d/" + link(TEAM, "anna", Viewer.Role.MEMBER));
    assertThat(opened.statusCode()).isEqualTo(503);
    assertThat(opened.body()).contains("SALESMETER_DASHBOARD_SECRET").doesNotContain("anna");
    assertThat(opened.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(api(tokenOfTeam, "/api/v1/figures/revenue").statusCode()).isEqualTo(200);
  }
}
