package dev.salesmeter.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.core.Period;
import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.store.Database;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Autocomplete suggestions, on the real store. Tuesday 31 March 2026 in Amsterdam. */
@ParameterizedClass
@EnumSource(Database.Engine.class)
final class SuggestionsTest {
  @Parameter Database.Engine engine;

  @TempDir Path folder;
  TestWorkspace team;
  WorkspaceSettings english;
  WorkspaceSettings dutch;

  @BeforeEach
  void open() {
    team = TestWorkspace.english(engine, folder);
    english = team.log().settings(TestWorkspace.WORKSPACE);
    dutch = english.withLocale(Locale.forLanguageTag("nl"));
  }

  @AfterEach
  void close() {
    team.close();
  }

  private List<String> suggest(WorkspaceSettings settings, String parameter, String typed) {
    return team.suggestions().suggest(TestWorkspace.WORKSPACE, settings, "sale", parameter, typed);
  }

  @Test
  @DisplayName(
      "customers: those beginning with it, then those with a word beginning with it, then typos")
  void customers() {
    for (String name :
        List.of("Bakkerij Jansen", "Jansen Installatie", "Janssen & Zn", "Acme", "Café de Zwaan")) {
      team.log("/lead \"" + name + "\" new");
    }
    assertThat(suggest(english, "customer", "jans"))
        .containsExactly("Jansen Installatie", "Janssen & Zn", "Bakkerij Jansen");
    // accents and case do not matter
    assertThat(suggest(english, "customer", "CAFE")).containsExactly("Café de Zwaan");
    // one typo in five letters: "jamse" is one edit from "janse" (Jansen Installatie), two from
    // "janss" (Janssen & Zn), and names are compared from their start
    assertThat(suggest(english, "customer", "jamse")).containsExactly("Jansen Installatie");
    // nothing typed: the newest customers first
    assertThat(suggest(english, "customer", "")).startsWith("Café de Zwaan", "Acme");
    assertThat(suggest(english, "customer", "zzz")).isEmpty();
    // another workspace's customers are never offered
    assertThat(
            team.suggestions()
                .suggest(new WorkspaceId("T-other"), english, "sale", "customer", "jans"))
        .isEmpty();
  }

  @Test
  @DisplayName("at most 25 suggestions, as Discord shows no more")
  void atMost25() {
    for (int i = 0; i < 30; i++) {
      team.log("/lead \"Shop " + i + "\" new");
    }
    assertThat(suggest(english, "customer", "shop")).hasSize(25);
  }

  @Test
  @DisplayName("periods and weeks in the user's words, each one the period parser reads")
  void periods() {
    LocalDate today = LocalDate.of(2026, 3, 31);
    List<String> periods = suggest(english, "period", "");
    assertThat(periods).startsWith("this month", "last month").contains("Q1 2026", "Q2 2025");
    assertThat(suggest(dutch, "period", "vor")).startsWith("vorige maand", "vorig kwartaal");
    assertThat(suggest(english, "period", "quarter"))
        .containsExactly("this quarter", "last quarter");
    for (String phrase : periods) {
      assertThat(PeriodParser.parse(phrase, today)).isNotNull();
    }
    for (String phrase : suggest(dutch, "period", "")) {
      assertThat(PeriodParser.parse(phrase, today)).isNotNull();
    }
    List<String> weeks = suggest(english, "week", "");
    // Tuesday 31 March 2026 is in week 14: after last and this week, weeks 12, 11, …
    assertThat(weeks).startsWith("last week", "this week", "2026-W12", "2026-W11");
    for (String phrase : weeks) {
      assertThat(PeriodParser.parse(phrase, today).unit()).isEqualTo(Period.Unit.WEEK);
    }
  }

  @Test
  @DisplayName("figures, rankings and commands in the user's language")
  void choices() {
    assertThat(suggest(english, "figure", "")).contains("revenue", "conversion", "aov");
    assertThat(suggest(dutch, "figure", "om")).containsExactly("omzet");
    assertThat(suggest(dutch, "by", "")).containsExactly("omzet", "verkopen");
    assertThat(suggest(english, "command", "sa")).containsExactly("sale");
    assertThat(suggest(english, "date", "")).isEmpty();
  }
}
