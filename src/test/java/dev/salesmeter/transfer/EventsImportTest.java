package dev.salesmeter.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.core.EventKind;
import dev.salesmeter.store.Database;
import dev.salesmeter.store.LoggedEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The events format: headers in English and Dutch, commas and semicolons, and every bad row. */
@ParameterizedClass
@EnumSource(Database.Engine.class)
final class EventsImportTest {
  @Parameter Database.Engine engine;

  @TempDir Path folder;
  TestWorkspace team;

  /** A small history as English CSV (commas, no BOM), 31 March 2026 being "now". */
  static final String ENGLISH =
      """
      number,kind,occurred,customer,rep,amount,cross_sell,margin,source,reason,followup
      1,lead,2026-03-02 10:00,Acme,anna,,,,web,,
      2,quote,2026-03-03 11:00,Acme,anna,1200,,,,,
      3,followup,2026-03-05,Acme,anna,,,,,,visit
      4,sale,2026-03-10,Acme,anna,1250.50,yes,27.5,,,
      5,lead,2026-03-11,Beta,bram,,,,phone,,
      6,lost,2026-03-12,Beta,bram,,,,,price,
      """;

  /** The same history as Dutch Excel writes it: BOM, semicolons, Dutch headers and decimals. */
  static final String DUTCH =
      "\uFEFF"
          + """
          Nummer;Soort;Datum;Klant;Verkoper;Bedrag;Kruisverkoop;Marge;Bron;Reden;Opvolging
          1;aanvraag;02-03-2026 10:00;Acme;anna;;;;web;;
          2;offerte;03-03-2026 11:00;Acme;anna;1.200;;;;;
          3;opvolging;05-03-2026;Acme;anna;;;;;;bezoek
          4;verkoop;10-03-2026;Acme;anna;1.250,50;ja;27,5;;;
          5;aanvraag;11-03-2026;Beta;bram;;;;telefoon;;
          6;verloren;12-03-2026;Beta;bram;;;;;prijs;
          """;

  @BeforeEach
  void open() {
    team = TestWorkspace.english(engine, folder);
  }

  @AfterEach
  void close() {
    team.close();
  }

  @Test
  @DisplayName("an English file becomes the events it lists, through the opportunity rules")
  void english() {
    // when
    Import.Result result = Importing.run(team, ENGLISH, ImportFormat.EVENTS);

    // then
    assertThat(result.imported()).as(result.text()).isTrue();
    assertThat(result.outcome().orElseThrow().added())
        .isEqualTo(
            Map.of(
                EventKind.LEAD, 2,
                EventKind.QUOTE, 1,
                EventKind.FOLLOWUP, 1,
                EventKind.SALE, 1,
                EventKind.LOST, 1));
    assertThat(team.events()).isEqualTo(6);
    LoggedEvent sale = team.log().event(TestWorkspace.WORKSPACE, 4).orElseThrow();
    assertThat(sale.amount().orElseThrow().cents()).isEqualTo(125_050);
    assertThat(sale.details().crossSell()).isTrue();
    assertThat(sale.details().margin().orElseThrow().basisPoints()).isEqualTo(2750);
    // the sale joined the opportunity the lead opened
    LoggedEvent lead = team.log().event(TestWorkspace.WORKSPACE, 1).orElseThrow();
    assertThat(sale.opportunityId()).isEqualTo(lead.opportunityId()).isPresent();
    assertThat(result.text())
        .contains("6 events added")
        .contains("2 customers created")
        .contains("2 reps created: anna, bram");
  }

  @Test
  @DisplayName("the Dutch file (BOM, semicolons, Dutch headers and words) gives the same events")
  void dutch() {
    // given: 02-03-2026 is 2 March or 3 February; no date in the file tells which
    byte[] file = DUTCH.getBytes(StandardCharsets.UTF_8);
    Import.Result unsaid = Importing.run(team, file, Importing.options(ImportFormat.EVENTS));
    assertThat(unsaid.imported()).isFalse();
    assertThat(unsaid.text())
        .contains("line 2, column Datum: \"02-03-2026 10:00\" can be 2026-02-03 or 2026-03-02")
        .doesNotContain("line 3,"); // 03-03-2026 reads the same either way
    assertThat(team.events()).isZero();

    // when
    Import.Result result =
        Importing.run(team, file, Importing.withLocale(ImportFormat.EVENTS, "nl"));

    // then: day first, and 1.200 is twelve hundred
    assertThat(result.imported()).as(result.text()).isTrue();
    assertThat(team.events()).isEqualTo(6);
    LoggedEvent quote = team.log().event(TestWorkspace.WORKSPACE, 2).orElseThrow();
    assertThat(quote.amount().orElseThrow().cents()).isEqualTo(120_000);
    assertThat(quote.occurredAt().toString()).isEqualTo("2026-03-03T10:00:00Z"); // 11:00 CET
    LoggedEvent sale = team.log().event(TestWorkspace.WORKSPACE, 4).orElseThrow();
    assertThat(sale.amount().orElseThrow().cents()).isEqualTo(125_050);
    assertThat(sale.details().margin().orElseThrow().basisPoints()).isEqualTo(2750);
    assertThat(team.log().event(TestWorkspace.WORKSPACE, 6).orElseThrow().details().reason())
        .hasValue("prijs");
  }

