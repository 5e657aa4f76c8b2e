package dev.salesmeter.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.core.EventKind;
import dev.salesmeter.figure.churn.ChurnFigure;
import dev.salesmeter.figure.churn.ChurnResult;
import dev.salesmeter.figure.conversion.ConversionFigure;
import dev.salesmeter.figure.conversion.ConversionResult;
import dev.salesmeter.figure.ltv.LtvFigure;
import dev.salesmeter.figure.ltv.LtvResult;
import dev.salesmeter.figure.quotes.QuotesFigure;
import dev.salesmeter.figure.quotes.QuotesResult;
import dev.salesmeter.figure.revenue.RevenueFigure;
import dev.salesmeter.figure.revenue.RevenueResult;
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

/** The deals format: CRM exports, each deal its own opportunity, figures worked out by hand. */
@ParameterizedClass
@EnumSource(Database.Engine.class)
final class DealsImportTest {
  @Parameter Database.Engine engine;

  @TempDir Path folder;
  TestWorkspace team;

  /**
   * Six deals as HubSpot exports them (extra columns HubSpot writes, not read), "now" being 31
   * March 2026 17:00 in Amsterdam:
   *
   * <pre>
   * 1 Acme Bakery   anna  created 2026-03-02  €1,000  Closed Won    quote 03-05, closed 03-10
   * 2 Beta Bikes    anna  created 2026-03-03  €2,000  Closed Lost   quote 03-06, closed 03-12, price
   * 3 Gamma Garage  bram  created 2026-03-05  €3,000  Contract Sent (a quote, at creation), open
   * 4 Delta Dental  bram  created 2026-03-09  €500    Appointment Scheduled, open (closes in May)
   * 5 Acme Bakery   bram  created 2025-02-01  €4,000  Closed Won    closed 2025-03-20
   * 6 Echo Eyewear  anna  created 2025-01-10  €1,500  Closed Won    closed 2025-03-15
   * </pre>
   */
  static final String HUBSPOT =
      """
      Record ID,Deal Name,Associated Company,Deal owner,Create Date,Amount,Deal Stage,Close Date,Quote date,Closed Lost Reason,Original Source,Pipeline
      1,Acme oven,Acme Bakery,anna,2026-03-02 10:00,1000,Closed Won,2026-03-10 15:00,2026-03-05,,web,Sales
      2,Beta fleet,Beta Bikes,anna,2026-03-03 10:00,2000,Closed Lost,2026-03-12,2026-03-06,price,phone,Sales
      3,Gamma lift,Gamma Garage,bram,2026-03-05 09:00,3000,Contract Sent,2026-04-30,,,web,Sales
      4,Delta chairs,Delta Dental,bram,2026-03-09,500,Appointment Scheduled,2026-05-01,,,,Sales
      5,Acme mixer,Acme Bakery,bram,2025-02-01,4000,Closed Won,2025-03-20,,,referral,Sales
      6,Echo frames,Echo Eyewear,anna,2025-01-10,1500,Closed Won,2025-03-15,,,web,Sales
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
  @DisplayName("a HubSpot export: each deal its lead, its quote where known, its sale or lost")
  void hubspot() {
    // when
    Import.Result result = Importing.run(team, HUBSPOT, ImportFormat.DEALS);

    // then: 6 leads; quotes for deals 1, 2 (quote date) and 3 (stage); sales 1, 5, 6; lost 2
    assertThat(result.imported()).as(result.text()).isTrue();
    assertThat(result.outcome().orElseThrow().added())
        .isEqualTo(
            Map.of(EventKind.LEAD, 6, EventKind.QUOTE, 3, EventKind.SALE, 3, EventKind.LOST, 1));
    assertThat(result.text())
        .contains("5 customers created")
        .contains("Columns not read: Deal Name, Pipeline");
    // deals in order of creation, each deal's events together: Echo (#1 lead, #2 sale) first
    LoggedEvent echoSale = team.log().event(TestWorkspace.WORKSPACE, 2).orElseThrow();
    assertThat(echoSale.kind()).isEqualTo(EventKind.SALE);
    assertThat(echoSale.customer().orElseThrow().name()).isEqualTo("Echo Eyewear");
    // Beta's lost carries its reason, its lead the source
    LoggedEvent betaLead = team.log().event(TestWorkspace.WORKSPACE, 8).orElseThrow();
    LoggedEvent betaLost = team.log().event(TestWorkspace.WORKSPACE, 10).orElseThrow();
    assertThat(betaLead.details().source()).hasValue("phone");
    assertThat(betaLost.details().reason()).hasValue("price");
    assertThat(betaLost.opportunityId()).isEqualTo(betaLead.opportunityId());
  }

  @Test
  @DisplayName("the figures of the HubSpot export, worked out by hand")
  void figures() {
    // given
    Importing.run(team, HUBSPOT, ImportFormat.DEALS);

    // Funnel, March 2026: the leads of deals 1-4 came in; none had an appointment; 1, 2 and 3
    // got a quote; 1 was sold; 3 and 4 are open.
    ConversionResult funnel = team.figure(ConversionFigure.class).compute(team.query("march 2026"));
    assertThat(funnel.cohort()).isEqualTo(new ConversionResult.Cohort(4, 0, 3, 1, 0, 2));

    // Quotes, March 2026: first quotes of deals 1, 2, 3: won 1, lost 1, open 1; value
    // 1,000 + 2,000 + 3,000 = €6,000, won €1,000.
    QuotesResult quotes = team.figure(QuotesFigure.class).compute(team.query("march 2026"));
    assertThat(quotes.cohort()).isEqualTo(new QuotesResult.Cohort(3, 1, 1, 600_000, 100_000));

    // Revenue, March 2026: deal 1's sale, €1,000.
    RevenueResult revenue = team.figure(RevenueFigure.class).compute(team.query("march 2026"));
    assertThat(revenue.totals()).isEqualTo(new RevenueResult.Totals(money(1_000), 1));

    // Churn, March 2026: active on 1 March are Acme (last sale 20 Mar 2025, window runs to 20
    // Mar 2026, renewed by the sale of 10 Mar 2026) and Echo (last sale 15 Mar 2025); Echo's
    // window runs out on 15 Mar 2026: 1 of 2 churned.
    ChurnResult churn = team.figure(ChurnFigure.class).compute(team.query("march 2026"));
    assertThat(churn.rate()).isEqualTo(new ChurnFigure.Rate(2, 1));
    assertThat(churn.churned()).hasSize(1);
    assertThat(churn.fresh()).isEmpty(); // Acme bought before

    // LTV, March 2026: window 1 Apr 2025 - 31 Mar 2026 (the log starts 10 Jan 2025). Its sales:
    // deal 1, €1,000 from 1 customer; profit at the default 25% margin €250 a year. Active at
    // the window's start: Acme and Echo; churned in it: Echo; rate 1/2, lifetime 2 years;
    // LTV = 250 x 2 = €500. No costs, no new customers: no CAC.
    LtvResult ltv = team.figure(LtvFigure.class).compute(team.query("march 2026"));
    assertThat(ltv.revenueCents()).isEqualTo(100_000);
    assertThat(ltv.customers()).isEqualTo(1);
    assertThat(ltv.lifetime().orElseThrow()).isEqualByComparingTo("2");
    assertThat(ltv.ltv().orElseThrow()).isEqualByComparingTo("50000"); // cents
  }

  @Test
  @DisplayName("a Pipedrive export: status won/lost/open, the won or lost time as close date")
  void pipedrive() {
    // given
    String csv =
        """
        Deal - ID,Deal - Organization,Deal - Owner,Deal - Deal created,Deal - Value,Deal - Currency,Deal - Status,Deal - Stage,Deal - Won time,Deal - Lost time,Deal - Lost reason
        11,Acme Bakery,Anna,2026-03-02 10:00:00,1000.50,EUR,won,Negotiations Started,2026-03-10 11:00:00,,
        12,Beta Bikes,Anna,2026-03-03 10:00:00,2000,EUR,lost,Proposal Made,,2026-03-12 11:00:00,price
        13,Gamma Garage,Bram,2026-03-05 10:00:00,3000,EUR,open,Proposal Made,,,
        """;

    // when
    Import.Result result = Importing.run(team, csv, ImportFormat.DEALS);

    // then: Beta's and Gamma's stage says a quote went out, dated at creation
    assertThat(result.imported()).as(result.text()).isTrue();
    assertThat(result.outcome().orElseThrow().added())
        .isEqualTo(
            Map.of(EventKind.LEAD, 3, EventKind.QUOTE, 2, EventKind.SALE, 1, EventKind.LOST, 1));
    assertThat(team.log().event(TestWorkspace.WORKSPACE, 2).orElseThrow().amount())
        .hasValue(dev.salesmeter.core.Money.ofCents(100_050));
    assertThat(result.text()).contains("Columns not read: Deal - Currency");
  }

  @Test
  @DisplayName("a Salesforce report and a Dutch sheet (semicolons, comma decimals, BOM)")
  void salesforceAndDutch() {
    // given
    String salesforce =
        """
        Opportunity ID,Account Name,Opportunity Owner,Created Date,Amount,Stage,Close Date,Lead Source
        006A,Acme Bakery,anna,3/2/2026,"1,000.00",Closed Won,3/20/2026,Web
        006B,Beta Bikes,bram,3/3/2026,"2,000.00",Proposal/Price Quote,4/30/2026,Phone
        """;
    String dutch =
        "\uFEFF"
            + """
            Nummer;Klant;Eigenaar;Aanmaakdatum;Bedrag;Status;Sluitingsdatum;Offertedatum;Reden verloren;Bron
            D1;Café De Zwaan;Anna;02-03-2026;1.250,50;gewonnen;20-03-2026;05-03-2026;;web
            D2;Garage Visser;Bram;13-03-2026;800;verloren;25-03-2026;;te duur;telefoon
            """;

    // when: the US dates say month first (3/20); the Dutch ones day first (13-03)
    Import.Result first = Importing.run(team, salesforce, ImportFormat.DEALS);
    Import.Result second =
        Importing.run(
            team, dutch.getBytes(StandardCharsets.UTF_8), Importing.options(ImportFormat.DEALS));

    // then
    assertThat(first.imported()).as(first.text()).isTrue();
    assertThat(second.imported()).as(second.text()).isTrue();
    // Salesforce: Acme lead, sale; Beta lead, quote (stage Proposal/Price Quote) = 4
    // Dutch: Café lead, quote, sale; Garage lead, lost = 5
    assertThat(team.events()).isEqualTo(9);
    LoggedEvent acmeSale = team.log().event(TestWorkspace.WORKSPACE, 2).orElseThrow();
    assertThat(acmeSale.amount()).hasValue(money(1_000));
    assertThat(acmeSale.occurredAt().toString()).isEqualTo("2026-03-20T11:00:00Z");
    LoggedEvent cafeSale = team.log().event(TestWorkspace.WORKSPACE, 7).orElseThrow();
    assertThat(cafeSale.amount()).hasValue(dev.salesmeter.core.Money.ofCents(125_050));
    assertThat(team.log().event(TestWorkspace.WORKSPACE, 9).orElseThrow().details().reason())
        .hasValue("te duur");
  }

  @Test
  @DisplayName("a won deal without close date or amount, or closed before it was made, is refused")
  void badDeals() {
    // given
    String csv =
        """
        id,customer,owner,created,amount,status,close_date
        1,Acme,anna,2026-03-02,1000,won,
        2,Beta,anna,2026-03-02,,won,2026-03-05
        3,Gamma,anna,2026-03-10,100,lost,2026-03-05
        4,Delta,anna,2026-03-10,100,maybe,2026-03-12
        5,Echo,anna,2026-03-10,100,won,2026-04-12
        """;

    // when
    Import.Result result = Importing.run(team, csv, ImportFormat.DEALS);

    // then
    assertThat(result.imported()).isFalse();
    assertThat(result.text())
        .contains("line 2, column close_date: empty, but a won deal needs its close_date.")
        .contains("line 3, column amount: empty, but a won deal needs its amount.")
        .contains("line 4, column close_date: 2026-03-05 is before the deal was created")
        .contains("line 5, column status: \"maybe\" is not a status")
        .contains("line 6, column close_date: 2026-04-12 is in the future");
    assertThat(team.events()).isZero();
  }

  @Test
  @DisplayName("two deals of one customer that overlap stay two opportunities")
  void overlappingDeals() {
    // given: deal A runs 1-20 March, deal B 5-10 March, both Acme
    String csv =
        """
        id,customer,owner,created,amount,status,close_date,quote_date
        A,Acme,anna,2026-03-01,1000,won,2026-03-20,2026-03-15
        B,Acme,anna,2026-03-05,500,won,2026-03-10,2026-03-06
        """;

    // when
    Import.Result result = Importing.run(team, csv, ImportFormat.DEALS);

    // then: A's lead, quote, sale are #1-3; B's #4-6; each on its own opportunity
    assertThat(result.imported()).as(result.text()).isTrue();
    long a =
        team.log().event(TestWorkspace.WORKSPACE, 1).orElseThrow().opportunityId().orElseThrow();
    long b =
        team.log().event(TestWorkspace.WORKSPACE, 4).orElseThrow().opportunityId().orElseThrow();
    assertThat(a).isNotEqualTo(b);
    for (long number = 1; number <= 3; number++) {
      assertThat(team.log().event(TestWorkspace.WORKSPACE, number).orElseThrow().opportunityId())
          .hasValue(a);
    }
    for (long number = 4; number <= 6; number++) {
      assertThat(team.log().event(TestWorkspace.WORKSPACE, number).orElseThrow().opportunityId())
          .hasValue(b);
    }
  }

  @Test
  @DisplayName("reps match by name whatever the case and accents, or through --rep-map")
  void reps() {
    // given: a rep known as anna (console name); the file says "ANNA" and "Bram Bakker"
    team.run("@anna /lead Zulu");
    String csv =
        """
        customer,owner,created,amount,status,close_date
        Acme,ANNA,2026-03-02,100,won,2026-03-03
        Beta,Bram Bakker,2026-03-02,100,won,2026-03-03
        Gamma,Chloé,2026-03-02,100,won,2026-03-03
        """;
    Import.Options options =
        new Import.Options(
            ImportFormat.DEALS,
            false,
            java.util.Optional.empty(),
            java.util.Optional.empty(),
            Map.of(),
            java.util.List.of("# name=chat id", "Bram Bakker=U024BE7LH"),
            "reps.txt");

    // when
    Import.Result result = Importing.run(team, csv.getBytes(StandardCharsets.UTF_8), options);

    // then: anna is anna; Bram is the Slack user U024BE7LH; Chloé is new, and named
    assertThat(result.imported()).as(result.text()).isTrue();
    assertThat(team.log().event(TestWorkspace.WORKSPACE, 2).orElseThrow().rep().platformUserId())
        .isEqualTo("anna");
    assertThat(team.log().event(TestWorkspace.WORKSPACE, 4).orElseThrow().rep().platformUserId())
        .isEqualTo("U024BE7LH");
    assertThat(result.text()).contains("2 reps created: Bram Bakker, Chloé");
  }

  @Test
  @DisplayName("near-identical customer names created by the import are listed for review")
  void similarNames() {
    // given
    String csv =
        """
        customer,owner,created,amount,status,close_date
        Bakkerij Jansen,anna,2026-03-02,100,won,2026-03-03
        Bakkerij Janssen,anna,2026-03-02,100,won,2026-03-03
        """;

    // when
    Import.Result result = Importing.run(team, csv, ImportFormat.DEALS);

    // then: both stored (no "did you mean" refuses a row), the pair named
    assertThat(result.imported()).isTrue();
    assertThat(team.count("customers")).isEqualTo(2);
    assertThat(result.text())
        .contains(
            "1 pairs of customer names are close, for review: \"Bakkerij Jansen\" ~ \"Bakkerij Janssen\"");
  }

  private static dev.salesmeter.core.Money money(long units) {
    return dev.salesmeter.core.Money.ofCents(units * 100);
  }
}
