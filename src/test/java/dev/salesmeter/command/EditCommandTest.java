package dev.salesmeter.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.store.Database;
import dev.salesmeter.store.LoggedEvent;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code /edit} (COMMANDS.md, "Correcting an event"): text in, reply out, on the real store. The
 * clock stands at Tuesday 31 March 2026 17:00 in Amsterdam.
 */
@ParameterizedClass
@EnumSource(Database.Engine.class)
final class EditCommandTest {
  @Parameter Database.Engine engine;

  private static final String PASTE = "x".repeat(10_240);

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

  private LoggedEvent event(long number) {
    return team.log().event(TestWorkspace.WORKSPACE, number).orElseThrow();
  }

  @Test
  @DisplayName("an amount: the old sale is undone and a copy logged with a new number, linked")
  void amount() {
    // given a sale of €300
    team.log("@anna /sale Acme 300");
    // when anna corrects it to €400
    Reply reply = team.run("@anna /edit 1 amount:400");
    // then the reply shows before → after, and the log holds the void and the linked copy
    assertThat(reply.ephemeral()).isTrue();
    assertThat(reply.text())
        .isEqualTo(
            "Corrected: Sale #1: €300 — Acme (anna) → Sale #3: €400 — Acme (anna), direct sale (no"
                + " open opportunity). The old #1 no longer counts (undo logged as #2).");
    assertThat(event(1).voided()).isTrue();
    assertThat(event(1).replacedBy()).contains(3L);
    assertThat(event(2).voids()).contains(1L);
    assertThat(event(3).replaces()).contains(1L);
    assertThat(event(3).amount().orElseThrow().cents()).isEqualTo(40_000);
    // and the revenue counts the copy only
    assertThat(team.run("/kpi revenue march 2026").text()).contains("€400 from 1 sale.");
  }

  @Test
  @DisplayName("every field of a sale at once; the copy stays on the sale's opportunity")
  void saleFields() {
    team.log("@anna /lead Acme date:2026-03-02");
    team.log("@anna /sale Acme 1000 date:2026-03-10");
    Reply reply =
        team.run(
            "/edit 2 bedrag:4,5k datum:2026-03-12T10:30 marge:27,5 producten:oven,service"
                + " kruisverkoop:ja verkoper:@bram");
    assertThat(reply.text())
        .isEqualTo(
            "Corrected: Sale #2: €1,000 — Acme (anna), 10 Mar 2026 → Sale #4: €4,500 — Acme (bram), cross-sell, margin 27.5%, products: oven,"
                + " service, 12 Mar 2026 10:30, opportunity won. The old #2 no longer counts (undo"
                + " logged as #3).");
    assertThat(team.count("opportunities")).isEqualTo(1);
    assertThat(event(4).rep().displayName()).isEqualTo("bram");
    assertThat(event(4).loggedBy().displayName()).isEqualTo("lisa");
    // cross-sell:no takes the flag off again
    assertThat(team.run("/edit 4 cross-sell:no").text())
        .contains("→ Sale #6: €4,500 — Acme (bram), margin 27.5%, products: oven, service");
  }

  @Test
  @DisplayName("a lead's source, a follow-up's kind, a lost's reason, a cost's label, a target")
  void otherKinds() {
    team.log("@anna /lead Acme source:web");
    team.log("@anna /quote Acme 900");
    team.log("@anna /followup Acme");
    assertThat(team.run("@anna /edit 1 source:phone").text())
        .startsWith(
            "Corrected: Lead #1: Acme (anna), source: web → Lead #5: Acme (anna), source:"
                + " phone.");
    assertThat(team.run("@anna /edit 3 kind:visit").text())
        .startsWith(
            "Corrected: Follow-up #3: Acme (anna), call → Follow-up #7: Acme (anna), visit.");
    team.log("@anna /lost Acme reason:price");
    assertThat(team.run("@anna /edit 8 reason:timing").text())
        .contains("→ Lost #10: Acme (anna), reason: timing, opportunity closed as lost.");
    assertThat(team.count("opportunities")).isEqualTo(1);
    team.log("/cost Ads 500");
    assertThat(team.run("/edit 11 label:\"Trade fair\" amount:750").text())
        .startsWith(
            "Corrected: Acquisition cost #11: €500 — Ads → Acquisition cost #13: €750 —"
                + " Trade fair.");
    team.log("/target 50k Q2 2026");
    assertThat(team.run("/edit 14 rep:anna period:\"Q3 2026\"").text())
        .startsWith(
            "Corrected: Target #14: €50,000 revenue, Q2 2026 (1 Apr–30 Jun) — team → Target"
                + " #16: €50,000 revenue, Q3 2026 (1 Jul–30 Sep) — anna.");
  }

