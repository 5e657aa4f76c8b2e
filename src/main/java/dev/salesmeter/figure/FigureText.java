package dev.salesmeter.figure;

import dev.salesmeter.core.Money;
import dev.salesmeter.core.Period;
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
    long difference = nowCents - beforeCents;
    String arrow = difference > 0 ? "▲" : difference < 0 ? "▼" : "=";
    String amount = arrow + " " + formats.money(Money.ofCents(Math.abs(difference)));
    if (beforeCents == 0) {
      return difference == 0
          ? amount
          : amount + " (" + formats.messages().get("figure.nothingBefore") + ")";
    }
    BigDecimal percent = percent(Math.abs(difference), beforeCents);
    return amount + " (" + (difference >= 0 ? "+" : "−") + formats.percent(percent) + ")";
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

  /**
   * A period's name in a comparison with another, such as a chart's series: its short name
   * (formats.periodShort), or its full name where both short names read the same (the year to date
   * of two years: "1 Jan–31 Mar"), so that the two are never named alike.
   */
  public static String periodApart(Formats formats, Period period, Period other) {
    String name = formats.periodShort(period);
    return name.equals(formats.periodShort(other)) ? formats.period(period) : name;
  }
}
