package dev.salesmeter.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.salesmeter.core.Money;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The amounts table of KPIS.md, in both number formats. */
final class AmountParserTest {
  private static final Locale DUTCH = Locale.forLanguageTag("nl");

  @ParameterizedTest(name = "{0}: nl {1} cents, en {2} cents")
  @CsvSource(
      delimiter = '|',
      value = {
        // typed     | Dutch workspace | English workspace (cents; - refused, ? ambiguous)
        "4200        | 420000          | 420000",
        "4.200       | 420000          | ?",
        "4.20        | -               | 420",
        "4.2         | -               | 420",
        "42.500      | 4250000         | ?",
        "999.990     | 99999000        | ?",
        "4.200.000   | 420000000       | -",
        "4.200,50    | 420050          | -",
        "4,200.50    | -               | 420050",
        "€4.200      | 420000          | ?",
        "4200€       | 420000          | 420000",
        "EUR4200     | 420000          | 420000",
        "4k          | 400000          | 400000",
        "4,5k        | 450000          | 450000",
        "4.5k        | 450000          | 450000",
        "4K          | 400000          | 400000",
        "1.2m        | 120000000       | 120000000",
        "1,2m        | 120000000       | 120000000",
        "1.250,50    | 125050          | -",
        "0,5         | 50              | -",
        "0.5         | -               | 50",
        "1.000.000   | 100000000       | -",
        "1,000,000   | -               | 100000000",
        "1000000000  | 100000000000    | 100000000000",
        "+300        | 30000           | 30000",
        "4.2555k     | 425550          | 425550",
        // a leading zero is not a thousands group
        "0.500       | -               | 50",
      })
  @DisplayName("an amount reads per the workspace's locale")
  void reads(String typed, String dutchCents, String englishCents) {
    check(typed, DUTCH, dutchCents);
    check(typed, Locale.ENGLISH, englishCents);
  }

  private static void check(String typed, Locale locale, String cents) {
    if (cents.equals("?")) {
      assertThatThrownBy(() -> AmountParser.parse(typed, locale))
          .isInstanceOf(InvalidInput.class)
          .extracting(e -> ((InvalidInput) e).key())
          .isEqualTo("error.amountAmbiguous");
    } else if (cents.equals("-")) {
      assertThatThrownBy(() -> AmountParser.parse(typed, locale))
          .isInstanceOf(InvalidInput.class)
          .extracting(e -> ((InvalidInput) e).key())
          .asString()
          .startsWith("error.amountFormat");
    } else {
      assertThat(AmountParser.parse(typed, locale)).isEqualTo(Money.ofCents(Long.parseLong(cents)));
    }
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "0, error.amountNotPositive",
    "0k, error.amountNotPositive",
    "-50, error.amountNotPositive",
    "−50, error.amountNotPositive",
    "-€50, error.amountNotPositive",
    "1000000000.01, error.amountTooLarge",
    "1000000001, error.amountTooLarge",
    "2000m, error.amountTooLarge",
    "4.205, error.amountThousandsOnly",
    "4.205555k, error.amountCents",
    "4.2051, error.amountCents",
    "4.255555k, error.amountCents",
    "4.20.5, error.amountFormatEnglish",
    "'4,20', error.amountFormatEnglish",
    "'1,2,3', error.amountFormatEnglish",
    "'0,001', error.amountFormatEnglish",
  })
  @DisplayName("zero, negative, absurd and malformed amounts are refused with the reason")
  void refuses(String typed, String key) {
    assertThatThrownBy(() -> AmountParser.parse(typed, Locale.ENGLISH))
        .isInstanceOf(InvalidInput.class)
        .extracting(e -> ((InvalidInput) e).key())
        .isEqualTo(key);
  }

  @Test
  @DisplayName("4.200 in an English workspace is refused with both readings, as money")
  void ambiguousReadings() {
    // given an English workspace, where 4.200 could be 4200 (as in Dutch) or 4.20
    // when
    InvalidInput refused = assertThrows(InvalidInput.class, () -> parse("€4.200"));
    InvalidInput onlyThousands = assertThrows(InvalidInput.class, () -> parse("4.205"));
    // then
    assertThat(refused.args())
        .containsExactly("€4.200", Money.ofCents(420_000), Money.ofCents(420), "4200", "4.20");
    assertThat(onlyThousands.args()).containsExactly("4.205", Money.ofCents(420_500), "4205");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "'4,200.50', 420050",
    "4.20, 420",
    "0.500, 50",
    "4.200k, 420000",
    "1.250m, 125000000"
  })
  @DisplayName("around 4.200, English amounts that are clear are read")
  void clearEnglish(String typed, long cents) {
    assertThat(parse(typed)).isEqualTo(Money.ofCents(cents));
  }

  private static Money parse(String typed) {
    return AmountParser.parse(typed, Locale.ENGLISH);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "4200, true",
    "3M, true",
    "€4.200, true",
    "-50, true",
    "abc, false",
    "1e9, false",
    "NaN, false",
    "54a, false",
    "٣٠٠, false",
    "€, false",
    "'', false"
  })
  @DisplayName("what reads as an amount at all (to find the amount among the words)")
  void shape(String word, boolean looksLikeAmount) {
    assertThat(AmountParser.looksLikeAmount(word)).isEqualTo(looksLikeAmount);
  }
}
