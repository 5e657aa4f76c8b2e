package dev.salesmeter.figure.ltv;

import dev.salesmeter.core.Money;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.FigureAnswer;
import dev.salesmeter.figure.FigureText;
import dev.salesmeter.figure.ltv.LtvResult.Missing;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lifetime value in words: what a customer brings in and earns, how long they stay, what winning
 * one costs and when that is paid back; where there is too little history, what is missing and from
 * when the figure can be given. Only here are numbers rounded; the text says every number, so there
 * is no block of key numbers.
 */
final class LtvText {
  private LtvText() {}

  static FigureAnswer answer(LtvResult result, Formats formats) {
    Messages messages = formats.messages();
    String title =
        FigureText.title(messages, "figure.ltv", result.rep(), windowWords(result, formats));
    if (result.customers() == 0) {
      return new FigureAnswer(
          title, messages.get("figure.noSales", windowWords(result, formats)), List.of());
    }
    BigDecimal revenue = result.revenuePerCustomer().orElseThrow();
    BigDecimal profit = result.profitPerCustomer().orElseThrow();
    String margin =
        formats.percent(result.marginPercent().orElseThrow().setScale(1, RoundingMode.HALF_UP));
    List<String> lines = new ArrayList<>();
    Optional<Missing> missing = result.missing();
    if (missing.filter(Missing.HISTORY::equals).isPresent()) {
      lines.add(
          messages.get(
              "figure.ltv.profitSoFar",
              datesWithYear(formats, result.covered()),
              average(result, formats, revenue),
              result.customers(),
              margin,
              average(result, formats, profit)));
    } else {
      lines.add(
          messages.get(
              "figure.ltv.profit",
              average(result, formats, revenue),
              result.customers(),
              margin,
              average(result, formats, profit)));
    }
    missing.ifPresentOrElse(
        why -> lines.add(missingLine(result, formats, why)),
        () -> lines.add(lifetimeLine(result, formats)));
    lines.add(costLine(result, formats));
    result
        .loss()
        .ifPresent(
            loss ->
                lines.add(
                    messages.get(
                        "figure.ltv.loss",
                        years(result.lifetime().orElseThrow()),
                        formats.oneDecimal(
                            result.payback().orElseThrow().setScale(1, RoundingMode.HALF_UP)),
                        money(formats, loss))));
    FigureAnswer answer = new FigureAnswer(title, String.join("\n", lines), List.of());
    return result.ltv().isPresent() && profit.signum() > 0
        ? answer.withChart(() -> LtvChart.draw(result, formats, title))
        : answer;
  }

  /** "30 Sep–31 Dec 2024": the dates, with the year even where they share it. */
  private static String datesWithYear(Formats formats, Period span) {
    String dates = formats.dateRange(span);
    return span.start().getYear() == span.end().getYear() && !span.start().equals(span.end())
        ? dates + " " + span.end().getYear()
        : dates;
  }

  /** A year asked for by its name, "2025 (1 Jan–31 Dec)"; 12 months by their dates. */
  private static String windowWords(LtvResult result, Formats formats) {
    return result.window().unit() == Period.Unit.YEAR
        ? formats.period(result.window())
        : formats.dateRange(result.window());
  }

  private static String lifetimeLine(LtvResult result, Formats formats) {
    Messages messages = formats.messages();
    String rate = FigureText.share(formats, result.churn());
    String ltv = money(formats, result.ltv().orElseThrow());
    return result.lifetimeCapped()
        ? messages.get(
            "figure.ltv.lifetimeLong",
            rate,
            result.rate().churned(),
            result.rate().activeAtStart(),
            years(LtvResult.MAX_LIFETIME),
            ltv)
        : messages.get(
            "figure.ltv.lifetime",
            rate,
            result.rate().churned(),
            result.rate().activeAtStart(),
            years(result.lifetime().orElseThrow()),
            ltv);
  }

  private static String missingLine(LtvResult result, Formats formats, Missing why) {
    Messages messages = formats.messages();
    String from = result.availableFrom().map(formats::date).orElse("");
    return switch (why) {
      case HISTORY ->
          messages.get("figure.ltv.tooYoung", formats.date(result.covered().start()), from);
      case ACTIVE_CUSTOMERS ->
          result.availableFrom().isPresent()
              ? messages.get("figure.ltv.noneActive", formats.date(result.window().start()), from)
              : messages.get("figure.ltv.noneActiveYet", formats.date(result.window().start()));
    };
  }

  private static String costLine(LtvResult result, Formats formats) {
    Messages messages = formats.messages();
    if (result.newCustomers() == 0) {
      return messages.get("figure.ltv.noNew");
    }
    if (result.costsCents() == 0) {
      return messages.get("figure.ltv.noCosts", result.newCustomers());
    }
    String cac = average(result, formats, result.cac().orElseThrow());
    String costs = formats.money(Money.ofCents(result.costsCents()));
    Optional<BigDecimal> payback = result.payback();
    Optional<BigDecimal> ratio = result.ltvToCac();
    if (payback.isEmpty()) {
      return messages.get("figure.ltv.cacOnly", cac, costs, result.newCustomers());
    }
    return ratio.isEmpty()
        ? messages.get(
            "figure.ltv.cacPayback",
            cac,
            costs,
            result.newCustomers(),
            formats.oneDecimal(payback.get().setScale(1, RoundingMode.HALF_UP)))
        : messages.get(
            "figure.ltv.cac",
            cac,
            costs,
            result.newCustomers(),
            formats.oneDecimal(payback.get().setScale(1, RoundingMode.HALF_UP)),
            twoDecimals(formats, ratio.get()));
  }

  /** Years rounded to one decimal, as a number a choice can pick "year" or "years" for. */
  static BigDecimal years(BigDecimal years) {
    return years.setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
  }

  private static String twoDecimals(Formats formats, BigDecimal number) {
    NumberFormat format = NumberFormat.getNumberInstance(formats.locale());
    format.setMinimumFractionDigits(2);
    format.setMaximumFractionDigits(2);
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format.format(number);
  }

  /**
   * An average in cents: in whole currency units where every amount it averages was, else to the
   * cent.
   */
  static String average(LtvResult result, Formats formats, BigDecimal cents) {
    return result.wholeUnits()
        ? money(
            formats,
            cents
                .divide(BigDecimal.valueOf(100))
                .setScale(0, RoundingMode.HALF_UP)
                .scaleByPowerOfTen(2))
        : money(formats, cents);
  }

  /** Cents, rounded half up to whole cents only here. */
  static String money(Formats formats, BigDecimal cents) {
    return formats.money(Money.ofCents(cents.setScale(0, RoundingMode.HALF_UP).longValueExact()));
  }
}
