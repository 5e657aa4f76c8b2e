package dev.salesmeter.web;

import dev.salesmeter.core.Money;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.FigureResult;
import dev.salesmeter.figure.FigureText;
import dev.salesmeter.figure.Share;
import dev.salesmeter.figure.ShareResult;
import dev.salesmeter.figure.aov.AovResult;
import dev.salesmeter.figure.churn.ChurnResult;
import dev.salesmeter.figure.conversion.ConversionResult;
import dev.salesmeter.figure.leaderboard.LeaderboardFigure.Ranking;
import dev.salesmeter.figure.leaderboard.LeaderboardResult;
import dev.salesmeter.figure.leaderboard.LeaderboardResult.Place;
import dev.salesmeter.figure.ltv.LtvResult;
import dev.salesmeter.figure.quotes.QuotesResult;
import dev.salesmeter.figure.revenue.RevenueResult;
import dev.salesmeter.web.DashboardView.KeyNumber;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The few numbers of each figure that the dashboard shows large, each with its change against the
 * period before: taken from the figure's typed result and written with the same helpers as its chat
 * answer ({@link FigureText}), so the page and the chat say the same.
 */
final class KeyNumbers {
  private static final int LEADERS = 3;

  private final Formats formats;
  private final Messages messages;

  KeyNumbers(Formats formats) {
    this.formats = formats;
    this.messages = formats.messages();
  }

  List<KeyNumber> of(FigureResult result) {
    if (result instanceof ConversionResult conversion) {
      return conversion(conversion);
    } else if (result instanceof QuotesResult quotes) {
      return quotes(quotes);
    } else if (result instanceof AovResult aov) {
      return aov(aov);
    } else if (result instanceof RevenueResult revenue) {
      return revenue(revenue);
    } else if (result instanceof ChurnResult churn) {
      return churn(churn);
    } else if (result instanceof LtvResult ltv) {
      return ltv(ltv);
    } else if (result instanceof ShareResult share) {
      return share(share);
    } else if (result instanceof LeaderboardResult leaderboard) {
      return leaderboard(leaderboard);
    }
    return List.of();
  }

  private List<KeyNumber> conversion(ConversionResult result) {
    return List.of(
        count("dashboard.number.leads", result.cohort().leads(), result.previous().leads()),
        share(
            "dashboard.number.leadToSale", result.cohort().toSale(), result.toSaleChange(), true));
  }

  private List<KeyNumber> quotes(QuotesResult result) {
    return List.of(
        share("dashboard.number.winRate", result.cohort().winRate(), result.winRateChange(), true),
        count("dashboard.number.quoted", result.cohort().quoted(), result.previous().quoted()),
        new KeyNumber(
            messages.get("dashboard.number.stale"),
            formats.number(BigDecimal.valueOf(result.staleCount())),
            "",
            "none"));
  }

  private List<KeyNumber> aov(AovResult result) {
    boolean whole = result.wholeAmounts();
    String change =
        result.previous().count() == 0
            ? messages.get("figure.nothingBefore")
            : FigureText.moneyChange(
                formats, result.orders().mean(), result.previous().mean(), whole);
    return List.of(
        new KeyNumber(
            messages.get("dashboard.number.meanOrder"),
            result.orders().count() == 0
                ? "–"
                : FigureText.money(formats, result.orders().mean(), whole),
            result.orders().count() == 0 ? "" : change,
            trend(result.meanChange())),
        count("dashboard.number.orders", result.orders().count(), result.previous().count()));
  }

  private List<KeyNumber> revenue(RevenueResult result) {
    long now = result.totals().revenue().cents();
    long before = result.previous().revenue().cents();
    List<KeyNumber> numbers = new ArrayList<>();
    numbers.add(
        new KeyNumber(
            messages.get("dashboard.number.revenue"),
            formats.money(result.totals().revenue()),
            FigureText.moneyChange(formats, now, before),
            trend(Long.compare(now, before))));
    numbers.add(
        count("dashboard.number.sales", result.totals().sales(), result.previous().sales()));
    result
        .attained()
        .ifPresent(
            attained ->
                numbers.add(
                    new KeyNumber(
                        messages.get("dashboard.number.target"),
                        formats.percent(attained.setScale(1, RoundingMode.HALF_UP)),
                        formats.money(result.target().orElseThrow()),
                        "none")));
    return numbers;
  }