  @Test
  @DisplayName("importing the same file twice adds nothing the second time")
  void twice() {
    // given
    Importing.run(team, ENGLISH, ImportFormat.EVENTS);

    // when
    Import.Result again = Importing.run(team, ENGLISH, ImportFormat.EVENTS);

    // then
    assertThat(again.imported()).isTrue();
    assertThat(again.outcome().orElseThrow().addedCount()).isZero();
    assertThat(again.outcome().orElseThrow().alreadyThere()).isEqualTo(6);
    assertThat(team.events()).isEqualTo(6);
    assertThat(again.text()).contains("No new events.").contains("6 events were imported before");
  }

  @Test
  @DisplayName("every kind of bad row is named with its line and column, and nothing is stored")
  void badRows() {
    // given: line 1 the header; 2 good; 3 an unknown kind; 4 a bad date; 5 a bad amount;
    // 6 a sale without its customer; 7 good
    String csv =
        """
        kind,occurred,customer,rep,amount
        lead,2026-03-02,Acme,anna,
        deal,2026-03-02,Acme,anna,
        sale,2026-02-30,Acme,anna,100
        sale,2026-03-03,Acme,anna,12abc
        sale,2026-03-03,,anna,100
        lead,2026-03-04,Beta,anna,
        """;

    // when
    Import.Result result = Importing.run(team, csv, ImportFormat.EVENTS);

    // then
    assertThat(result.imported()).isFalse();
    assertThat(result.text())
        .startsWith("Nothing was imported from test.csv: 4 problems.")
        .contains("line 3, column kind: \"deal\" is not a kind of event")
        .contains("line 4, column occurred: \"2026-02-30\" is not a date")
        .contains("line 5, column amount: \"12abc\" is not an amount")
        .contains("line 6, column customer: empty, but a sale needs its customer.")
        .doesNotContain("line 2,")
        .doesNotContain("line 7,");
    assertThat(team.events()).isZero();
    assertThat(team.count("customers")).isZero();
  }

  @Test
  @DisplayName("an unknown column is refused on line 1, with the fields the format reads")
  void unknownColumn() {
    // when
    Import.Result result =
        Importing.run(
            team,
            "kind,occurred,customer,rep,amount,colour\nlead,2026-03-02,Acme,anna,,red\n",
            ImportFormat.EVENTS);

    // then
    assertThat(result.imported()).isFalse();
    assertThat(result.text())
        .contains("line 1, column colour: unknown column; the events format reads number, kind,")
        .contains("--map \"colour=ignore\"");
    assertThat(team.events()).isZero();
  }

  @Test
  @DisplayName("--map reads a column under another name, or skips it")
  void mapped() {
    // given
    String csv = "Type,When,Client,Seller,Price,Colour\nsale,2026-03-02,Acme,anna,300,red\n";
    Import.Options options =
        new Import.Options(
            ImportFormat.EVENTS,
            false,
            java.util.Optional.empty(),
            java.util.Optional.empty(),
            Map.of("Client", "customer", "Seller", "rep", "Price", "amount", "Colour", "ignore"),
            java.util.List.of(),
            "");

    // when
    Import.Result result = Importing.run(team, csv.getBytes(StandardCharsets.UTF_8), options);

    // then
    assertThat(result.imported()).as(result.text()).isTrue();
    assertThat(
            team.log()
                .event(TestWorkspace.WORKSPACE, 1)
                .orElseThrow()
                .customer()
                .orElseThrow()
                .name())
        .isEqualTo("Acme");
    assertThat(result.text()).contains("Columns not read: Colour");
  }

  @Test
  @DisplayName("a rule of the sales process refuses a row at its line: all or nothing")
  void opportunityRule() {
    // given: Beta's follow-up has no open opportunity (its lead is after it)
    String csv =
        """
        kind,occurred,customer,rep,amount
        lead,2026-03-02,Acme,anna,
        followup,2026-03-03,Beta,anna,
        churn,2026-03-04,Acme,anna,
        lead,2026-03-05,Beta,anna,
        """;

    // when
    Import.Result result = Importing.run(team, csv, ImportFormat.EVENTS);

    // then: the follow-up names an unknown customer, Acme never bought so cannot churn
    assertThat(result.imported()).isFalse();
    assertThat(result.text())
        .contains("line 3, column customer: Beta is not a customer yet")
        .contains("line 4, column customer: Acme has no sale since their last churn");
    assertThat(team.events()).isZero();
  }

  @Test
  @DisplayName("a dry run says what it would add, and stores nothing")
  void dryRun() {
    // when
    Import.Result result =
        Importing.run(
            team, ENGLISH.getBytes(StandardCharsets.UTF_8), Importing.dryRun(ImportFormat.EVENTS));

    // then
    assertThat(result.imported()).isTrue();
    assertThat(result.text())
        .startsWith("Dry run of test.csv: 6 rows read, nothing was written.")
        .contains("6 events would be added");
    assertThat(team.events()).isZero();
    assertThat(team.count("customers")).isZero();
    assertThat(team.count("reps")).isZero();
  }

