package dev.salesmeter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.core.Money;
import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.figure.Drilldown;
import dev.salesmeter.figure.Drilldown.Column;
import dev.salesmeter.figure.Drilldown.Kind;
import dev.salesmeter.figure.Drilldown.Row;
import dev.salesmeter.figure.Figure;
import dev.salesmeter.figure.FigureAnswer;
import dev.salesmeter.figure.FigureQuery;
import dev.salesmeter.figure.revenue.RevenueFigure;
import dev.salesmeter.figure.revenue.RevenueResult;
import dev.salesmeter.http.HttpListener;
import dev.salesmeter.scorecard.Scorecard;
import dev.salesmeter.store.RepRoster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's routes over real HTTP on the real store: who may see what, the form's errors,
 * each figure's chart data, the drill-down and its CSV (with a stand-in drill-down for revenue),
 * and the assets.
 */
final class DashboardPagesTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final WorkspaceId OTHER = new WorkspaceId("T-other");

  @TempDir Path folder;

  private TestWorkspace team;
  private HttpListener listener;

  /** Who the fake session says is looking; empty is nobody. */
  private final AtomicReference<Optional<Viewer>> viewer = new AtomicReference<>();

  /** The stand-in drill-down of revenue. */
  private final AtomicReference<Drilldown> revenueDrill = new AtomicReference<>();

  @BeforeEach
  void start() {
    team = TestWorkspace.english(folder); // Tuesday 31 March 2026, 17:00 in Amsterdam
    startOn(team);
    // given: March 2026: anna €1,200 (her lead Acme, won), bram €800; February: anna €500
    team.log("@anna /lead Acme source:web");
    team.log("@anna /sale Acme 1200");
    team.log("@bram /sale \"Beta BV\" 800 date:2026-03-10");
    team.log("@anna /sale Gamma 500 date:2026-02-15");
    as(Viewer.Role.MEMBER);
  }

  private void startOn(TestWorkspace workspace) {
    List<Figure<?>> figures = new ArrayList<>(workspace.figures().all());
    RevenueFigure revenue = workspace.figures().revenue();
    figures.set(figures.indexOf(revenue), new StandInDrill(revenue, revenueDrill::get));
    DashboardPages pages =
        new DashboardPages(
            figures,
            new Scorecard(workspace.figures()),
            workspace.log(),
            new RepRoster(workspace.database()),
            Clock.fixed(workspace.now(), TestWorkspace.AMSTERDAM));
    listener =
        HttpListener.start(
            "http-test",
            "127.0.0.1",
            0,
            HttpListener.Limits.standard(),
            routes -> {
              pages.mount(routes, request -> viewer.get());
              // A failure's stack in the body, where a test's assertion shows it.
              routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    StringWriter trace = new StringWriter();
                    e.printStackTrace(new PrintWriter(trace));
                    ctx.status(500).result(trace.toString());
                  });
            });
  }

  @AfterEach
  void stop() {
    listener.close();
    team.close();
  }

  private void as(Viewer.Role role) {
    as(TestWorkspace.WORKSPACE, role);
  }

  private void as(WorkspaceId workspace, Viewer.Role role) {
    viewer.set(
        Optional.of(new Viewer(workspace, "lisa", role, Instant.parse("2026-04-30T00:00:00Z"))));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port() + path))
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private JsonNode chart(String figure, String query) throws Exception {
    HttpResponse<String> response = get("/dashboard/charts/" + figure + "?" + query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/json");
    return JSON.readTree(response.body());
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Nested
  @DisplayName("who may see what")
  final class Access {
    @Test
    @DisplayName("without a viewer every path is 403 and shows nothing of any workspace")
    void nobody() throws Exception {
      viewer.set(Optional.empty());
      for (String path :
          List.of(
              "/dashboard",
              "/dashboard?period=last+month&rep=anna",
              "/dashboard/charts/revenue?period=this+month",
              "/dashboard/drill/revenue?period=this+month",
              "/dashboard/drill/revenue?period=this+month&format=csv")) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(403);
        assertThat(response.body())
            .as(path)
            .contains("not valid")
            .contains("niet (meer) geldig")
            .doesNotContain("€")
            .doesNotContain("anna")
            .doesNotContain("Acme");
      }
    }

    @Test
    @DisplayName("a viewer of another workspace sees that workspace, never this one's")
    void otherWorkspace() throws Exception {
      as(OTHER, Viewer.Role.MANAGER);
      HttpResponse<String> page = get("/dashboard?period=march+2026");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).doesNotContain("anna").doesNotContain("€1,200").contains("€0");
      // A rep of this workspace is unknown there, even by its exact id.
      assertThat(get("/dashboard?rep=anna").statusCode()).isEqualTo(400);
      JsonNode leaderboard = chart("leaderboard", "period=march+2026");
      assertThat(leaderboard.path("categories")).isEmpty();
    }

    @Test
    @DisplayName("a screen sees the figures without drill-down links, and the drill-down is 403")
    void screen() throws Exception {
      as(Viewer.Role.SCREEN);
      HttpResponse<String> page = get("/dashboard");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("€2,000").doesNotContain("/dashboard/drill/");
      revenueDrill.set(new Drilldown(List.of()));
      assertThat(get("/dashboard/drill/revenue?period=this+month").statusCode()).isEqualTo(403);
      assertThat(get("/dashboard/drill/revenue?period=this+month&format=csv").statusCode())
          .isEqualTo(403);
    }

    @Test
    @DisplayName("pages are never cached; assets are, for a year, under a versioned URL")
    void caching() throws Exception {
      assertThat(get("/dashboard").headers().firstValue("Cache-Control")).contains("no-store");
      assertThat(get("/dashboard/charts/revenue").headers().firstValue("Cache-Control"))
          .contains("no-store");
      HttpResponse<String> echarts = get("/assets/echarts.min.js");
      assertThat(echarts.statusCode()).isEqualTo(200);
      assertThat(echarts.headers().firstValue("Cache-Control"))
          .contains("public, max-age=31536000, immutable");
      assertThat(echarts.headers().firstValue("Content-Type"))
          .get()
          .asString()
          .startsWith("text/javascript");
      assertThat(echarts.body()).contains("echarts").hasSizeGreaterThan(500_000);
      assertThat(get("/assets/dashboard.css").body()).contains("--blue: #0072B2");
      assertThat(get("/assets/nothing.js").statusCode()).isEqualTo(404);
      assertThat(get("/assets/..%2Fmessages.properties").statusCode()).isEqualTo(404);
    }
  }

  @Nested
  @DisplayName("the page")
  final class Page {
    @Test
    @DisplayName(
        "shows this month's figures with their comparisons, the scorecard, and links to each"
            + " figure's chart data and drill-down")
    void thisMonth() throws Exception {
      HttpResponse<String> response = get("/dashboard");
      String html = response.body();
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(html)
          .contains("<html lang=\"en\">")
          .contains("March 2026 (1–31 Mar)")
          .contains("Scorecard — week 13, 2026 (23–29 Mar)")
          // revenue €2,000 against February's €500: ▲ €1,500 (+300%)
          .contains("€2,000")
          .contains("▲ €1,500 (+300%)")
          .contains("/dashboard/charts/revenue?period=this+month")
          .contains("href=\"/dashboard/drill/revenue?period=this+month\"");
      // Every figure of chat has its section, in chat's order.
      int last = -1;
      for (String name :
          List.of(
              "conversion",
              "quotes",
              "aov",
              "revenue",
              "churn",
              "ltv",
              "crosssell",
              "repeat",
              "leaderboard")) {
        int at = html.indexOf("id=\"figure-" + name + "\"");
        assertThat(at).as(name).isGreaterThan(last);
        last = at;
      }
      // The rep filter lists the workspace's reps.
      assertThat(html).contains("<option value=\"anna\"").contains("<option value=\"bram\"");
    }

    @Test
    @DisplayName("works under the strict CSP: no inline script or style, scripts from /assets")
    void noInlineCode() throws Exception {
      String html = get("/dashboard").body();
      assertThat(html).doesNotContain(" style=").doesNotContain("<style").doesNotContain("onclick");
      assertThat(html.split("<script", -1)).hasSize(3); // echarts and ours, nothing inline
      assertThat(html)
          .containsPattern("<script src=\"/assets/echarts.min.js\\?v=[0-9a-f]+\" defer></script>")
          .containsPattern("<script src=\"/assets/dashboard.js\\?v=[0-9a-f]+\" defer></script>");
    }

    @Test
    @DisplayName("the period and the rep change the numbers: last month, and anna alone")
    void periodAndRep() throws Exception {
      String february = get("/dashboard?period=last+month").body();
      assertThat(february).contains("February 2026 (1–28 Feb)").contains("€500");
      String anna = get("/dashboard?period=march+2026&rep=anna").body();
      assertThat(anna)
          .contains("March 2026 (1–31 Mar) · anna")
          .contains("€1,200")
          .contains("<option value=\"anna\" selected>")
          .contains("/dashboard/drill/revenue?period=march+2026&amp;rep=anna")
          .doesNotContain("€2,000");
      // A picker's range arrives as from and to.
      String range = get("/dashboard?from=2026-03-01&to=2026-03-15").body();
      assertThat(range).contains("1–15 Mar").contains("€800");
    }

    @Test
    @DisplayName(
        "a period, rep or week it cannot read is said next to its field (400), with the form and"
            + " no figures; hostile input is escaped and shortened")
    void badInput() throws Exception {
      HttpResponse<String> script = get("/dashboard?period=" + encode("<script>alert(1)</script>"));
      assertThat(script.statusCode()).isEqualTo(400);
      assertThat(script.body())
          .contains("id=\"period-error\"")
          .contains("I don't know the period \"&lt;script&gt;alert(1)&lt;/script&gt;\"")
          .contains("aria-invalid=\"true\"")
          .doesNotContain("<script>alert")
          .doesNotContain("id=\"figure-revenue\"")
          .doesNotContain("€2,000");
      HttpResponse<String> long5k = get("/dashboard?period=" + "x".repeat(5_000));
      assertThat(long5k.statusCode()).isEqualTo(400);
      assertThat(long5k.body()).contains("x".repeat(40) + "…").doesNotContain("x".repeat(41));
      // Longer still, the server refuses the request line itself.
      assertThat(get("/dashboard?period=" + "x".repeat(10_000)).statusCode()).isEqualTo(414);
      HttpResponse<String> sql = get("/dashboard?rep=" + encode("anna' OR '1'='1"));
      assertThat(sql.statusCode()).isEqualTo(400);
      assertThat(sql.body()).contains("id=\"rep-error\"").contains("There is no rep");
      HttpResponse<String> emoji = get("/dashboard?period=" + encode("🚀 maand"));
      assertThat(emoji.statusCode()).isEqualTo(400);
      assertThat(emoji.body()).contains("🚀 maand");
      HttpResponse<String> week = get("/dashboard?week=" + encode("march 2026"));
      assertThat(week.statusCode()).isEqualTo(400);
      assertThat(week.body()).contains("id=\"week-error\"").contains("is not a week");
      assertThat(get("/dashboard?week=2026-W20").body()).contains("has not started yet");
      assertThat(get("/dashboard/charts/revenue?period=nonsense").statusCode()).isEqualTo(400);
      assertThat(get("/dashboard/charts/revenue?rep=nobody").statusCode()).isEqualTo(400);
      assertThat(get("/dashboard/charts/nonsense").statusCode()).isEqualTo(404);
      // Nothing was stored by any of it.
      assertThat(team.events()).isEqualTo(4);
    }

    @Test
    @DisplayName("TV mode refreshes itself, has no drill-down links and links back")
    void tv() throws Exception {
      String html = get("/dashboard?period=this+month&tv").body();
      assertThat(html)
          .contains("<body class=\"dashboard tv\">")
          .contains("<meta http-equiv=\"refresh\" content=\"60\">")
          .doesNotContain("/dashboard/drill/")
          .doesNotContain("<form")
          .contains("href=\"/dashboard?period=this+month\"");
      assertThat(get("/dashboard").body()).contains("href=\"/dashboard?period=this+month&amp;tv\"");
    }

    @Test
    @DisplayName("a Dutch workspace reads Dutch, with Dutch money")
    void dutch() throws Exception {
      listener.close();
      team.close();
      team = TestWorkspace.dutch(folder.resolve("nl"));
      startOn(team);
      team.log("@anna /verkoop Acme 1200");
      String html = get("/dashboard").body();
      assertThat(html)
          .contains("<html lang=\"nl\">")
          .contains("Verkoopdashboard")
          .contains("maart 2026")
          .contains("Omzet")
          .contains("€ 1.200");
    }
  }

  @Nested
  @DisplayName("the charts' data")
  final class Charts {
    @Test
    @DisplayName("revenue: the running sum day by day through today, labelled as chat writes money")
    void revenue() throws Exception {
      JsonNode chart = chart("revenue", "period=march+2026");
      assertThat(chart.path("type").asText()).isEqualTo("line");
      assertThat(chart.path("unit").asText()).isEqualTo("money");
      assertThat(chart.path("currency").asText()).isEqualTo("EUR");
      assertThat(chart.path("categories")).hasSize(31);
      assertThat(chart.path("categories").get(0).asText()).isEqualTo("1 Mar");
      JsonNode revenue = chart.path("series").get(0);
      assertThat(revenue.path("colour").asText()).isEqualTo("#0072B2");
      assertThat(revenue.path("values").get(8).asDouble()).isEqualTo(0.0); // 9 March
      assertThat(revenue.path("values").get(9).asDouble()).isEqualTo(800.0); // bram, 10 March
      assertThat(revenue.path("values").get(30).asDouble()).isEqualTo(2000.0);
      assertThat(revenue.path("labels").get(30).asText()).isEqualTo("€2,000");
      assertThat(chart.path("series")).hasSize(1); // no target was set
    }

    @Test
    @DisplayName("conversion: the funnel's steps now and, faint, the month before")
    void conversion() throws Exception {
      JsonNode chart = chart("conversion", "period=march+2026");
      assertThat(chart.path("type").asText()).isEqualTo("bar");
      assertThat(chart.path("categories").get(3).asText()).isEqualTo("Sale (100%)");
      assertThat(values(chart.path("series").get(0))).containsExactly(1.0, 0.0, 0.0, 1.0);
      assertThat(chart.path("series")).hasSize(1); // February had no leads
    }

    @Test
    @DisplayName("leaderboard: reps best first, this month and the month before")
    void leaderboard() throws Exception {
      JsonNode chart = chart("leaderboard", "period=march+2026");
      assertThat(chart.path("type").asText()).isEqualTo("hbar");
      assertThat(texts(chart.path("categories"))).containsExactly("anna", "bram");
      assertThat(values(chart.path("series").get(0))).containsExactly(1200.0, 800.0);
      assertThat(values(chart.path("series").get(1))).containsExactly(500.0, 0.0);
      assertThat(chart.path("series").get(1).path("name").asText()).isEqualTo("February 2026");
      assertThat(chart.path("series").get(1).path("colour").asText()).isEqualTo("#B8C4CE");
    }

    @Test
    @DisplayName("order value: a point per rep (orders, mean), with the medians between them")
    void aov() throws Exception {
      JsonNode chart = chart("aov", "period=march+2026");
      assertThat(chart.path("type").asText()).isEqualTo("scatter");
      List<String> points = new ArrayList<>();
      chart
          .path("series")
          .forEach(
              s ->
                  s.path("points")
                      .forEach(
                          p ->
                              points.add(
                                  p.path("name").asText()
                                      + " "
                                      + p.path("x").asInt()
                                      + " "
                                      + p.path("y").asDouble())));
      assertThat(points).containsExactlyInAnyOrder("anna 1 1200.0", "bram 1 800.0");
      // medians of 1 and 1 orders, of €1,200 and €800: 1 and €1,000
      assertThat(chart.path("markers").get(0).path("value").asDouble()).isEqualTo(1.0);
      assertThat(chart.path("markers").get(1).path("value").asDouble()).isEqualTo(1000.0);
    }

    @Test
    @DisplayName("cross-sell and repeat: the team, then each rep, by count and by revenue")
    void shares() throws Exception {
      JsonNode repeat = chart("repeat", "period=march+2026");
      assertThat(repeat.path("type").asText()).isEqualTo("hbar");
      assertThat(repeat.path("unit").asText()).isEqualTo("percent");
      assertThat(texts(repeat.path("categories"))).containsExactly("Team", "anna", "bram");
      // every sale was a customer's first: 0% repeat
      assertThat(values(repeat.path("series").get(0))).containsExactly(0.0, 0.0, 0.0);
      assertThat(repeat.path("series").get(0).path("labels").get(0).asText())
          .isEqualTo("0% (0 of 2)");
      assertThat(chart("crosssell", "period=march+2026").path("series")).hasSize(2);
    }

    @Test
    @DisplayName(
        "churn: new customers and those who left, month by month for the twelve months up to the"
            + " period")
    void churn() throws Exception {
      JsonNode chart = chart("churn", "period=march+2026");
      assertThat(chart.path("type").asText()).isEqualTo("bar");
      assertThat(chart.path("categories")).hasSize(12);
      assertThat(chart.path("categories").get(11).asText()).isEqualTo("March 2026");
      // Acme and Beta BV were new in March, Gamma in February
      assertThat(chart.path("series").get(0).path("values").get(11).asDouble()).isEqualTo(2.0);
      assertThat(chart.path("series").get(0).path("values").get(10).asDouble()).isEqualTo(1.0);
    }

    @Test
    @DisplayName("where a figure has nothing to draw, as in chat, the data says none")
    void none() throws Exception {
      // Two months of log: lifetime value is not estimated; nothing was quoted.
      assertThat(chart("ltv", "period=march+2026").path("type").asText()).isEqualTo("none");
      assertThat(chart("quotes", "period=march+2026").path("type").asText()).isEqualTo("none");
      String html = get("/dashboard?period=march+2026").body();
      assertThat(html)
          .doesNotContain("data-chart=\"/dashboard/charts/ltv")
          .contains("data-chart=\"/dashboard/charts/churn");
    }

    @Test
    @DisplayName(
        "lifetime value with a year of history: profit per customer over the years against the"
            + " acquisition cost, the lifetime marked; quotes: won, lost and open")
    void ltvAndQuotes() throws Exception {
      // given: a customer since January 2025 (active when the 12 months began), a cost, a quote
      team.log("@bram /sale Oldtimer 1000 date:2025-01-10");
      team.log("/cost Beurs 300 date:2026-03-02");
      team.log("@anna /quote Delta 900");
      JsonNode ltv = chart("ltv", "period=march+2026");
      assertThat(ltv.path("type").asText()).isEqualTo("line");
      JsonNode profit = ltv.path("series").get(0);
      // April 2025 to March 2026: €2,500 from 3 customers (Oldtimer bought before), at the
      // default 25% margin €208.33 a year each, written in whole euros as every amount was
      assertThat(profit.path("points").get(1).path("y").asDouble()).isEqualTo(208.33);
      assertThat(profit.path("points").get(1).path("label").asText()).isEqualTo("€208");
      assertThat(profit.path("points").get(2).path("label").asText()).isEqualTo("€417");
      // €300 over the 3 new customers of the 12 months (Oldtimer is older): €100 each
      JsonNode cost = ltv.path("series").get(1);
      assertThat(cost.path("points").get(0).path("y").asDouble()).isEqualTo(100.0);
      // Oldtimer, the one customer active when the 12 months began, lapsed silently on 10 January
      // 2026: churn 1 of 1, an expected lifetime of 1 year
      assertThat(ltv.path("markers").get(0).path("value").asDouble()).isEqualTo(1.0);
      assertThat(ltv.path("markers").get(0).path("name").asText())
          .isEqualTo("Expected lifetime: 1 year");

      JsonNode quotes = chart("quotes", "period=march+2026");
      assertThat(quotes.path("type").asText()).isEqualTo("bar");
      assertThat(texts(quotes.path("categories"))).containsExactly("Won", "Lost", "Still open");
      assertThat(values(quotes.path("series").get(0))).containsExactly(0.0, 0.0, 1.0);
    }

    private static List<Double> values(JsonNode series) {
      List<Double> values = new ArrayList<>();
      series.path("values").forEach(v -> values.add(v.asDouble()));
      return values;
    }

    private static List<String> texts(JsonNode array) {
      List<String> texts = new ArrayList<>();
      array.forEach(v -> texts.add(v.asText()));
      return texts;
    }
  }

  @Nested
  @DisplayName("the drill-down")
  final class Drill {
    @BeforeEach
    void drill() {
      revenueDrill.set(
          new Drilldown(
              List.of(
                  new Drilldown.Table(
                      "testSales",
                      List.of(
                          new Column("testNumber", Kind.NUMBER),
                          new Column("testDay", Kind.DATE),
                          new Column("testCustomer", Kind.TEXT),
                          new Column("testAmount", Kind.MONEY),
                          new Column("testCrossSell", Kind.BOOLEAN)),
                      List.of(
                          new Row(
                              List.of(
                                  2L,
                                  LocalDate.of(2026, 3, 5),
                                  "=HYPERLINK(\"http://x\")",
                                  Money.ofCents(120050),
                                  true),
                              false),
                          new Row(
                              Arrays.asList(
                                  3L,
                                  LocalDate.of(2026, 3, 6),
                                  "Café Ëlla, \"de\" beste",
                                  null,
                                  false),
                              true))))));
    }

    @Test
    @DisplayName(
        "the tables, money and dates as the workspace writes them, a voided row struck through"
            + " with a legend, headings falling back to their keys")
    void page() throws Exception {
      HttpResponse<String> response = get("/dashboard/drill/revenue?period=march+2026");
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      String html = response.body();
      assertThat(html)
          .contains("Revenue — March 2026 (1–31 Mar): what the number is made of")
          .contains("testSales")
          .contains("<th class=\"num\" scope=\"col\">testAmount</th>")
          .contains("5 Mar 2026")
          .contains("€1,200.50")
          .contains("=HYPERLINK(\"http://x\")")
          .contains("<tr class=\"voided\">")
          .contains("<del>Café Ëlla, \"de\" beste</del>")
          .contains("Struck-through rows are voided events")
          .contains(
              "href=\"/dashboard/drill/revenue?period=march+2026&amp;format=csv&amp;table=0\"")
          .contains("href=\"/dashboard?period=march+2026\"");
      assertThat(html).doesNotContain(" style=").doesNotContain("<script");
    }

    @Test
    @DisplayName(
        "the CSV: an attachment in UTF-8, a header row, ISO dates, amounts with a dot, formulas"
            + " defused, voided rows marked")
    void csv() throws Exception {
      HttpResponse<byte[]> response =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://127.0.0.1:"
                              + listener.port()
                              + "/dashboard/drill/revenue?period=march+2026&rep=anna&format=csv"))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).contains("text/csv; charset=utf-8");
      assertThat(response.headers().firstValue("Content-Disposition"))
          .contains("attachment; filename=\"revenue-testSales-2026-03-01-2026-03-31-anna.csv\"");
      String body = new String(response.body(), StandardCharsets.UTF_8);
      assertThat(body)
          .isEqualTo(
              "\uFEFFtestNumber,testDay,testCustomer,testAmount,testCrossSell,Voided\r\n"
                  + "2,2026-03-05,\"'=HYPERLINK(\"\"http://x\"\")\",1200.50,true,false\r\n"
                  + "3,2026-03-06,\"Café Ëlla, \"\"de\"\" beste\",,false,true\r\n");
      assertThat(get("/dashboard/drill/revenue?format=csv&table=1").statusCode()).isEqualTo(404);
      assertThat(get("/dashboard/drill/revenue?format=csv&table=x").statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("an unknown figure is 404, a bad period 400")
    void badInput() throws Exception {
      assertThat(get("/dashboard/drill/nonsense").statusCode()).isEqualTo(404);
      HttpResponse<String> bad = get("/dashboard/drill/revenue?period=" + encode("<b>x</b>"));
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.headers().firstValue("Content-Type"))
          .get()
          .asString()
          .startsWith("text/plain");
    }
  }

  /** Revenue as it is, with a drill-down the test sets. */
  private record StandInDrill(RevenueFigure real, java.util.function.Supplier<Drilldown> drill)
      implements Figure<RevenueResult> {
    @Override
    public List<String> names() {
      return real.names();
    }

    @Override
    public RevenueResult compute(FigureQuery query) {
      return real.compute(query);
    }

    @Override
    public Drilldown drill(FigureQuery query) {
      return drill.get();
    }

    @Override
    public FigureAnswer render(RevenueResult result, Formats formats) {
      return real.render(result, formats);
    }
  }
}
