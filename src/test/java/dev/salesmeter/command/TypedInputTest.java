package dev.salesmeter.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.core.Actor;
import dev.salesmeter.core.Platform;
import dev.salesmeter.core.RepMention;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.store.Database;
import dev.salesmeter.store.EventLog;
import dev.salesmeter.store.LoggedEvent;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Commands with typed options (Discord's): the same arguments, the same checks and the same errors
 * as a typed line, on the real store. Tuesday 31 March 2026, 17:00 in Amsterdam.
 */
@ParameterizedClass
@EnumSource(Database.Engine.class)
final class TypedInputTest {
  @Parameter Database.Engine engine;

  @TempDir Path folder;
  TestWorkspace team;

  static final Actor ANNA = new Actor("U-anna", "anna", false);
  static final Actor LISA = new Actor("U-lisa", "lisa", true);

  @BeforeEach
  void open() {
    team = TestWorkspace.english(engine, folder);
  }

  @AfterEach
  void close() {
    team.close();
  }

  private Reply run(Actor user, String command, Map<String, Object> values) {
    return run(user, command, values, Optional.empty());
  }

  private Reply run(
      Actor user, String command, Map<String, Object> values, Optional<Locale> language) {
    return team.commands()
        .handle(
            new TypedInput(
                Platform.DISCORD,
                TestWorkspace.WORKSPACE,
                user,
                "C-sales",
                UUID.randomUUID().toString(),
                command,
                values,
                language));
  }

  private LoggedEvent event(long number) {
    return team.log().event(TestWorkspace.WORKSPACE, number).orElseThrow();
  }

  @Test
  @DisplayName("a typed sale stores what a typed line stores")
  void sale() {
    Map<String, Object> values = new HashMap<>();
    values.put("customer", "Bakkerij Jansen");
    values.put("amount", new BigDecimal("4200.5"));
    values.put("cross-sell", true);
    values.put("margin", new BigDecimal("27.5"));
    values.put("products", "oven,service");
    values.put("date", "yesterday");
    Reply reply = run(ANNA, "sale", values);
    assertThat(reply.text()).startsWith("Sale #1 logged: €4,200.50 — Bakkerij Jansen (anna)");
    LoggedEvent sale = event(1);
    assertThat(sale.amount().orElseThrow().cents()).isEqualTo(420_050);
    assertThat(sale.details().crossSell()).isTrue();
    assertThat(sale.details().margin().orElseThrow().basisPoints()).isEqualTo(2750);
    assertThat(sale.details().products()).containsExactly("oven", "service");
    // yesterday without a time is noon local time: 30 March 2026 12:00 CEST = 10:00 UTC
    assertThat(sale.occurredAt()).hasToString("2026-03-30T10:00:00Z");
  }

  @Test
  @DisplayName("quotes, SQL and emoji in a name are stored as typed, never run")
  void hostileNames() {
    for (String name :
        List.of("Bakkerij \"De Zon\"", "Robert'); DROP TABLE events;--", "🍕 Pizza Palace 🍕")) {
      Reply reply = run(ANNA, "lead", Map.of("customer", name));
      assertThat(reply.text()).contains(name);
      assertThat(team.log().customer(TestWorkspace.WORKSPACE, name)).isPresent();
    }
    assertThat(team.events()).isEqualTo(3);
  }

  @Test
  @DisplayName("a false flag is no flag; a manager logs for a rep named by the platform")
  void flagsAndRep() {
    Map<String, Object> values = new HashMap<>();
    values.put("customer", "Acme");
    values.put("amount", new BigDecimal("300"));
    values.put("cross-sell", false);
    values.put("rep", new RepMention(Optional.of("U-bram"), "Bram"));
    assertThat(run(LISA, "sale", values).text()).contains("Acme (Bram)");
    assertThat(event(1).details().crossSell()).isFalse();
  }

  @Test
  @DisplayName("figures, rankings and weeks read their typed parts as the phrase a line gives")
  void figures() {
    team.log("@anna /sale Acme 1000 date:2026-03-02");
    Reply kpi = run(ANNA, "kpi", Map.of("figure", "revenue", "period", "march 2026"));
    assertThat(kpi.title().orElseThrow()).contains("Revenue — March 2026");
    Reply leaderboard = run(ANNA, "leaderboard", Map.of("period", "march 2026", "by", "sales"));
    assertThat(leaderboard.title().orElseThrow()).contains("March 2026");
    assertThat(leaderboard.text()).contains("1 sale");
    Reply scorecard = run(ANNA, "scorecard", Map.of("week", "2026-W10"));
    assertThat(scorecard.title().orElseThrow()).isEqualTo("Scorecard — week 10, 2026 (2–8 Mar)");
    Reply target =
        run(LISA, "target", Map.of("amount", new BigDecimal("50000"), "period", "Q2 2026"));
    assertThat(target.text()).contains("€50,000").contains("Q2 2026");
    Reply voided = run(LISA, "void", Map.of("event", 1L));
    assertThat(voided.text()).contains("#1");
  }

  static List<Object[]> refused() {
    return List.of(
        new Object[] {
          "sale", Map.of("customer", "Acme", "amount", BigDecimal.ZERO), "more than zero"
        },
        new Object[] {
          "sale", Map.of("customer", "Acme", "amount", new BigDecimal("-5")), "more than zero"
        },
        new Object[] {
          "sale", Map.of("customer", "Acme", "amount", new BigDecimal("1.005")), "cent"
        },
        new Object[] {
          "sale", Map.of("customer", "Acme", "amount", new BigDecimal("1000000000.01")), "billion"
        },
        new Object[] {"sale", Map.of("customer", "Acme"), "amount"},
        new Object[] {"sale", Map.of("amount", BigDecimal.TEN), "customer"},
        new Object[] {"lead", Map.of("customer", "   "), "customer"},
        new Object[] {"lead", Map.of("customer", "x".repeat(10_000)), "200"},
        new Object[] {"lead", Map.of("customer", "Evil\u202Ename"), "control"},
        new Object[] {"lead", Map.of("customer", "Acme", "date", "2099-01-01"), "future"},
        new Object[] {
          "lead", Map.of("customer", "Acme", "date", "'; DROP TABLE events; --"), "date"
        },
        new Object[] {"lead", Map.of("customer", "Acme", "colour", "red"), "colour"},
        new Object[] {
          "sale",
          Map.of("customer", "Acme", "amount", BigDecimal.TEN, "margin", new BigDecimal("101")),
          "margin"
        },
        new Object[] {"void", Map.of("event", 0L), "0"},
        new Object[] {"kpi", Map.of("figure", "revenue", "period", "the 14th of never"), "period"},
        new Object[] {"scorecard", Map.of("week", "march 2026"), "week"});
  }

  @ParameterizedTest(name = "/{0} {1}")
  @MethodSource
  @DisplayName("wrong, missing, hostile and out-of-range options get the shared error, privately")
  void refused(String command, Map<String, Object> values, String mentioned) {
    Reply reply = run(LISA, command, values);
    assertThat(reply.ephemeral()).isTrue();
    assertThat(reply.text()).containsIgnoringCase(mentioned);
    assertThat(team.events()).isZero();
  }

  @Test
  @DisplayName("replies follow the user's language only where the workspace allows it")
  void userLanguage() {
    Optional<Locale> dutch = Optional.of(Locale.forLanguageTag("nl"));
    Map<String, Object> values = Map.of("customer", "Acme");
    assertThat(run(ANNA, "lead", values, dutch).text()).startsWith("Lead #1 logged");
    WorkspaceSettings settings = team.log().settings(TestWorkspace.WORKSPACE);
    team.log()
        .configure(
            TestWorkspace.WORKSPACE,
            new WorkspaceSettings(
                settings.locale(),
                settings.zone(),
                settings.currency(),
                settings.defaultMargin(),
                settings.inactivityDays(),
                settings.staleQuoteDays(),
                settings.name(),
                true));
    assertThat(run(ANNA, "lead", values, dutch).text()).startsWith("Aanvraag #2");
    // The choice is the workspace's, kept in the database.
    assertThat(
            new EventLog(team.database(), WorkspaceSettings.DEFAULTS, Clock.systemUTC())
                .settings(TestWorkspace.WORKSPACE)
                .userLanguage())
        .isTrue();
    // A language Salesmeter does not speak: the workspace's.
    assertThat(run(ANNA, "lead", values, Optional.of(Locale.GERMAN)).text())
        .startsWith("Lead #3 logged");
    assertThat(run(ANNA, "lead", values, Optional.of(Locale.forLanguageTag("en-GB"))).text())
        .startsWith("Lead #4 logged");
  }
}