  @Test
  @DisplayName("an edited customer: 'did you mean' like a new event; new confirms it")
  void customer() {
    team.log("@anna /lead Bakkerij Jansen");
    team.log("@anna /sale Acme 300");
    Reply reply = team.run("@anna /edit 2 customer:\"Bakkery Jansen\"");
    assertThat(reply.text())
        .isEqualTo(
            "Did you mean Bakkerij Jansen? Nothing was changed. Repeat with that exact name, or add"
                + " \"new\" at the end to make \"Bakkery Jansen\" a new customer: /edit 2"
                + " customer:\"Bakkery Jansen\" new");
    assertThat(team.events()).isEqualTo(2);
    assertThat(event(2).voided()).isFalse();
    // the exact name joins that customer's open opportunity and wins it
    assertThat(team.run("@anna /edit 2 customer:\"Bakkerij Jansen\"").text())
        .endsWith(
            "→ Sale #4: €300 — Bakkerij Jansen (anna), opportunity won. The old #2 no longer"
                + " counts (undo logged as #3).");
    assertThat(team.run("@anna /edit 4 customer:\"Bakkery Jansen\" new").text())
        .contains("→ Sale #6: €300 — Bakkery Jansen (anna), direct sale");
    assertThat(team.count("customers")).isEqualTo(3);
  }

  @Test
  @DisplayName("an edit that breaks a rule of new events is refused and stores nothing")
  void rules() {
    team.log("@anna /sale Acme 300");
    team.log("@anna /churn Acme");
    // a churn moved before the customer's first sale: not an active customer then
    assertThat(team.run("@anna /edit 2 date:2026-03-01").text())
        .startsWith("Acme is not an active customer");
    assertThat(team.events()).isEqualTo(2);
    assertThat(event(2).voided()).isFalse();
    // a date in the future, like a new event
    assertThat(team.run("@anna /edit 1 date:2026-04-02").text()).contains("is in the future");
  }

  @Test
  @DisplayName("the same request twice corrects once")
  void repeated() {
    team.log("@anna /sale Acme 300");
    team.run("@anna /edit 1 amount:400", "edit-1");
    assertThat(team.run("@anna /edit 1 amount:400", "edit-1").text())
        .startsWith("Already logged (this request arrived twice): Sale #3: €400");
    assertThat(team.events()).isEqualTo(3);
  }

  @Test
  @DisplayName("/void right after an edit undoes the corrected copy")
  void voidAfterEdit() {
    team.log("@anna /sale Acme 300");
    team.run("@anna /edit 1 amount:400");
    assertThat(team.run("@anna /void").text()).startsWith("Undone: Sale #3: €400");
    assertThat(team.run("@anna /void 1").text())
        .isEqualTo("#1 was corrected: #3 replaces it.\nExample: /void 123");
  }

