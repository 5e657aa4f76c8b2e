package dev.salesmeter.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.core.Money;
import dev.salesmeter.core.Percentage;
import dev.salesmeter.core.RepMention;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The examples table of COMMANDS.md, row by row, and the grammar's other rules. */
final class TextArgumentsTest {
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final Instant NOW =
      LocalDateTime.of(2026, 3, 31, 17, 0).atZone(AMSTERDAM).toInstant();
  private static final CommandRegistry REGISTRY =
      new CommandRegistry(CommandRegistry.loggingCommands(null));

  private static CommandArguments parse(String line, Locale locale) {
    String name = line.substring(1, line.contains(" ") ? line.indexOf(' ') : line.length());
    String text = line.contains(" ") ? line.substring(line.indexOf(' ') + 1) : "";
    CommandSpec spec = REGISTRY.find(name).orElseThrow();
    return new TextArguments(locale, AMSTERDAM, NOW).parse(spec, text);
  }

  private static CommandArguments english(String line) {
    return parse(line, Locale.ENGLISH);
  }

  private static InvalidInput error(String line) {
    try {
      english(line);
    } catch (InvalidInput e) {
      return e;
    }
    throw new AssertionError("no error for " + line);
  }

  @Test
  @DisplayName("a quoted customer name and an amount")
  void quotedName() {
    CommandArguments args = english("/sale \"Bakkerij Jansen\" 4200");
    assertThat(args.text()).contains("Bakkerij Jansen");
    assertThat(args.amount()).contains(Money.ofCents(420_000));
    assertThat(args.flags()).isEmpty();
  }

  @Test
  @DisplayName("an unquoted name, the amount, and a flag at the end")
  void unquotedNameWithFlag() {
    CommandArguments args = english("/sale Bakkerij Jansen 4200 cross-sell");
    assertThat(args.text()).contains("Bakkerij Jansen");
    assertThat(args.amount()).contains(Money.ofCents(420_000));
    assertThat(args.flags()).containsExactly(Flag.CROSS_SELL);
  }

  @Test
  @DisplayName("a number inside a name: the amount is the last number")
  void numberInName() {
    CommandArguments args = english("/sale Studio 54 900");
    assertThat(args.text()).contains("Studio 54");
    assertThat(args.amount()).contains(Money.ofCents(90_000));
  }

  @Test
  @DisplayName("a name that reads as an amount (3M) before the real amount")
  void nameThatReadsAsAmount() {
    CommandArguments args = english("/sale 3M 400");
    assertThat(args.text()).contains("3M");
    assertThat(args.amount()).contains(Money.ofCents(40_000));
  }

  @Test
  @DisplayName("a lead's name is every word")
  void leadName() {
    assertThat(english("/lead New York Pizza").text()).contains("New York Pizza");
  }

  @Test
  @DisplayName("new at the end confirms a new customer")
  void newFlag() {
    CommandArguments args = english("/lead Acme new");
    assertThat(args.text()).contains("Acme");
    assertThat(args.flags()).containsExactly(Flag.NEW);
  }

  @Test
  @DisplayName("a flag word inside quotes is part of the name")
  void quotedFlagWord() {
    CommandArguments args = english("/lead \"Something New\"");
    assertThat(args.text()).contains("Something New");
    assertThat(args.flags()).isEmpty();
  }

  @Test
  @DisplayName("typographic quotes and a Dutch amount in a Dutch workspace")
  void typographicQuotesDutchAmount() {
    CommandArguments args = parse("/sale “Café De Zwaan” 1.250,50", Locale.forLanguageTag("nl"));
    assertThat(args.text()).contains("Café De Zwaan");
    assertThat(args.amount()).contains(Money.ofCents(125_050));
  }

  @Test
  @DisplayName("4,5k, date:yesterday and @bram")
  void suffixDateAndRep() {
    CommandArguments args = english("/sale Acme 4,5k date:yesterday @bram");
    assertThat(args.text()).contains("Acme");
    assertThat(args.amount()).contains(Money.ofCents(450_000));
    // yesterday without a time is noon local: 30 March 2026 12:00 in Amsterdam (CEST, UTC+2)
    assertThat(args.date()).contains(Instant.parse("2026-03-30T10:00:00Z"));
    assertThat(args.rep()).contains(RepMention.byName("bram"));
  }

  @Test
  @DisplayName("a quoted @rep before the customer")
  void quotedRepFirst() {
    CommandArguments args = english("/sale @\"Anna de Vries\" Acme 300");
    assertThat(args.text()).contains("Acme");
    assertThat(args.amount()).contains(Money.ofCents(30_000));
    assertThat(args.rep()).contains(RepMention.byName("Anna de Vries"));
  }

  @Test
  @DisplayName("the Dutch date key with a time")
  void dutchDateKey() {
    CommandArguments args = english("/quote Acme 1200 datum:2026-03-02T14:30");
    assertThat(args.text()).contains("Acme");
    assertThat(args.amount()).contains(Money.ofCents(120_000));
    // 2 March is winter time in Amsterdam (UTC+1): 14:30 local is 13:30 UTC
    assertThat(args.date()).contains(Instant.parse("2026-03-02T13:30:00Z"));
  }