  @Test
  @DisplayName("a date that reads two ways is refused with its line, unless --locale decides")
  void ambiguousDates() {
    // given: 03/05/2026 is 5 March or 3 May, and no date in the file tells which
    String csv = "kind,occurred,customer,rep,amount\nlead,03/05/2026,Acme,anna,\n";

    // when
    Import.Result refused = Importing.run(team, csv, ImportFormat.EVENTS);
    Import.Result english =
        Importing.run(
            team,
            csv.getBytes(StandardCharsets.UTF_8),
            Importing.withLocale(ImportFormat.EVENTS, "en"));

    // then
    assertThat(refused.imported()).isFalse();
    assertThat(refused.text())
        .contains("line 2, column occurred: \"03/05/2026\" can be 2026-03-05 or 2026-05-03")
        .contains("--locale en");
    assertThat(english.imported()).as(english.text()).isTrue();
    assertThat(team.log().event(TestWorkspace.WORKSPACE, 1).orElseThrow().occurredAt().toString())
        .isEqualTo("2026-03-05T11:00:00Z"); // noon in Amsterdam, month first
  }

  @Test
  @DisplayName("a file's own dates decide: 25/03/2026 makes every date of the file day first")
  void datesTellTheirOrder() {
    // given
    String csv =
        "kind,occurred,customer,rep,amount\nlead,04/03/2026,Acme,anna,\nlead,25/03/2026,Beta,anna,\n";

    // when
    Import.Result result = Importing.run(team, csv, ImportFormat.EVENTS);

    // then: 4 March, not 3 April
    assertThat(result.imported()).as(result.text()).isTrue();
    assertThat(team.log().event(TestWorkspace.WORKSPACE, 1).orElseThrow().occurredAt().toString())
        .isEqualTo("2026-03-04T11:00:00Z");
  }

  @Test
  @DisplayName(
      "hostile cells (quotes, SQL, emoji, 10 kB, a date ahead) are refused or kept as text")
  void hostile() {
    // given
    String long10k = "x".repeat(10_000);
    String csv =
        "kind,occurred,customer,rep,amount\n"
            + "lead,2026-03-02,\"Robert'); DROP TABLE events;--\",anna,\n"
            + "lead,2026-03-02,\"Café \"\"De Zwaan\"\" 🍺\",anna,\n"
            + "lead,2026-03-02,"
            + long10k
            + ",anna,\n"
            + "lead,2027-01-01,Future,anna,\n"
            + "sale,2026-03-03,Acme,anna,-5\n";

    // when
    Import.Result result = Importing.run(team, csv, ImportFormat.EVENTS);

    // then
    assertThat(result.imported()).isFalse();
    assertThat(result.text())
        .contains("line 4, column customer:")
        .contains("line 5, column occurred:")
        .contains("line 6, column amount:")
        .doesNotContain("line 2,")
        .doesNotContain("line 3,")
        .doesNotContain(long10k);
    assertThat(team.events()).isZero();

    // when the bad rows are gone, the strange names are stored as written
    String good =
        "kind,occurred,customer,rep,amount\n"
            + "lead,2026-03-02,\"Robert'); DROP TABLE events;--\",anna,\n"
            + "lead,2026-03-02,\"Café \"\"De Zwaan\"\" 🍺\",anna,\n";
    assertThat(Importing.run(team, good, ImportFormat.EVENTS).imported()).isTrue();
    assertThat(
            team.log()
                .event(TestWorkspace.WORKSPACE, 2)
                .orElseThrow()
                .customer()
                .orElseThrow()
                .name())
        .isEqualTo("Café \"De Zwaan\" 🍺");
  }

  @Test
  @DisplayName("a file that is not UTF-8 is refused in one line")
  void notUtf8() {
    // given: "Café" in Windows-1252
    byte[] latin1 =
        "kind,occurred,customer,rep,amount\nlead,2026-03-02,Café,anna,\n"
            .getBytes(java.nio.charset.Charset.forName("windows-1252"));

    // when
    Import.Result result = Importing.run(team, latin1, Importing.options(ImportFormat.EVENTS));

    // then
    assertThat(result.imported()).isFalse();
    assertThat(result.text()).contains("test.csv is not UTF-8");
    assertThat(team.events()).isZero();
  }

  @Test
  @DisplayName("more than 50 bad rows: the first 50 listed, the rest counted")
  void manyBadRows() {
    // given
    StringBuilder csv = new StringBuilder("kind,occurred,customer,rep,amount\n");
    for (int i = 0; i < 60; i++) {
      csv.append("sale,2026-03-02,Acme,anna,zero\n");
    }

    // when
    Import.Result result = Importing.run(team, csv.toString(), ImportFormat.EVENTS);

    // then
    assertThat(result.text())
        .contains("60 problems")
        .contains("line 51, column amount")
        .doesNotContain("line 52,")
        .contains("… and 10 more.");
  }
}