  @Test
  @DisplayName("in Dutch: /wijzig with Dutch keys, answered in Dutch")
  void dutch() {
    team.close();
    team = TestWorkspace.dutch(engine, folder.resolve("nl"));
    team.log("@anna /verkoop Acme 300");
    assertThat(team.run("@anna /wijzig 1 bedrag:1.250,50 kruisverkoop:ja").text())
        .isEqualTo(
            "Gecorrigeerd: Verkoop #1: € 300 — Acme (anna) → Verkoop #3: € 1.250,50 — Acme (anna),"
                + " kruisverkoop, directe verkoop (geen open kans). De oude #1 telt niet meer mee"
                + " (herstel vastgelegd als #2).");
    assertThat(team.run("@anna /wijzig 3 marge:30 soort:bezoek").text())
        .isEqualTo(
            "\"soort:\" hoort niet bij Verkoop #3. Die heeft: bedrag:, klant:, verkoper:, datum:,"
                + " marge:, producten:, kruisverkoop:.\nVoorbeeld: /wijzig 123 bedrag:4200");
    assertThat(team.run("@anna /wijzig 3 bedrag:1.250,50").text())
        .startsWith("Er verandert niets: #3 zegt dat al.");
    assertThat(team.run("@bram /wijzig 3 bedrag:5").text())
        .startsWith("#3 is vastgelegd door anna: alleen die persoon of een manager kan het");
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of("/edit", "Which event? Give its number"),
        Arguments.of("/edit amount:400", "Which event? Give its number"),
        Arguments.of("/edit 1", "Say what to change in #1: give one or more fields"),
        Arguments.of("/edit 99 amount:400", "There is no event #99."),
        Arguments.of("/edit abc amount:400", "\"abc\" is not an event number"),
        Arguments.of("/edit 2 amount:400", "#2 is an undo and cannot be corrected."),
        Arguments.of("/edit 1 amount:400", "#1 is already undone."),
        Arguments.of("/edit 3 source:web", "\"source:\" does not apply to Sale #3. It has:"),
        Arguments.of("/edit 3 kind:visit", "\"kind:\" does not apply to Sale #3."),
        Arguments.of("/edit 3 label:Ads", "\"label:\" does not apply to Sale #3."),
        Arguments.of("/edit 4 amount:5", "\"amount:\" does not apply to Lead #4."),
        Arguments.of("/edit 3 amount:300", "Nothing changes: #3 already says that."),
        Arguments.of("/edit 3 customer:acme", "Nothing changes: #3 already says that."),
        Arguments.of("/edit 3 colour:red", "Unknown option \"colour:\" for /edit."),
        Arguments.of("/edit 3 amount:0", "The amount must be more than zero"),
        Arguments.of("/edit 3 amount:🚀", "is not an amount"),
        Arguments.of("/edit 3 amount:4,20", "is not an amount in this workspace's format"),
        Arguments.of("/edit 3 date:someday", "\"someday\" is not a date"),
        Arguments.of("/edit 3 date:\"'; DROP TABLE events;--\"", "is not a date"),
        Arguments.of("/edit 3 margin:120", "\"120\" is not a margin"),
        Arguments.of("/edit 3 cross-sell:maybe", "\"maybe\" is not yes or no"),
        Arguments.of("/edit 3 customer:\"" + PASTE + "\"", "10240 characters long"),
        Arguments.of("/edit 3 customer:\"Evil\u0000Corp\"", "control character"),
        Arguments.of("/edit 3 customer:\"Acme", "A quote mark is not closed."),
        Arguments.of("/edit 3 rep:\"" + PASTE + "\"", "10240 characters long"),
        Arguments.of("/edit 3 amount:400 amount:500", "The option \"amount:\" is given twice."),
        Arguments.of("/edit 3 4 amount:400", "Unexpected \"4\"."),
        Arguments.of("/edit 3 amount:400 @bram", "/edit does not take a rep."),
        Arguments.of("@bram /edit 3 amount:400", "#3 was logged by anna: only they or a manager"),
        Arguments.of("@anna /edit 3 rep:bram", "Only managers can give an event to another rep."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  @DisplayName("refused privately with the reason; nothing is stored")
  void refused(String line, String expected) {
    // given #1 a voided sale, #2 its void, #3 anna's sale to Acme, #4 a lead
    team.log("@anna /sale Acme 100");
    team.log("/void 1");
    team.log("@anna /sale Acme 300");
    team.log("@anna /lead Beta");
    long events = team.events();
    long customers = team.count("customers");
    long reps = team.count("reps");
    Reply reply = team.run(line);
    assertThat(reply.ephemeral()).isTrue();
    assertThat(reply.text()).contains(expected).contains("Example: /edit 123 amount:4200");
    assertThat(team.events()).isEqualTo(events);
    assertThat(team.count("customers")).isEqualTo(customers);
    assertThat(team.count("reps")).isEqualTo(reps);
  }

  @Test
  @DisplayName("quotes, SQL and emoji in an edited customer are stored exactly")
  void hostileName() {
    team.log("@anna /sale Acme 300");
    String name = "Robert'); DROP TABLE events;-- 🥐 \"Zonen\"";
    assertThat(team.run("@anna /edit 1 customer:“" + name + "” new").text())
        .contains("→ Sale #3: €300 — " + name + " (anna)");
    assertThat(event(3).customer().orElseThrow().name()).isEqualTo(name);
  }
}