  @Test
  @DisplayName("a margin with a decimal comma")
  void marginWithComma() {
    CommandArguments args = english("/sale Acme 4200 margin:27,5");
    assertThat(args.margin()).contains(Percentage.ofBasisPoints(2750));
    assertThat(args.amount()).contains(Money.ofCents(420_000));
  }

  @Test
  @DisplayName("a sale without an amount is refused")
  void missingAmount() {
    assertThat(error("/sale Acme").key()).isEqualTo("error.amountMissing");
  }

  @Test
  @DisplayName("a word after the amount that is not a flag is refused, naming it")
  void wordAfterAmount() {
    InvalidInput e = error("/sale Acme 4200 extra");
    assertThat(e.key()).isEqualTo("error.unexpectedAfterAmount");
    assertThat(e.args()).containsExactly("extra");
  }

  @Test
  @DisplayName("an unknown option is refused, naming it")
  void unknownOption() {
    InvalidInput e = error("/sale Acme 4200 colour:red");
    assertThat(e.key()).isEqualTo("error.unknownOption");
    assertThat(e.args()[0]).isEqualTo("colour");
  }

  @Test
  @DisplayName("a Slack mention names the rep by id")
  void slackMention() {
    assertThat(english("/sale Acme 300 <@U123|anna>").rep())
        .contains(new RepMention(Optional.of("U123"), "anna"));
    assertThat(english("/sale Acme 300 <@U123>").rep())
        .contains(new RepMention(Optional.of("U123"), "U123"));
  }

  @Test
  @DisplayName("options and the rep may stand anywhere; Dutch keys and flags work")
  void optionsAnywhere() {
    CommandArguments args =
        english("/sale marge:30 @bram Acme producten:\"oven, service\" 4200 kruisverkoop nieuw");
    assertThat(args.text()).contains("Acme");
    assertThat(args.margin()).contains(Percentage.ofBasisPoints(3000));
    assertThat(args.products()).containsExactly("oven", "service");
    assertThat(args.flags()).isEqualTo(Set.of(Flag.CROSS_SELL, Flag.NEW));
  }

  @Test
  @DisplayName("a flag word inside a name stays part of the name")
  void flagWordInsideName() {
    assertThat(english("/lead New Amsterdam Visit Centre").text())
        .contains("New Amsterdam Visit Centre");
  }

  @Test
  @DisplayName("a flag the command does not take is refused at the end of the line")
  void flagNotTaken() {
    assertThat(error("/lead Acme cross-sell").key()).isEqualTo("error.flagNotTaken");
  }

  @Test
  @DisplayName("a currency sign before the amount is not part of the name")
  void currencySign() {
    CommandArguments args = parse("/sale Acme € 4.200", Locale.forLanguageTag("nl"));
    assertThat(args.text()).contains("Acme");
    assertThat(args.amount()).contains(Money.ofCents(420_000));
  }

  @Test
  @DisplayName("a no-break space separates words like a space")
  void noBreakSpace() {
    CommandArguments args = english("/sale Acme\u00a04200");
    assertThat(args.text()).contains("Acme");
    assertThat(args.amount()).contains(Money.ofCents(420_000));
  }

  @Test
  @DisplayName("errors in a Dutch workspace name the Dutch command and option keys")
  void dutchErrors() {
    InvalidInput unknown =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidInput.class,
            () -> parse("/verkoop Acme 4200 kleur:rood", Locale.forLanguageTag("nl")));
    assertThat(unknown.args())
        .extracting(String::valueOf)
        .containsExactly("kleur", "verkoop", "datum:, marge:, producten:");
  }

  @Test
  @DisplayName("a quoted option-looking value is a name")
  void quotedOptionIsName() {
    assertThat(english("/lead \"date:today\"").text()).contains("date:today");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/target 50k Q2 2026|5000000|2026-04-01|2026-06-30",
        "/target Q2 2026 50k|5000000|2026-04-01|2026-06-30",
        "/target 50000 2026|5000000|2026-01-01|2026-12-31",
        "/target 2026 50000|5000000|2026-01-01|2026-12-31",
        "/target 12k next fortnight|-|-|-"
      })
  @DisplayName("a target's amount may come first or last")
  void targetOrder(String line, String cents, String start, String end) {
    if (cents.equals("-")) {
      assertThat(error(line).key()).isEqualTo("error.periodInvalid");
      return;
    }
    CommandArguments args = english(line);
    assertThat(args.amount()).contains(Money.ofCents(Long.parseLong(cents)));
    assertThat(args.period().orElseThrow().start()).hasToString(start);
    assertThat(args.period().orElseThrow().end()).hasToString(end);
  }

  @ParameterizedTest
  @CsvSource({"'',", "123,123", "#7,7"})
  @DisplayName("/void takes nothing, a number or #number")
  void voidNumber(String text, Long expected) {
    CommandArguments args = english(text.isEmpty() ? "/void" : "/void " + text);
    assertThat(args.eventNumber()).isEqualTo(Optional.ofNullable(expected));
  }

  @Test
  @DisplayName("products are split on commas and trimmed")
  void products() {
    assertThat(english("/sale Acme 10 products:oven,service").products())
        .isEqualTo(List.of("oven", "service"));
  }
}