  private List<KeyNumber> churn(ChurnResult result) {
    return List.of(
        share("dashboard.number.churnRate", result.rate().share(), result.rateChange(), false),
        new KeyNumber(
            messages.get("dashboard.number.active"),
            formats.number(BigDecimal.valueOf(result.rate().activeAtStart())),
            "",
            "none"),
        new KeyNumber(
            messages.get("dashboard.number.new"),
            formats.number(BigDecimal.valueOf(result.fresh().size())),
            "",
            "none"));
  }

  /** Lifetime value has no period before to compare with: its window is the trailing year. */
  private List<KeyNumber> ltv(LtvResult result) {
    boolean whole = result.wholeUnits();
    return List.of(
        new KeyNumber(
            messages.get("dashboard.number.ltv"),
            result.ltv().map(cents -> FigureText.money(formats, cents, whole)).orElse("–"),
            "",
            "none"),
        new KeyNumber(
            messages.get("dashboard.number.cac"),
            result.cac().map(cents -> FigureText.money(formats, cents, whole)).orElse("–"),
            "",
            "none"),
        new KeyNumber(
            messages.get("dashboard.number.payback"),
            result
                .payback()
                .map(
                    years ->
                        messages.get(
                            "dashboard.number.years",
                            formats.oneDecimal(years.setScale(1, RoundingMode.HALF_UP))))
                .orElse("–"),
            "",
            "none"));
  }

  private List<KeyNumber> share(ShareResult result) {
    return List.of(
        share("dashboard.number.byCount", result.sales().byCount(), result.byCountChange(), true),
        share(
            "dashboard.number.byRevenue",
            result.sales().byRevenue(),
            result.sales().byRevenue().pointsSince(result.previous().byRevenue()),
            true));
  }

  private List<KeyNumber> leaderboard(LeaderboardResult result) {
    return result.places().stream()
        .filter(place -> place.now() > 0)
        .limit(LEADERS)
        .map(place -> leader(result.ranking(), place))
        .toList();
  }

  private KeyNumber leader(Ranking ranking, Place place) {
    long difference = place.now() - place.before();
    String value =
        ranking == Ranking.REVENUE
            ? formats.money(Money.ofCents(place.now()))
            : formats.number(BigDecimal.valueOf(place.now()));
    String change;
    if (place.isNew()) {
      change = messages.get("figure.leaderboard.new");
    } else if (ranking == Ranking.REVENUE) {
      change = FigureText.moneyChange(formats, place.now(), place.before());
    } else {
      change = FigureText.change(formats, BigDecimal.valueOf(difference));
    }
    return new KeyNumber(
        place.rank() + ". " + place.rep(),
        value,
        change,
        place.isNew() ? "good" : trend(Long.signum(difference)));
  }

  private KeyNumber count(String key, long now, long before) {
    return new KeyNumber(
        messages.get(key),
        formats.number(BigDecimal.valueOf(now)),
        FigureText.change(formats, BigDecimal.valueOf(now - before)),
        trend(Long.compare(now, before)));
  }

  /**
   * A share with its change in points; a rising churn rate is bad news, so {@code upIsGood} decides
   * the colour, not the arrow.
   */
  private KeyNumber share(String key, Share share, Optional<BigDecimal> points, boolean upIsGood) {
    String trend = trend(points);
    if (!upIsGood && !trend.equals("flat") && !trend.equals("none")) {
      trend = trend.equals("good") ? "bad" : "good";
    }
    return new KeyNumber(
        messages.get(key),
        share.whole() == 0 ? "–" : FigureText.share(formats, share),
        share.whole() == 0 ? "" : FigureText.pointsChange(formats, points),
        trend);
  }

  private static String trend(Optional<BigDecimal> change) {
    return change.map(c -> trend(c.setScale(1, RoundingMode.HALF_UP).signum())).orElse("none");
  }

  private static String trend(int signum) {
    return signum > 0 ? "good" : signum < 0 ? "bad" : "flat";
  }
}
