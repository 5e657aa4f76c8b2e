package dev.salesmeter.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.core.WorkspaceSettings;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The facts derived from live events ({@link FigureFacts}): spells, sales and opportunities, kept
 * on every append and void, and equal to a rebuild from scratch. A date without a time is noon in
 * Amsterdam; the inactivity window is 365 days.
 */
@ParameterizedClass
@EnumSource(Database.Engine.class)
final class FigureFactsTest {
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  @Parameter Database.Engine engine;
  @TempDir Path folder;
  TestWorkspace team;

  @BeforeEach
  void open() {
    team = TestWorkspace.english(engine, folder);
  }

  @AfterEach
  void close() {
    team.close();
  }

  private static long noon(String date) {
    return LocalDateTime.parse(date + "T12:00").atZone(AMSTERDAM).toInstant().toEpochMilli();
  }

  /**
   * A spell as "started..ended silent wonBack", to compare whole lists at once: a silent end is the
   * local day the window runs out, an explicit one the churn's instant.
   */
  private List<String> spells(String customer) {
    return team.database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT s.started_at || '..' || COALESCE(CAST(s.ended_at AS TEXT), s.ended_day) || ' ' || s.silent || ' '"
                            + " || s.won_back FROM customer_spells s"
                            + " JOIN customers c ON c.id = s.customer_id"
                            + " WHERE c.name = :name ORDER BY s.started_at")
                    .bind("name", customer)
                    .mapTo(String.class)
                    .list());
  }

  /** A spell ended by a churn at an instant, or silently on a local day ("2026-09-01"). */
  private static String spell(long started, Object ended, boolean silent, boolean wonBack) {
    return started + ".." + ended + " " + (silent ? 1 : 0) + " " + (wonBack ? 1 : 0);
  }

  @Test
  @DisplayName("a churn on the day of the sale ends the spell; a later sale wins the customer back")
  void churnSameDayAndWinBack() {
    team.log("/sale Acme 100 date:2025-06-02");
    team.log("/churn Acme date:2025-06-02"); // the same noon, logged after the sale
    team.log("/sale Acme 200 date:2025-09-01");
    assertThat(spells("Acme"))
        .containsExactly(
            spell(noon("2025-06-02"), noon("2025-06-02"), false, false),
            // nothing after 1 September: it lapses 365 days later
            spell(noon("2025-09-01"), "2026-09-01", true, true));
  }

  @Test
  @DisplayName("a churn after the window ran out is no end; sales within it continue the spell")
  void lateChurnAndContinuingSales() {
    team.log("/sale Beta 100 date:2024-01-10");
    team.log("/sale Beta 100 date:2024-06-01"); // within 365 days: the same spell
    team.log("/churn Beta date:2025-12-01"); // 1 June 2024 + 365 days = 1 June 2025: already gone
    assertThat(spells("Beta"))
        .containsExactly(spell(noon("2024-01-10"), "2025-06-01", true, false));
  }

  @Test
  @DisplayName("voiding the churn reopens the spell; voiding the first sale makes the next one new")
  void voidsRedrawFacts() {
    team.log("/sale Gamma 100 date:2025-01-15");
    team.log("/sale Gamma 300 date:2025-03-01");
    team.log("/churn Gamma date:2025-04-01");
    assertThat(spells("Gamma"))
        .containsExactly(spell(noon("2025-01-15"), noon("2025-04-01"), false, false));
    team.log("/void");
    assertThat(spells("Gamma"))
        .containsExactly(spell(noon("2025-01-15"), "2026-03-01", true, false));
    assertThat(repeats("Gamma")).containsExactly(0, 1);
    team.log("/void 1"); // the first sale
    assertThat(repeats("Gamma")).containsExactly(0);
    assertThat(spells("Gamma"))
        .containsExactly(spell(noon("2025-03-01"), "2026-03-01", true, false));
  }

  @Test
  @DisplayName("a backdated sale becomes the customer's first; the later one turns into a repeat")
  void backdatedSale() {
    team.log("/sale Delta 100 date:2026-03-01");
    assertThat(repeats("Delta")).containsExactly(0);
    team.log("/sale Delta 50 date:2026-02-01");
    assertThat(repeats("Delta")).containsExactly(0, 1); // by date: 1 Feb first, 1 Mar repeat
  }

  @Test
  @DisplayName("an opportunity's facts: a revised quote replaces the value, a voided sale reopens")
  void opportunityFacts() {
    team.log("/lead Epsilon date:2026-03-02");
    team.log("/quote Epsilon 1000 date:2026-03-03");
    team.log("/quote Epsilon 800 date:2026-03-05");
    team.log("/followup Epsilon call date:2026-03-09");
    team.log("/sale Epsilon 800 date:2026-03-10");
    assertThat(opportunity())
        .isEqualTo(
            List.of(
                noon("2026-03-02"),
                noon("2026-03-03"),
                80_000L,
                noon("2026-03-09"),
                noon("2026-03-10")));
    team.log("/void");
    assertThat(opportunity().get(4)).isNull();
  }

  @Test
  @DisplayName("a live sale and a live lost: won at the first live sale; the lost stays in history")
  void saleWinsOverLost() {
    // given a quoted opportunity won on the 20th, then a lost backdated to the 10th
    team.log("/lead Zeta date:2026-03-02");
    team.log("/quote Zeta 1000 date:2026-03-03");
    team.log("/sale Zeta 1000 date:2026-03-20");
    team.log("/lost Zeta date:2026-03-10 reason:price");
    // then the opportunity is won at the sale's date, and the lost is kept beside it
    List<Object> state =
        team.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT s.state, s.closed_at, f.won_at, f.lost_at"
                                + " FROM opportunity_states s"
                                + " JOIN opportunity_facts f USING (opportunity_id)")
                        .map(
                            (rs, ctx) ->
                                List.<Object>of(
                                    rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                        .one());
    assertThat(state)
        .containsExactly("won", noon("2026-03-20"), noon("2026-03-20"), noon("2026-03-10"));
    assertThat(team.log().event(TestWorkspace.WORKSPACE, 4).orElseThrow().voided()).isFalse();
    // and the quote figure counts it won, not lost
    assertThat(team.run("/kpi quotes march 2026").text())
        .contains(
            "1 opportunity got its first quote in March 2026 (1–31 Mar): 1 won, 0 lost, 0 still open.");
  }

  @Test
  @DisplayName("a new inactivity window redraws every spell; a rebuild equals the kept facts")
  void windowChangeAndRebuild() {
    team.log("/sale Zeta 100 date:2025-01-10");
    team.log("/sale Zeta 100 date:2025-09-01"); // 234 days later
    assertThat(spells("Zeta")).hasSize(1);
    WorkspaceSettings shorter =
        new WorkspaceSettings(
            WorkspaceSettings.DEFAULTS.locale(),
            WorkspaceSettings.DEFAULTS.zone(),
            WorkspaceSettings.DEFAULTS.currency(),
            WorkspaceSettings.DEFAULTS.defaultMargin(),
            180,
            WorkspaceSettings.DEFAULTS.staleQuoteDays(),
            "",
            false);
    team.log().configure(TestWorkspace.WORKSPACE, shorter);
    // 180 days: the first sale lapsed before the second, which wins Zeta back.
    assertThat(spells("Zeta"))
        .containsExactly(
            spell(noon("2025-01-10"), "2025-07-09", true, false),
            spell(noon("2025-09-01"), "2026-02-28", true, true));
    List<String> kept = everything();
    new FigureFacts(team.database()).refreshWorkspace(TestWorkspace.WORKSPACE);
    assertThat(everything()).isEqualTo(kept).isNotEmpty();
  }

  @Test
  @DisplayName("sales_by_day sums each rep's day of sale_facts, through voids and backdated sales")
  void dailySums() {
    team.log("/sale Eta 100 date:2026-03-02 @anna");
    team.log("/sale Eta 250 cross-sell margin:40 date:2026-03-02 @anna");
    team.log("/sale Theta 400 date:2026-03-02 @bram");
    team.log("/sale Eta 50 date:2026-03-01 @anna"); // backdated: now Eta's first sale
    team.log("/void 2");
    assertThat(daily())
        .containsExactly(
            // anna 1 Mar: Eta 50, new
            "anna 2026-03-01 1 5000 0 0 0 0 0 5000",
            // anna 2 Mar: Eta 100 (a repeat of 1 Mar); the 250 was voided
            "anna 2026-03-02 1 10000 0 0 1 10000 0 10000",
            "bram 2026-03-02 1 40000 0 0 0 0 0 40000");
    team.log("/sale Eta 250 cross-sell margin:40 date:2026-03-02 @anna"); // logged again
    assertThat(daily())
        .contains(
            // 100 + 250; cross-sell 250; both repeats; 250 x 4000 bp = 1,000,000 margined
            "anna 2026-03-02 2 35000 1 25000 2 35000 100000000 10000");
  }

  private List<String> daily() {
    return team.database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT r.display_name || ' ' || d.day || ' ' || d.sales || ' '"
                            + " || d.revenue_cents || ' ' || d.cross_sells || ' '"
                            + " || d.cross_sell_cents || ' ' || d.repeats || ' ' || d.repeat_cents"
                            + " || ' ' || d.margined_cents || ' ' || d.unmargined_cents"
                            + " FROM sales_by_day d JOIN reps r ON r.id = d.rep_id"
                            + " ORDER BY r.display_name, d.day")
                    .mapTo(String.class)
                    .list());
  }

  private List<Integer> repeats(String customer) {
    return team.database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT f.is_repeat FROM sale_facts f JOIN customers c"
                            + " ON c.id = f.customer_id WHERE c.name = :name"
                            + " ORDER BY f.occurred_at")
                    .bind("name", customer)
                    .mapTo(Integer.class)
                    .list());
  }

  /** lead, first quote, latest quote's cents, last touch, won: of the only opportunity. */
  private List<Long> opportunity() {
    return team.database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT lead_at, first_quote_at, quote_cents, last_touch_at, won_at"
                            + " FROM opportunity_facts")
                    .map(
                        (rs, ctx) -> {
                          java.util.ArrayList<Long> row = new java.util.ArrayList<>();
                          for (int i = 1; i <= 5; i++) {
                            long value = rs.getLong(i);
                            row.add(rs.wasNull() ? null : value);
                          }
                          return row;
                        })
                    .one());
  }

  private List<String> everything() {
    return team.database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT 'spell ' || customer_id || ' ' || start_id || ' ' || started_at"
                            + " || ' ' || ended_day || ' ' || COALESCE(CAST(ended_at AS TEXT), '-') || ' ' || silent || ' ' || won_back"
                            + " FROM customer_spells"
                            + " UNION ALL SELECT 'sale ' || event_id || ' ' || is_repeat"
                            + " FROM sale_facts"
                            + " UNION ALL SELECT 'opportunity ' || opportunity_id || ' '"
                            + " || COALESCE(CAST(lead_at AS TEXT), '-') || ' ' || COALESCE(CAST(won_at AS TEXT), '-')"
                            + " FROM opportunity_facts ORDER BY 1")
                    .mapTo(String.class)
                    .list());
  }
}
