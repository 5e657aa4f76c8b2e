package dev.salesmeter.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.store.Database;
import dev.salesmeter.store.LoggedEvent;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Commands end to end: text in, reply out, on the real store in a temporary SQLite file. */
@ParameterizedClass
@EnumSource(Database.Engine.class)
final class CommandsTest {
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

  private LoggedEvent event(long number) {
    return team.log().event(TestWorkspace.WORKSPACE, number).orElseThrow();
  }

  @Nested
  @DisplayName("logging each kind of event")
  final class Logging {
    @Test
    @DisplayName("a sale echoes the amount, customer and rep in the workspace's format")
    void sale() {
      Reply reply = team.run("@anna /sale \"Bakkerij Jansen\" 4,200.50");
      assertThat(reply.text())
          .isEqualTo(
              "Sale #1 logged: €4,200.50 — Bakkerij Jansen (anna), direct sale (no open"
                  + " opportunity). Undo: /void");
      assertThat(reply.ephemeral()).isTrue();
      assertThat(event(1).amount().orElseThrow().cents()).isEqualTo(420_050);
    }

    @Test
    @DisplayName("the funnel: lead, appointment, quote, follow-up and sale share one opportunity")
    void funnel() {
      assertThat(team.run("@anna /lead Acme source:web").text())
          .isEqualTo("Lead #1 logged: Acme (anna), source: web. Undo: /void");
      assertThat(team.run("@anna /appointment Acme date:yesterday").text())
          .isEqualTo("Appointment #2 logged: Acme (anna), 30 Mar 2026. Undo: /void");
      assertThat(team.run("@anna /quote Acme 1200").text())
          .isEqualTo("Quote #3 logged: €1,200 — Acme (anna). Undo: /void");
      assertThat(team.run("@anna /followup Acme visit").text())
          .isEqualTo("Follow-up #4 logged: Acme (anna), visit. Undo: /void");
      assertThat(
              team.run("@anna /sale Acme 1150 cross-sell margin:30 products:oven,service").text())
          .isEqualTo(
              "Sale #5 logged: €1,150 — Acme (anna), cross-sell, margin 30%, products: oven,"
                  + " service, opportunity won. Undo: /void");
      assertThat(team.count("opportunities")).isEqualTo(1);
      // the opportunity is won: the next sale to Acme is a direct (repeat) sale
      assertThat(team.run("@anna /sale Acme 300").text()).contains("direct sale");
    }

    @Test
    @DisplayName("a quote with no open opportunity opens one without a lead")
    void quoteWithoutLead() {
      assertThat(team.run("@bram /quote Acme 900 new").text())
          .contains("Quote #1 logged: €900 — Acme (bram), new opportunity (no lead)");
      assertThat(team.count("opportunities")).isEqualTo(1);
    }

    @Test
    @DisplayName("lost closes the open opportunity; churn needs a known customer")
    void lostAndChurn() {
      team.run("@anna /lead Acme");
      assertThat(team.run("@anna /lost Acme reason:price").text())
          .isEqualTo(
              "Lost #2 logged: Acme (anna), reason: price, opportunity closed as lost. Undo: /void");
      assertThat(team.run("@anna /lost Acme").text()).startsWith("Acme has no open opportunity");
      // a customer who never bought cannot churn; one who bought can, once per spell
      assertThat(team.run("@anna /churn Acme").text())
          .startsWith("Acme is not an active customer: there is no sale since their last churn");
      team.run("@anna /sale Acme 900 date:2026-03-02");
      assertThat(team.run("@anna /churn Acme reason:moved").text())
          .isEqualTo("Churn #4 logged: Acme (anna), reason: moved. Undo: /void");
      assertThat(team.run("@anna /churn Acme").text()).startsWith("Acme is not an active customer");
      // won back by a new sale: a new spell that can end again
      team.run("@anna /sale Acme 300");
      assertThat(team.run("@anna /churn Acme").text()).startsWith("Churn #6 logged");
      assertThat(team.run("@anna /churn Zeta Corp").text())
          .startsWith("There is no customer \"Zeta Corp\" yet");
      assertThat(team.events()).isEqualTo(6);
    }

    @Test
    @DisplayName("steps join the opportunity open at their date (KPIS.md: in order of date)")
    void dateOrder() {
      // won today; an appointment dated before the sale joins that opportunity, no new one
      team.run("@anna /lead Initech date:2026-03-01");
      team.run("@anna /sale Initech 500");
      assertThat(team.run("@anna /appointment Initech date:2026-03-10").text())
          .doesNotContain("new opportunity");
      assertThat(team.count("opportunities")).isEqualTo(1);
      // a lead logged late (today), then "appointment yesterday": the same opportunity
      team.run("@bram /lead Globex");
      assertThat(team.run("@bram /appointment Globex date:yesterday").text())
          .doesNotContain("new opportunity");
      assertThat(team.count("opportunities")).isEqualTo(2);
      // lost on the 5th, then a quote dated the 20th: the lost opportunity is closed by then
      team.run("@anna /lead Umbrella date:2026-03-01");
      team.run("@anna /lost Umbrella date:2026-03-05");
      assertThat(team.run("@anna /quote Umbrella 800 date:2026-03-20").text())
          .contains("new opportunity (no lead)");
      assertThat(team.count("opportunities")).isEqualTo(4);
    }

