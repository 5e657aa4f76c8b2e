package dev.salesmeter.command;

import dev.salesmeter.core.CustomerName;
import dev.salesmeter.core.FollowUpKind;
import dev.salesmeter.core.Percentage;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks on free text every adapter applies the same way: names and labels are stored exactly as
 * typed (quotes, emoji, any script), but never empty, never over 200 characters, and never with
 * control, line-separator or text-direction characters, which would corrupt how a reply is shown.
 */
public final class TextValues {
  private static final Pattern FORBIDDEN =
      Pattern.compile("[\\p{Cc}\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]");
  private static final Pattern MARGIN = Pattern.compile("(\\d{1,3})(?:[.,](\\d{1,2}))?%?");
  private static final int MAX_PRODUCTS = 20;

  private TextValues() {}

  /** A customer's name, label or option value, checked and stripped of outer spaces. */
  public static String name(String value, Term what) {
    String stripped = value.strip();
    if (stripped.isEmpty()) {
      throw new InvalidInput("error.empty", what);
    }
    int length = stripped.codePointCount(0, stripped.length());
    if (length > CustomerName.MAX_LENGTH) {
      throw new InvalidInput("error.tooLong", what, length, CustomerName.MAX_LENGTH);
    }
    if (FORBIDDEN.matcher(stripped).find()) {
      throw new InvalidInput("error.controlCharacter", what);
    }
    return stripped;
  }

  /** A margin of 0 to 100 percent with at most two decimals, either separator: {@code 27,5}. */
  public static Percentage margin(String value) {
    var matcher = MARGIN.matcher(value.strip());
    if (!matcher.matches()) {
      throw new InvalidInput("error.marginInvalid", value);
    }
    String fraction = matcher.group(2) == null ? "" : "." + matcher.group(2);
    BigDecimal percent = new BigDecimal(matcher.group(1) + fraction);
    if (percent.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new InvalidInput("error.marginInvalid", value);
    }
    return Percentage.ofBasisPoints(percent.movePointRight(2).intValueExact());
  }

  /** {@code yes}/{@code ja} or {@code no}/{@code nee}, as {@code cross-sell:} takes it. */
  public static boolean yesOrNo(String value, String key) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "yes", "ja" -> true;
      case "no", "nee" -> false;
      default -> throw new InvalidInput("error.yesOrNo", value, key);
    };
  }

  /** {@code call}/{@code bel} or {@code visit}/{@code bezoek}, as {@code kind:} takes it. */
  public static FollowUpKind followUpKind(String value, String key) {
    return switch (Flag.fromWord(value.strip()).orElse(Flag.NEW)) {
      case CALL -> FollowUpKind.CALL;
      case VISIT -> FollowUpKind.VISIT;
      default -> throw new InvalidInput("error.callOrVisitValue", value, key);
    };
  }

  /** Comma-separated product names: {@code oven,service}. */
  public static List<String> products(String value) {
    List<String> products =
        Arrays.stream(value.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    if (products.isEmpty() || products.size() > MAX_PRODUCTS) {
      throw new InvalidInput("error.productsInvalid", value, MAX_PRODUCTS);
    }
    return products.stream().map(product -> name(product, Term.PRODUCT)).toList();
  }
}
