package dev.salesmeter.figure;

import dev.salesmeter.core.Money;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.store.Rep;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/** What every figure writes the same way: its title, shares, and changes in points. */
public final class FigureText {
  private FigureText() {}

  /**
   * "Revenue — March 2026 (1–31 Mar)", or for one rep "Revenue of anna — …", from the keys {@code
   * <prefix>.title} and {@code <prefix>.titleRep}.
   */
  public static String title(Messages messages, String prefix, Optional<Rep> rep, String period) {
    return rep.map(r -> messages.get(prefix + ".titleRep", r.displayName(), period))
        .orElse(messages.get(prefix + ".title", period));
  }

  /** A share in percent with one decimal; a share of nothing is 0. */
  public static BigDecimal percent(long part, long whole) {
    return whole == 0
        ? BigDecimal.ZERO
        : BigDecimal.valueOf(part)
            .multiply(BigDecimal.valueOf(100))
            .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
  }

  /** A change of money: "▲ €2,400 (+24%)", "▼ €300 (−5%)", "= €0", "▲ €900 (nothing then)". */
  public static String moneyChange(Formats formats, long nowCents, long beforeCents) {
    return moneyChange(
        formats, BigDecimal.valueOf(nowCents), BigDecimal.valueOf(beforeCents), false);
  }

  /**
   * An exact amount of cents as money: in whole currency units where the amounts it came from had
   * no cents (an average of €500 and €1,000 is "€750", of €0.50 and €1 "€0.75").
   */
  public static String money(Formats formats, BigDecimal cents, boolean wholeUnits) {
    BigDecimal rounded =
        wholeUnits
            ? cents.divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).movePointRight(2)
            : cents.setScale(0, RoundingMode.HALF_UP);
    return formats.money(Money.ofCents(rounded.longValueExact()));
  }

  /**
   * A change of an exact amount of cents, as {@link #moneyChange(Formats, long, long)} writes it,
   * rounded as {@link #money(Formats, BigDecimal, boolean)}.
   */
  public static String moneyChange(
      Formats formats, BigDecimal nowCents, BigDecimal beforeCents, boolean wholeUnits) {
    BigDecimal difference = nowCents.subtract(beforeCents);
    String arrow = difference.signum() > 0 ? "▲" : difference.signum() < 0 ? "▼" : "=";
    String amount = arrow + " " + money(formats, difference.abs(), wholeUnits);
    if (beforeCents.signum() == 0) {
      return difference.signum() == 0
          ? amount
          : amount + " (" + formats.messages().get("figure.nothingBefore") + ")";
    }
    BigDecimal percent =
        difference
            .abs()
            .multiply(BigDecimal.valueOf(100))
            .divide(beforeCents, 1, RoundingMode.HALF_UP);
    return amount + " (" + (difference.signum() >= 0 ? "+" : "−") + formats.percent(percent) + ")";
  }

  /**
   * The first few of a longer list, and how many more: "Acme, Beta, Gamma and 4 more".
   *
   * @param total how many items the whole list holds
   */
  public static String firstOf(Messages messages, List<String> shown, long total) {
    String list = String.join(", ", shown);
    long more = total - shown.size();
    return more > 0 ? list + " " + messages.get("figure.andMore", more) : list;
  }

  /** A change of a number: "▲ 3", "▼ 1.5", "=". */
  public static String change(Formats formats, BigDecimal difference) {
    return switch (difference.signum()) {
      case 1 -> "▲ " + formats.number(difference);
      case -1 -> "▼ " + formats.number(difference.abs());
      default -> "=";
    };
  }

  /** A share in percent, rounded to one decimal only here: "33.3%"; a share of nothing is 0%. */
  public static String share(Formats formats, Share share) {
    return formats.percent(share.percentOrZero().setScale(1, RoundingMode.HALF_UP));
  }

  /**
   * A change of a share against the period before: "+12.5 points", or "nothing then" where the
   * period before had nothing to share.
   */
  public static String pointsChange(Formats formats, Optional<BigDecimal> points) {
    return points
        .map(difference -> points(formats, difference.setScale(1, RoundingMode.HALF_UP)))
        .orElseGet(() -> formats.messages().get("figure.nothingBefore"));
  }

  /** A change of a share: "+12.5 points", "−3 points", "±0 points". */
  public static String points(Formats formats, BigDecimal difference) {
    String sign = difference.signum() > 0 ? "+" : difference.signum() < 0 ? "−" : "±";
    return formats.messages().get("figure.points", sign + formats.number(difference.abs()));
  }
}