    @Test
    @DisplayName("values echo as stored: a margin with two decimals, a time typed for today")
    void echoes() {
      assertThat(team.run("@anna /sale Acme 100 margin:27,25").text()).contains("margin 27.25%");
      assertThat(team.run("@anna /sale Acme 100 date:2026-03-31T09:15").text())
          .contains("31 Mar 2026 09:15");
      assertThat(team.run("@anna /sale Acme 4200 €").text()).startsWith("Sale #3 logged: €4,200");
    }

    @Test
    @DisplayName("a follow-up needs an open opportunity")
    void followUpNeedsOpportunity() {
      team.run("@anna /sale Acme 100");
      Reply reply = team.run("@anna /followup Acme");
      assertThat(reply.text()).startsWith("Acme has no open quote or opportunity to follow up");
      assertThat(team.events()).isEqualTo(1);
    }

    @Test
    @DisplayName("a manager logs for a rep with @rep; the event is the rep's")
    void managerLogsForRep() {
      Reply reply = team.run("/sale Acme 4,5k date:yesterday @bram");
      assertThat(reply.text())
          .isEqualTo(
              "Sale #1 logged: €4,500 — Acme (bram), 30 Mar 2026, direct sale (no open"
                  + " opportunity). Undo: /void");
      assertThat(event(1).rep().displayName()).isEqualTo("bram");
      assertThat(event(1).loggedBy().displayName()).isEqualTo("lisa");
    }

    @Test
    @DisplayName("a manager sets a target and logs an acquisition cost")
    void targetAndCost() {
      assertThat(team.run("/target 50k Q2 2026 @anna").text())
          .isEqualTo(
              "Target #1 logged: €50,000 revenue, Q2 2026 (1 Apr–30 Jun) — anna. Undo: /void");
      assertThat(team.run("/target 200k 2026").text())
          .isEqualTo("Target #2 logged: €200,000 revenue, 2026 (1 Jan–31 Dec) — team. Undo: /void");
      assertThat(team.run("/cost \"Trade fair Utrecht\" 2500 date:2026-03-02").text())
          .isEqualTo(
              "Acquisition cost #3 logged: €2,500 — Trade fair Utrecht, 2 Mar 2026. Undo: /void");
      assertThat(team.count("targets")).isEqualTo(2);
      assertThat(team.count("acquisition_costs")).isEqualTo(1);
    }

    @Test
    @DisplayName("a Dutch workspace answers in Dutch with Dutch number formats")
    void dutch() {
      team.close();
      team = TestWorkspace.dutch(engine, folder.resolve("nl"));
      assertThat(team.run("@anna /verkoop \"Bakkerij Jansen\" 4.200,50").text())
          .isEqualTo(
              "Verkoop #1 vastgelegd: € 4.200,50 — Bakkerij Jansen (anna), directe verkoop (geen"
                  + " open kans). Ongedaan maken: /herstel");
      assertThat(team.run("@anna /aanvraag Acme bron:telefoon").text())
          .isEqualTo(
              "Aanvraag #2 vastgelegd: Acme (anna), bron: telefoon. Ongedaan maken: /herstel");
      assertThat(team.run("@anna /afspraak Acme datum:gisteren").text())
          .isEqualTo("Afspraak #3 vastgelegd: Acme (anna), 30 mrt 2026. Ongedaan maken: /herstel");
      assertThat(team.run("/doel 50k Q2 2026").text())
          .isEqualTo(
              "Doel #4 vastgelegd: € 50.000 omzet, Q2 2026 (1 apr–30 jun) — team. Ongedaan maken:"
                  + " /herstel");
      assertThat(team.run("@anna /verkoop Acme 4.200 onzin").text())
          .isEqualTo(
              "Onverwacht \"onzin\" na het bedrag.\nVoorbeeld: /verkoop \"Bakkerij Jansen\" 4.200"
                  + " kruisverkoop");
    }
  }

  @Nested
  @DisplayName("a second lead for a customer with an open opportunity (KPIS.md)")
  final class SecondLead {
    @Test
    @DisplayName("opens a second opportunity, and the confirmation names the open one")
    void namesTheOpenOne() {
      // given an open opportunity for Acme, opened by a lead on 2 March
      team.log("@anna /lead Acme date:2026-03-02");
      // when a second lead for Acme is logged
      Reply reply = team.log("@bram /lead Acme source:phone");
      // then it opens a second one and says so, naming the open one and how to undo
      assertThat(reply.text())
          .isEqualTo(
              "Lead #2 logged: Acme (bram), source: phone. Undo: /void\n"
                  + "Note: Acme already has an open opportunity, opened by Lead #1 on 2 Mar 2026;"
                  + " this lead opens a second one. If it is the same enquiry, undo this one:"
                  + " /void 2");
      assertThat(team.count("opportunities")).isEqualTo(2);
    }

    @Test
    @DisplayName("names a quote that opened the open one; no note once it is closed")
    void quoteOpenedAndClosed() {
      team.log("@anna /quote Acme 900 date:2026-03-03T10:15");
      assertThat(team.log("@anna /lead Acme").text())
          .endsWith(
              "opened by Quote #1 on 3 Mar 2026 10:15; this lead opens a second one. If it"
                  + " is the same enquiry, undo this one: /void 2");
      team.log("@anna /sale Acme 900");
      team.log("@anna /lost Acme");
      assertThat(team.log("@anna /lead Acme").text()).doesNotContain("Note:");
    }

