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
   * A change of an exact amount in cents (a mean, a median): "▲ €429 (+42.9%)", the amount rounded
   * as {@link #money(Formats, BigDecimal, boolean)} rounds it and the percentage taken from the
   * exact amounts; "▲ €900 (nothing then)" where there was nothing before.
   */
  public static String moneyChange(
      Formats formats, BigDecimal nowCents, BigDecimal beforeCents, boolean wholeInputs) {
    long difference = roundCents(nowCents.subtract(beforeCents), wholeInputs);
    String arrow = difference > 0 ? "▲" : difference < 0 ? "▼" : "=";
    String amount = arrow + " " + formats.money(Money.ofCents(Math.abs(difference)));
    if (beforeCents.signum() == 0) {
      return difference == 0
          ? amount
          : amount + " (" + formats.messages().get("figure.nothingBefore") + ")";
    }
    if (difference == 0) {
      return amount;
    }
    BigDecimal percent =
        nowCents
            .subtract(beforeCents)
            .abs()
            .multiply(BigDecimal.valueOf(100))
            .divide(beforeCents, 1, RoundingMode.HALF_UP);
    return amount + " (" + (difference > 0 ? "+" : "−") + formats.percent(percent) + ")";
  }

  /**
   * An amount computed from others (a mean, a median, the part of a target due by today), kept
   * exact in cents, shown as precisely as its inputs were: in whole units where none of them had
   * cents ("€1,429" for the mean of €1,000, €2,000 and €1,286), else to the cent.
   *
   * @param wholeInputs whether every amount it was computed from was in whole units (see {@link
   *     #wholeUnits})
   */
  public static String money(Formats formats, BigDecimal cents, boolean wholeInputs) {
    return formats.money(Money.ofCents(roundCents(cents, wholeInputs)));
  }

  /** An exact amount in cents rounded (half up) to whole units, or else to whole cents. */
  public static long roundCents(BigDecimal cents, boolean wholeInputs) {
    return wholeInputs
        ? cents
            .movePointLeft(2)
            .setScale(0, RoundingMode.HALF_UP)
            .movePointRight(2)
            .longValueExact()
        : cents.setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  /** Whether every amount is in whole currency units, without cents. */
  public static boolean wholeUnits(Money... amounts) {
    for (Money amount : amounts) {
      if (amount.cents() % 100 != 0) {
        return false;
      }
    }
    return true;
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
