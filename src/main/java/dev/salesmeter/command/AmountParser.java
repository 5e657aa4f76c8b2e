package dev.salesmeter.command;

import dev.salesmeter.core.Money;
import dev.salesmeter.core.text.Messages;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads amounts as KPIS.md lists them: {@code 4200}, {@code 4.200} and {@code 4.200,50} in a Dutch
 * workspace, {@code 4,200.50} in an English one, {@code € 4.200}, {@code 4k}, {@code 4,5k}, {@code
 * 1.2m}. With a k or m suffix either separator is the decimal point. In an English workspace a dot
 * followed by exactly three digits ({@code 4.200}) is refused: it reads as 4200 elsewhere in Europe
 * and as 4.20 here, and a misread by a factor of a thousand is worse than a question.
 */
public final class AmountParser {
  /** What could be meant as an amount; whether it is a valid one is decided by {@link #parse}. */
  private static final Pattern SHAPE =
      Pattern.compile("(?i)[-+−]?(?:€|eur)?[-+−]?\\d[\\d.,]*[km]?(?:€|eur)?");

  private static final Pattern CURRENCY = Pattern.compile("(?i)€|eur");

  /**
   * What is meant as a number but is not one an amount may be written as: {@code 1e309}, {@code
   * 0x10}, {@code ½}, digits of another script ({@code ٤٢٠٠}, full-width {@code ４２００}), and the
   * words a programming language prints for a number that is none ({@code NaN}, {@code Infinity}).
   * A sign or currency may stand before it, as before an amount.
   */
  private static final Pattern NUMBER_ATTEMPT =
      Pattern.compile("(?i)[-+−]?(?:€|eur)?[-+−]?(?:\\p{N}.*|nan|inf|infinity)", Pattern.DOTALL);

  private static final Pattern SUFFIXED = Pattern.compile("(?i)(\\d+(?:[.,]\\d+)?)([km])");
  private static final Pattern DUTCH =
      Pattern.compile("([1-9]\\d{0,2}(?:\\.\\d{3})+|\\d+)(?:,(\\d+))?");
  private static final Pattern ENGLISH =
      Pattern.compile("([1-9]\\d{0,2}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?");

  /** {@code 4.200}: a thousands group to a Dutch eye, three decimals to an English one. */
  private static final Pattern DOT_AND_THREE_DIGITS = Pattern.compile("([1-9]\\d{0,2})\\.(\\d{3})");

  private AmountParser() {}

  /** Whether a word is written like an amount (it may still be refused by {@link #parse}). */
  public static boolean looksLikeAmount(String word) {
    return SHAPE.matcher(word).matches();
  }

  /**
   * Whether a word is written as a number, but not as an amount ({@code 1e3}, {@code NaN}, {@code
   * ٤٢٠٠}): the user meant an amount, so "not an amount" helps where "the amount is missing" would
   * not.
   */
  public static boolean attemptsAmount(String word) {
    return !looksLikeAmount(word) && NUMBER_ATTEMPT.matcher(word).matches();
  }

  /** Whether a word is only a currency sign, as in {@code € 4.200}. */
  public static boolean isCurrencySign(String word) {
    return CURRENCY.matcher(word).matches();
  }

  /**
   * The amount a word stands for, in the number format of the locale.
   *
   * @throws InvalidInput naming the problem: not a number, zero or negative, fractions of a cent,
   *     or over a billion
   */
  public static Money parse(String word, Locale locale) {
    String bare = CURRENCY.matcher(word.strip()).replaceAll("");
    if (bare.startsWith("-") || bare.startsWith("−")) {
      throw new InvalidInput("error.amountNotPositive", word);
    }
    if (bare.startsWith("+")) {
      bare = bare.substring(1);
    }
    return checked(readUnits(bare, word, locale), word);
  }

  /**
   * An amount a platform gave as a number (Discord's number option), with the same checks as a
   * typed one.
   */
  public static Money of(BigDecimal units) {
    return checked(units, units.stripTrailingZeros().toPlainString());
  }

  /** Money, if the units are positive, whole cents and at most a billion; else which rule broke. */
  private static Money checked(BigDecimal units, String word) {
    if (units.signum() <= 0) {
      throw new InvalidInput("error.amountNotPositive", word);
    }
    if (units.stripTrailingZeros().scale() > 2) {
      throw new InvalidInput("error.amountCents", word);
    }
    if (units.compareTo(Money.ofCents(Money.MAX_CENTS).units()) > 0) {
      throw new InvalidInput("error.amountTooLarge", word);
    }
    return Money.ofCents(units.movePointRight(2).longValueExact());
  }

  /**
   * The refusal of {@code 4.200} in an English workspace, with both readings and how to write each;
   * {@code 4.205} has only one (the other is fractions of a cent).
   */
  private static InvalidInput ambiguous(String word, String whole, String digits) {
    String thousands = whole + digits;
    Money asThousands = Money.ofCents(Long.parseLong(thousands) * 100);
    if (digits.charAt(2) != '0') {
      return new InvalidInput("error.amountThousandsOnly", word, asThousands, thousands);
    }
    String decimals = whole + "." + digits.substring(0, 2);
    Money asDecimals = Money.ofCents(Long.parseLong(whole + digits.substring(0, 2)));
    return new InvalidInput(
        "error.amountAmbiguous", word, asThousands, asDecimals, thousands, decimals);
  }

  private static BigDecimal readUnits(String bare, String word, Locale locale) {
    Matcher suffixed = SUFFIXED.matcher(bare);
    if (suffixed.matches()) {
      BigDecimal number = new BigDecimal(suffixed.group(1).replace(',', '.'));
      boolean thousands = suffixed.group(2).equalsIgnoreCase("k");
      return number.movePointRight(thousands ? 3 : 6);
    }
    boolean dutch = Messages.isDutch(locale);
    Matcher dotted = DOT_AND_THREE_DIGITS.matcher(bare);
    if (!dutch && dotted.matches()) {
      throw ambiguous(word, dotted.group(1), dotted.group(2));
    }
    Matcher matcher = (dutch ? DUTCH : ENGLISH).matcher(bare);
    if (!matcher.matches()) {
      throw new InvalidInput(dutch ? "error.amountFormatDutch" : "error.amountFormatEnglish", word);
    }
    String whole = matcher.group(1).replace(dutch ? "." : ",", "");
    String fraction = matcher.group(2);
    return new BigDecimal(fraction == null ? whole : whole + "." + fraction);
  }
}