    @Test
    @DisplayName("in Dutch")
    void dutch() {
      team.close();
      team = TestWorkspace.dutch(engine, folder.resolve("nl"));
      team.log("@anna /aanvraag Acme datum:2026-03-02");
      assertThat(team.log("@anna /aanvraag Acme").text())
          .isEqualTo(
              "Aanvraag #2 vastgelegd: Acme (anna). Ongedaan maken: /herstel\n"
                  + "Let op: Acme heeft al een open kans, geopend met Aanvraag #1 op 2 mrt 2026;"
                  + " deze aanvraag opent een tweede kans. Gaat het om dezelfde aanvraag, maak deze"
                  + " dan ongedaan: /herstel 2");
    }
  }

  @ParameterizedTest(name = "/{0} and /{1}")
  @CsvSource({
    "lead, aanvraag",
    "appointment, afspraak",
    "quote, offerte",
    "followup, opvolging",
    "sale, verkoop",
    "lost, verloren",
    "churn, opzegging",
    "cost, kosten",
    "target, doel",
    "void, herstel",
    "edit, wijzig",
    "help, hulp"
  })
  @DisplayName("every command answers to its English name and Dutch alias, any case")
  void aliases(String english, String dutch) {
    CommandRegistry registry = team.commands().registry();
    CommandSpec spec = registry.find(english).orElseThrow();
    assertThat(registry.find("/" + dutch)).contains(spec);
    assertThat(registry.find(dutch.toUpperCase(java.util.Locale.ROOT))).contains(spec);
    assertThat(team.run("/" + dutch).text()).doesNotStartWith("There is no command");
  }

  @Nested
  @DisplayName("bad input gets a clear private error and stores nothing")
  final class BadInput {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "/sale Acme                      | The amount is missing.",
          "/sale                           | The amount is missing.",
          "/sale 4200                      | The customer's name is missing.",
          "/lead                           | The customer's name is missing.",
          "/sale Acme 4200 extra           | Unexpected \"extra\" after the amount.",
          "/sale Acme 0                    | The amount must be more than zero",
          "/sale Acme -50                  | The amount must be more than zero",
          "/sale Acme 4,20                 | \"4,20\" is not an amount in this workspace's format",
          "/sale Acme twelve               | The amount is missing.",
          "/sale Acme 1000000001           | is more than 1 billion",
          "/sale Acme 5000m                | is more than 1 billion",
          "/sale Acme 4.999                | \"4.999\" is unclear: €4,999, or an amount with fractions of a cent? Nothing was logged. For €4,999, write 4999.",
          "/sale Acme 4.205555k            | has fractions of a cent",
          "/sale Acme 4200 colour:red      | Unknown option \"colour:\" for /sale. It takes: date:, margin:, products:.",
          "/lead Acme margin:20            | Unknown option \"margin:\" for /lead",
          "/sale Acme 4200 date:           | The option \"date:\" needs a value.",
          "/sale Acme 4200 date:2026-04-01 | 2026-04-01 is in the future",
          "/sale Acme 4200 date:someday    | \"someday\" is not a date",
          "/sale Acme 4200 date:today datum:today | The option \"datum:\" is given twice.",
          "/sale Acme 4200 margin:120      | \"120\" is not a margin",
          "/sale Acme 4200 margin:abc      | \"abc\" is not a margin",
          "/sale \"Acme 4200               | A quote mark is not closed.",
          "/sale \"\" 4200                 | The customer's name is missing.",
          "/sale Acme 4200 @anna @bram     | Name one rep only.",
          "/lead Acme cross-sell           | \"cross-sell\" does not apply to /lead",
          "/followup Acme call visit       | Choose one: call or visit.",
          "/frobnicate Acme                | There is no command /frobnicate. Type /help for the list.",
          "/void abc                       | \"abc\" is not an event number",
          "/void 0                         | \"0\" is not an event number",
          "/void 1 2                       | Unexpected \"2\".",
          "/void 99                        | There is no event #99.",
          "/help frobnicate                | There is no command /frobnicate",
          "/target 50k                     | The period is missing.",
          "/target 50k next fortnight      | I don't know the period \"next fortnight\"",
          "/target Q2 2026                 | The amount is missing.",
          "/cost                           | The amount is missing.",
          "/cost Ads -5                    | The amount must be more than zero",
        })
    @DisplayName("wrong, missing and out-of-range values")
    void refused(String line, String expected) {
      team.run("@anna /lead Known Customer");
      long events = team.events();
      long customers = team.count("customers");
      Reply reply = team.run(line);
      assertThat(reply.ephemeral()).isTrue();
      assertThat(reply.text()).contains(expected);
      assertThat(team.events()).isEqualTo(events);
      assertThat(team.count("customers")).isEqualTo(customers);
    }

    @Test
    @DisplayName("an error shows a valid example of the command")
    void example() {
      assertThat(team.run("/sale Acme").text())
          .isEqualTo("The amount is missing.\nExample: /sale \"Bakkerij Jansen\" 4200 cross-sell");
    }

    @Test
    @DisplayName("a customer name over 200 characters, a 10 kB paste, control characters")
    void names() {
      String longName = "A".repeat(201);
      assertThat(team.run("/sale " + longName + " 10").text())
          .startsWith("The customer's name is 201 characters long; at most 200 are allowed.");
      String paste = "x".repeat(10_240);
      assertThat(team.run("/lead " + paste).text()).contains("10240 characters long");
      assertThat(team.run("/sale \"" + paste + "\" 10").text()).contains("10240 characters long");
      assertThat(team.run("/sale Acme 10 margin:" + paste).text()).contains("is not a margin");
      assertThat(team.run("/lead \"Evil\u0000Corp\"").text()).contains("control character");
      assertThat(team.run("/lead \"Bell\u0007\"").text()).contains("control character");
      assertThat(team.run("/lead \"abc\u202Edef\"").text()).contains("control character");
      assertThat(team.run("/lead Acme source:\"a\u001bb\"").text()).contains("control character");
      assertThat(team.run("/lead \"Line\u2028Break\"").text()).contains("control character");
      assertThat(team.run("/sale Acme 300 @\"an\u2029na\"").text()).contains("control character");
      assertThat(team.events()).isZero();
      assertThat(team.count("customers")).isZero();
    }

    @Test
    @DisplayName("exactly 200 characters is fine, and so are 200 emoji")
    void limitInclusive() {
      assertThat(team.run("/lead " + "B".repeat(200)).text()).startsWith("Lead #1 logged");
      assertThat(team.run("/lead " + "🚀".repeat(200)).text()).startsWith("Lead #2 logged");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Robert'); DROP TABLE events;--",
        "O'Brien & Zonen",
        "Bakkerij \"De Gouden Krakeling\"",
        "🥐 Croissanterie 🇫🇷",
        "Ζαχαροπλαστείο Αθήνα",
        "北京烤鸭店",
        "مطعم",
        "<!channel> *bold* `code`",
        "%s %d %n",
        "Café 👨‍👩‍👧 Familie",
      })
  @DisplayName("quotes, SQL, emoji and any script are stored and shown exactly")
  void hostileNamesStoredExactly(String name) {
    String quoted = name.contains("\"") ? "“" + name + "”" : "\"" + name + "\"";
    Reply reply = team.run("@anna /sale " + quoted + " 100 new");
    assertThat(reply.text())
        .isEqualTo(
            "Sale #1 logged: €100 — "
                + name
                + " (anna), direct sale (no open opportunity). Undo: /void");
    assertThat(event(1).customer().orElseThrow().name()).isEqualTo(name);
    assertThat(team.count("events")).isEqualTo(1);
  }

  @Nested
  @DisplayName("amounts that could be read two ways are asked about, not guessed")
  final class AmbiguousAmounts {
    @Test
    @DisplayName("4.200 in an English workspace is refused with both readings")
    void dotAndThreeDigits() {
      // given an English workspace
      // when
      Reply reply = team.run("/sale Beta 4.200");
      // then
      assertThat(reply.text())
          .isEqualTo(
              "\"4.200\" can be read two ways: €4,200 or €4.20. Nothing was logged. Write 4200 or"
                  + " 4.20.\nExample: /sale \"Bakkerij Jansen\" 4200 cross-sell");
      assertThat(team.events()).isZero();
      assertThat(team.run("/sale Beta 4,200.50").text()).startsWith("Sale #1 logged: €4,200.50");
      assertThat(team.run("/sale Beta 4.20").text()).startsWith("Sale #2 logged: €4.20");
      assertThat(team.run("/sale Beta 4200").text()).startsWith("Sale #3 logged: €4,200");
    }

    @Test
    @DisplayName("in a Dutch workspace 4.200 is four thousand two hundred")
    void dutchDot() {
      // given
      team.close();
      team = TestWorkspace.dutch(engine, folder.resolve("nl"));
      // when
      Reply reply = team.run("/verkoop Beta 4.200");
      // then
      assertThat(reply.text()).startsWith("Verkoop #1 vastgelegd: € 4.200 — Beta (lisa)");
    }

    @Test
    @DisplayName("Acme 4 200 with Acme known: €4,200 for Acme or €200 for a new Acme 4, asked")
    void nameEndingInNumber() {
      // given
      team.log("/sale Acme 100");
      // when
      Reply reply = team.run("/sale Acme 4 200");
      // then
      assertThat(reply.text())
          .isEqualTo(
              "€4,200 for Acme, or €200 for a new customer \"Acme 4\"? Nothing was logged. For"
                  + " Acme, write the amount as one number (4200); for the new customer, add new at"
                  + " the end.");
      assertThat(reply.ephemeral()).isTrue();
      assertThat(team.events()).isEqualTo(1);
      assertThat(team.count("customers")).isEqualTo(1);
    }

    @Test
    @DisplayName("with new the second reading is taken: €200 for a new customer Acme 4")
    void newTakesSecondReading() {
      // given
      team.log("/sale Acme 100");
      // when
      Reply reply = team.run("/sale Acme 4 200 new");
      // then
      assertThat(reply.text()).startsWith("Sale #2 logged: €200 — Acme 4 (lisa)");
      assertThat(event(2).customer().orElseThrow().name()).isEqualTo("Acme 4");
      // and once Acme 4 is known, the line is no longer a question
      assertThat(team.run("/quote Acme 4 300").text()).startsWith("Quote #3 logged: €300 — Acme 4");
    }

    @Test
    @DisplayName("the question also comes with decimals and for /quote, with the amounts as typed")
    void decimalsAndQuote() {
      // given
      team.log("/lead Acme");
      // when
      Reply reply = team.run("/quote Acme 4 200.50");
      // then
      assertThat(reply.text())
          .startsWith("€4,200.50 for Acme, or €200.50 for a new customer \"Acme 4\"?")
          .contains("(4200.50)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "/sale Studio 54 900    | Studio 54 | 90000",
          "/sale Acme 4200        | Acme      | 420000",
          "/sale Acme 12 50       | Acme 12   | 5000",
          "/sale Acme 4 € 200     | Acme 4    | 20000",
          "/sale \"Acme 4\" 200   | Acme 4    | 20000",
          "/sale Acme 4 200k      | Acme 4    | 20000000",
        })
    @DisplayName("a number in a name is not questioned where only one reading makes sense")
    void clearReadings(String line, String customer, long cents) {
      // given Acme is known, Studio is not
      team.log("/sale Acme 100");
      // when
      Reply reply = team.run(line);
      // then
      assertThat(reply.text()).contains(" logged: ");
      assertThat(event(2).customer().orElseThrow().name()).isEqualTo(customer);
      assertThat(event(2).amount().orElseThrow().cents()).isEqualTo(cents);
    }

    @Test
    @DisplayName("the same question in Dutch, with the amounts in the Dutch money format")
    void dutch() {
      // given
      team.close();
      team = TestWorkspace.dutch(engine, folder.resolve("nl"));
      team.log("/verkoop Acme 100");
      // when
      Reply reply = team.run("/verkoop Acme 4 200");
      // then
      assertThat(reply.text())
          .isEqualTo(
              "€ 4.200 voor Acme, of € 200 voor een nieuwe klant \"Acme 4\"? Er is niets"
                  + " vastgelegd. Voor Acme: schrijf het bedrag als één getal (4200); voor de"
                  + " nieuwe klant: zet nieuw aan het eind.");
      assertThat(team.run("/verkoop Acme 4 200 nieuw").text())
          .startsWith("Verkoop #2 vastgelegd: € 200 — Acme 4 (lisa)");
      assertThat(team.run("/verkoop Studio 54 900").text())
          .startsWith("Verkoop #3 vastgelegd: € 900 — Studio 54 (lisa)");
    }
  }

  @Nested
  @DisplayName("a mistyped rep gets 'did you mean', as a customer does")
  final class Reps {
    @Test
    @DisplayName("logging for @ana where anna exists asks 'did you mean @anna?' and stores nothing")
    void loggingFor() {
      // given
      team.log("@anna /lead Acme");
      long reps = team.count("reps");
      // when
      Reply reply = team.run("/sale Acme 300 @ana");
      // then
      assertThat(reply.text())
          .isEqualTo(
              "Did you mean @anna? There is no rep \"ana\"; nothing was logged. Repeat the command"
                  + " with @anna, or add new at the end to log for a new rep \"ana\".");
      assertThat(reply.ephemeral()).isTrue();
      assertThat(team.events()).isEqualTo(1);
      assertThat(team.count("reps")).isEqualTo(reps);
      assertThat(team.run("/followup Acme @ana").text())
          .isEqualTo(
              "Did you mean @anna? There is no rep \"ana\". Repeat the command with @anna; a new"
                  + " rep is known once they have used Salesmeter themselves.");
      assertThat(team.run("/sale Acme 300 @anna").text())
          .startsWith("Sale #2 logged: €300 — Acme (anna)");
    }

    @Test
    @DisplayName("new confirms a new rep, and reps with other numbers are other people")
    void newRep() {
      // given
      team.log("@anna /lead Acme");
      team.log("/lead Beta @rep1");
      // when
      String confirmed = team.run("/sale Acme 300 @ana new").text();
      String numbered = team.run("/lead Gamma @rep2").text();
      // then
      assertThat(confirmed).startsWith("Sale #3 logged: €300 — Acme (ana)");
      assertThat(numbered).startsWith("Lead #4 logged: Gamma (rep2)");
    }

    @Test
    @DisplayName("a figure for @ana and a target for @ana ask the same")
    void figureAndTarget() {
      // given
      team.log("@anna /sale Acme 300");
      // when
      String figure = team.run("/kpi revenue @ana").text();
      String target = team.run("/target 50k Q2 2026 @ana").text();
      // then
      assertThat(figure).startsWith("Did you mean @anna? There is no rep \"ana\".");
      assertThat(target).startsWith("Did you mean @anna? There is no rep \"ana\".");
      assertThat(team.events()).isEqualTo(1);
      assertThat(team.run("/kpi revenue @nobody").text())
          .startsWith("There is no rep \"nobody\" yet.");
    }

    @Test
    @DisplayName("a name with spaces is suggested in quotes; a platform's mention is never guessed")
    void quotedAndMentions() {
      // given
      team.log("/lead Acme @\"Anna de Vries\"");
      // when
      String typo = team.run("/sale Acme 300 @\"Ana de Vries\"").text();
      String mention = team.run("/sale Acme 300 <@U999|ana>").text();
      // then
      assertThat(typo)
          .startsWith("Did you mean @\"Anna de Vries\"? There is no rep \"Ana de Vries\";");
      assertThat(mention).startsWith("Sale #2 logged: €300 — Acme (ana)");
    }

    @Test
    @DisplayName("in Dutch: 'bedoel je @anna?'")
    void dutch() {
      // given
      team.close();
      team = TestWorkspace.dutch(engine, folder.resolve("nl"));
      team.log("@anna /aanvraag Acme");
      // when
      Reply reply = team.run("/verkoop Acme 300 @ana");
      // then
      assertThat(reply.text())
          .isEqualTo(
              "Bedoel je @anna? Er is geen verkoper \"ana\"; er is niets vastgelegd. Herhaal het"
                  + " commando met @anna, of zet nieuw aan het eind om voor een nieuwe verkoper"
                  + " \"ana\" vast te leggen.");
      assertThat(team.events()).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("customers are matched by name")
  final class Customers {
    @Test
    @DisplayName("case, accents, spaces and B.V. do not make a new customer")
    void normalised() {
      team.run("@anna /lead \"Café de Zwaan B.V.\"");
      team.run("@anna /quote cafe  DE zwaan 1200");
      team.run("@anna /sale \"CAFÉ DE ZWAAN BV\" 1200");
      team.run("@anna /sale \"café de zwaan\" 50");
      assertThat(team.count("customers")).isEqualTo(1);
      assertThat(event(4).customer().orElseThrow().name()).isEqualTo("Café de Zwaan B.V.");
    }

    @Test
    @DisplayName("a close but new name asks 'did you mean' and stores nothing")
    void didYouMean() {
      team.run("@anna /lead Bakkerij Jansen");
      Reply reply = team.run("@anna /sale Bakkery Jansen 400");
      assertThat(reply.text())
          .isEqualTo(
              "Did you mean Bakkerij Jansen? Nothing was logged. Repeat the command with that exact"
                  + " name, or add \"new\" at the end to log \"Bakkery Jansen\" as a new customer:"
                  + " /sale \"Bakkery Jansen\" … new");
      assertThat(reply.ephemeral()).isTrue();
      assertThat(team.events()).isEqualTo(1);
      assertThat(team.count("customers")).isEqualTo(1);
      // confirmed as new: a second customer
      assertThat(team.run("@anna /sale Bakkery Jansen 400 new").text())
          .startsWith("Sale #2 logged");
      assertThat(team.count("customers")).isEqualTo(2);
      // the exact name is the known customer
      team.run("@anna /sale Bakkerij Jansen 400");
      assertThat(team.count("customers")).isEqualTo(2);
    }

    @Test
    @DisplayName("commands that need a known customer also ask 'did you mean', without 'new'")
    void didYouMeanKnown() {
      team.run("@anna /lead Bakkerij Jansen");
      assertThat(team.run("@anna /lost Bakkery Jansen").text())
          .isEqualTo(
              "Did you mean Bakkerij Jansen? There is no customer \"Bakkery Jansen\"; nothing was"
                  + " logged. Repeat the command with the exact name.");
      assertThat(team.events()).isEqualTo(1);
    }

    @Test
    @DisplayName("invisible characters pasted along a name do not make a new customer")
    void invisibleCharacters() {
      team.run("/sale 3M 400");
      team.run("/sale \"3M\u200b\" 400");
      team.run("/sale \"\ufeff3M\" 400");
      assertThat(team.count("customers")).isEqualTo(1);
    }

    @Test
    @DisplayName("short names are not fuzzy: 3M is not 3B")
    void shortNames() {
      team.run("/sale 3M 400");
      assertThat(team.run("/sale 3B 400").text()).startsWith("Sale #2 logged");
    }
  }

  @Nested
  @DisplayName("idempotency and isolation")
  final class Idempotency {
    @Test
    @DisplayName("the same interaction id twice logs once and says so")
    void sameInteractionTwice() {
      Reply first = team.run("@anna /sale Acme 300", "trigger-1");
      Reply second = team.run("@anna /sale Acme 300", "trigger-1");
      assertThat(first.text()).startsWith("Sale #1 logged");
      assertThat(second.text())
          .isEqualTo(
              "Already logged (this request arrived twice): Sale #1: €300 — Acme (anna), direct"
                  + " sale (no open opportunity).");
      assertThat(team.events()).isEqualTo(1);
    }

    @Test
    @DisplayName("a repeated /lost says 'already logged', not 'no open opportunity'")
    void repeatedLost() {
      team.run("@anna /lead Acme");
      assertThat(team.run("@anna /lost Acme", "lost-1").text()).startsWith("Lost #2 logged");
      assertThat(team.run("@anna /lost Acme", "lost-1").text())
          .startsWith("Already logged (this request arrived twice): Lost #2");
      assertThat(team.events()).isEqualTo(2);
    }

    @Test
    @DisplayName("a repeated lead that created a customer and an opportunity creates neither again")
    void repeatedLeadCreatesNothing() {
      team.run("@anna /lead Acme", "lead-1");
      team.run("@anna /lead Acme", "lead-1");
      assertThat(team.count("customers")).isEqualTo(1);
      assertThat(team.count("opportunities")).isEqualTo(1);
      assertThat(team.events()).isEqualTo(1);
    }

    @Test
    @DisplayName("a repeated /void undoes once, not the event before")
    void repeatedVoid() {
      team.run("@anna /sale Acme 100");
      team.run("@anna /sale Acme 200");
      team.run("@anna /void", "void-1");
      Reply again = team.run("@anna /void", "void-1");
      assertThat(again.text()).startsWith("Already logged");
      assertThat(event(1).voided()).isFalse();
      assertThat(event(2).voided()).isTrue();
    }

    @Test
    @DisplayName("two workspaces: own numbering, own customers, no void across")
    void isolation() {
      WorkspaceId other = new WorkspaceId("T-other");
      team.run("@anna /sale Acme 100");
      Reply there = team.run(other, "@anna /sale Acme 700", "x-1");
      assertThat(there.text()).startsWith("Sale #1 logged: €700");
      assertThat(team.log().customers(TestWorkspace.WORKSPACE)).hasSize(1);
      assertThat(team.log().customers(other)).hasSize(1);
      assertThat(team.log().eventCount(other)).isEqualTo(1);
      // the same interaction id in another workspace is another request
      assertThat(team.run(other, "@anna /sale Acme 700", "x-1").text())
          .startsWith("Already logged");
      assertThat(team.run("@anna /sale Acme 700", "x-1").text()).startsWith("Sale #2 logged");
      team.run(other, "/void 2", "x-2");
      assertThat(team.run(other, "/void 2", "x-3").text())
          .isEqualTo("There is no event #2.\nExample: /void 123");
      assertThat(event(2).voided()).isFalse();
    }
  }

  @Nested
  @DisplayName("voids and roles")
  final class Voids {
    @Test
    @DisplayName("/void undoes the asker's last event that counts, then the one before")
    void lastEvent() {
      team.run("@anna /sale Acme 100");
      team.run("@bram /sale Beta 200");
      team.run("@anna /sale Acme 300");
      assertThat(team.run("@anna /void").text())
          .isEqualTo(
              "Undone: Sale #3: €300 — Acme (anna), direct sale (no open opportunity); logged"
                  + " today 17:00. It no longer counts (undo logged as #4).");
      assertThat(team.run("@anna /void").text()).startsWith("Undone: Sale #1");
      assertThat(team.run("@anna /void").text()).startsWith("You have nothing left to undo.");
      assertThat(event(2).voided()).isFalse();
    }

    @Test
    @DisplayName("voiding a sale reopens its opportunity (KPIS.md)")
    void voidReopens() {
      team.run("@anna /lead Acme");
      team.run("@anna /quote Acme 500");
      team.run("@anna /sale Acme 500");
      assertThat(team.run("@anna /void").text())
          .endsWith("The opportunity with Acme is open again.");
      // open again: a follow-up attaches, and the next sale wins that same opportunity
      assertThat(team.run("@anna /followup Acme").text()).startsWith("Follow-up #5 logged");
      assertThat(team.run("@anna /sale Acme 450").text()).contains("opportunity won");
      assertThat(team.count("opportunities")).isEqualTo(1);
    }

    @Test
    @DisplayName("/void names the event it undid and when it was logged, not a refused command")
    void namesWhatItUndid() {
      // given a sale logged on the 31st, and a refused line just before the /void
      team.run("@anna /sale Acme 4200");
      team = team.reopen(Locale.ENGLISH, LocalDateTime.of(2026, 4, 1, 9, 30));
      assertThat(team.run("@anna /sale Beta 900 extra").text()).startsWith("Unexpected");
      // when anna undoes her last event the next morning
      String reply = team.run("@anna /void").text();
      // then it is the sale of yesterday, not the refused line
      assertThat(reply)
          .isEqualTo(
              "Undone: Sale #1: €4,200 — Acme (anna), 31 Mar 2026 17:00, direct sale (no open"
                  + " opportunity); logged yesterday 17:00. It no longer counts (undo logged as"
                  + " #2).");
    }

    @Test
    @DisplayName("/void 123 names the event and its logging time the same way, in Dutch too")
    void byNumberSameWay() {
      team.close();
      team = TestWorkspace.dutch(engine, folder.resolve("nl"));
      team.run("@anna /aanvraag Acme");
      team = team.reopen(Locale.forLanguageTag("nl"), LocalDateTime.of(2026, 4, 3, 8, 0));
      assertThat(team.run("/herstel 1").text())
          .isEqualTo(
              "Ongedaan gemaakt: Aanvraag #1: Acme (anna), 31 mrt 2026 17:00; vastgelegd op 31 mrt"
                  + " 2026 om 17:00. Het telt niet meer mee (herstel vastgelegd als #2).");
    }

    @Test
    @DisplayName("undoing one of two sales of an opportunity: it stays won, by the other sale")
    void stillWon() {
      // given a lead on the 1st, a sale on the 20th, and a sale backdated to the 10th
      team.log("@anna /lead Acme date:2026-03-01");
      team.log("@anna /sale Acme 500 date:2026-03-20");
      assertThat(team.log("@anna /sale Acme 300 date:2026-03-10").text())
          .contains("opportunity won");
      // when the sale of the 20th is undone
      String reply = team.run("@anna /void 2").text();
      // then the opportunity is not said to reopen: the sale of the 10th still wins it
      assertThat(reply)
          .doesNotContain("open again")
          .endsWith("The opportunity with Acme is still won, by sale #3.");
      assertThat(team.run("@anna /followup Acme").text()).startsWith("Acme has no open");
    }

    @Test
    @DisplayName("a live sale and a live lost: undoing the lost leaves it won, the sale lost")
    void saleAndLost() {
      // given a sale on the 20th and a lost backdated to the 10th (KPIS.md: the sale wins)
      team.log("@anna /lead Acme date:2026-03-01");
      team.log("@anna /sale Acme 500 date:2026-03-20");
      team.log("@anna /lost Acme date:2026-03-10 reason:price");
      // when the sale is undone, then the lost decides: closed as lost, not open
      assertThat(team.run("@anna /void 2").text())
          .endsWith(
              "The opportunity with Acme is now closed as lost, by #3: none of its sales counts"
                  + " any more.");
      // when the lost is undone too, then it really is open again
      assertThat(team.run("@anna /void 3").text())
          .endsWith("The opportunity with Acme is open again.");
    }

    @Test
    @DisplayName("undoing a lost of an opportunity with a live sale: it is still won")
    void lostUnderSale() {
      team.log("@anna /lead Acme date:2026-03-01");
      team.log("@anna /sale Acme 500 date:2026-03-20");
      team.log("@anna /lost Acme date:2026-03-10");
      assertThat(team.run("@anna /void").text())
          .startsWith("Undone: Lost #3")
          .endsWith("The opportunity with Acme is still won, by sale #2.");
    }

    @Test
    @DisplayName("undoing a lost whose other steps were undone reopens nothing")
    void nothingLeft() {
      team.log("@anna /lead Acme");
      team.log("@anna /lost Acme");
      team.run("@anna /void 1");
      assertThat(team.run("@anna /void 2").text())
          .doesNotContain("open again")
          .endsWith("No other step of the opportunity with Acme counts, so it is not open either.");
      assertThat(team.run("@anna /followup Acme").text()).startsWith("Acme has no open");
    }

    @Test
    @DisplayName("in Dutch: still won, and open again only when it reopens")
    void dutchOpportunityStates() {
      team.close();
      team = TestWorkspace.dutch(engine, folder.resolve("nl"));
      team.log("@anna /aanvraag Acme datum:2026-03-01");
      team.log("@anna /verkoop Acme 500 datum:2026-03-20");
      team.log("@anna /verloren Acme datum:2026-03-10");
      assertThat(team.run("@anna /herstel 3").text())
          .endsWith("De kans bij Acme blijft gewonnen: verkoop #2 telt nog mee.");
      assertThat(team.run("@anna /herstel 2").text()).endsWith("De kans bij Acme staat weer open.");
    }

    @Test
    @DisplayName("voiding a lost event reopens the opportunity too")
    void voidLostReopens() {
      team.run("@anna /lead Acme");
      team.run("@anna /lost Acme");
      team.run("@anna /void");
      assertThat(team.run("@anna /lost Acme").text()).contains("opportunity closed as lost");
    }

    @Test
    @DisplayName("a voided lead leaves no open opportunity behind")
    void voidedLead() {
      team.run("@anna /lead Acme");
      team.run("@anna /void");
      assertThat(team.run("@anna /followup Acme").text()).startsWith("Acme has no open");
    }

    @Test
    @DisplayName("a rep may not void someone else's event; a manager may void anything")
    void roles() {
      team.run("@anna /sale Acme 100");
      assertThat(team.run("@bram /void 1").text())
          .startsWith("#1 was logged by anna: only they or a manager can undo it.");
      assertThat(event(1).voided()).isFalse();
      assertThat(team.run("/void 1").text()).startsWith("Undone: Sale #1");
      assertThat(team.run("/void 1").text()).startsWith("#1 is already undone.");
      assertThat(team.run("/void 2").text()).startsWith("#2 is itself an undo.");
    }

    @Test
    @DisplayName("two /void of one event at the same time: one undoes it, the other says so")
    void concurrentVoids() throws Exception {
      for (int round = 0; round < 20; round++) {
        long number = team.events() + 1;
        team.run("@anna /sale Acme 100");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var first = pool.submit(() -> team.run("/void " + number));
        var second = pool.submit(() -> team.run("/void " + number));
        List<String> replies = List.of(first.get().text(), second.get().text());
        pool.shutdown();
        assertThat(replies).filteredOn(r -> r.startsWith("Undone: Sale #" + number)).hasSize(1);
        assertThat(replies)
            .filteredOn(r -> r.startsWith("#" + number + " is already undone."))
            .hasSize(1);
      }
    }

    @Test
    @DisplayName("a rep may void an event a manager logged for them")
    void voidOwnLoggedByManager() {
      team.run("/sale Acme 100 @anna");
      assertThat(team.run("@anna /void 1").text()).startsWith("Undone: Sale #1");
    }

    @Test
    @DisplayName("a rep may not use manager commands or log for someone else")
    void repLimits() {
      assertThat(team.run("@anna /target 50k Q2 2026").text())
          .isEqualTo("Only managers can use /target.");
      assertThat(team.run("@anna /doel 50k Q2 2026").text())
          .isEqualTo("Only managers can use /target.");
      assertThat(team.run("@anna /cost Ads 500").text()).isEqualTo("Only managers can use /cost.");
      assertThat(team.run("@anna /sale Acme 100 @bram").text())
          .startsWith("Only managers can log for someone else.");
      // naming oneself is fine
      assertThat(team.run("@anna /sale Acme 100 @anna").text()).startsWith("Sale #1 logged");
      assertThat(team.events()).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("/help lists every command; a rep does not see manager commands")
  void help() {
    String forManager = team.run("/help").text();
    assertThat(forManager).contains("/sale (/verkoop) — a sale was won", "/target (/doel)");
    String forRep = team.run("@anna /hulp").text();
    assertThat(forRep).contains("/void (/herstel)").doesNotContain("/target");
    assertThat(team.run("/help sale").text())
        .isEqualTo(
            "/sale (/verkoop) — a sale was won\n"
                + "Usage: /sale <customer> <amount> [cross-sell] [margin:27,5]"
                + " [products:oven,service] [date:…] [@rep] [new]\n"
                + "Example: /sale \"Bakkerij Jansen\" 4200 cross-sell");
  }

  @Test
  @DisplayName("Dutch help names the Dutch command first")
  void dutchHelp() {
    team.close();
    team = TestWorkspace.dutch(engine, folder.resolve("nl"));
    assertThat(team.run("/hulp").text())
        .contains("/verkoop (/sale) — een verkoop is binnengehaald");
  }

  @Test
  @DisplayName("an unexpected failure answers with a reference, never a stack trace")
  void unexpectedFailure() {
    team.database().close();
    Reply reply = team.run("@anna /sale Acme 100");
    assertThat(reply.ephemeral()).isTrue();
    assertThat(reply.text())
        .matches(
            "Something went wrong \\(ref [A-Z2-9]{6}\\)\\. Nothing was logged\\. Please try again;"
                + " if it happens again, give your admin the ref\\.")
        .doesNotContain("Exception", "at dev.");
  }
}
