package dev.salesmeter.figure.ltv;

import dev.salesmeter.core.Money;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.Figure;
import dev.salesmeter.figure.FigureAnswer;
import dev.salesmeter.figure.FigureQuery;
import dev.salesmeter.figure.FigureText;
import dev.salesmeter.figure.WordedResult;
import dev.salesmeter.figure.churn.ChurnFigure;
import dev.salesmeter.store.Database;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Customer lifetime value (KPIS.md figure 7), over the trailing 12 months up to the end of the
 * period (for a year, that year): annual revenue per customer, times the margin (per sale where
 * logged, else the workspace's default), times the expected lifetime (1 / the window's churn rate,
 * at most 10 years); against the acquisition cost per new customer, with the payback time. Where
 * the lifetime is shorter than the payback, it says so plainly.
 */
public final class LtvFigure implements Figure<WordedResult> {
  private static final BigDecimal MAX_LIFETIME = BigDecimal.TEN;

  /** A window's sales and costs. */
  record Window(long revenue, long profit, long customers, long newCustomers, long costs) {}

  private final Jdbi jdbi;
  private final ChurnFigure churn;

  public LtvFigure(Database database, ChurnFigure churn) {
    this.jdbi = database.jdbi();
    this.churn = churn;
  }

  @Override
  public List<String> names() {
    return List.of("ltv", "klantwaarde", "clv", "lifetime");
  }

  @Override
  public WordedResult compute(FigureQuery query) {
    return WordedResult.of(query, words(query));
  }

  @Override
  public FigureAnswer render(WordedResult result, Formats formats) {
    return result.answer();
  }

  private FigureAnswer words(FigureQuery query) {
    Formats formats = Formats.of(query.settings());
    Messages messages = formats.messages();
    Period period = query.period();
    Period window =
        period.unit() == Period.Unit.YEAR
            ? period
            : Period.days(period.end().minusMonths(12).plusDays(1), period.end());
    String windowWords = formats.period(window);
    String title = FigureText.title(messages, "figure.ltv", query.rep(), windowWords);
    if (query.rep().isPresent()) {
      return new FigureAnswer(title, messages.get("figure.ltv.teamOnly"), List.of());
    }
    Window sales = window(query, window);
    if (sales.customers() == 0) {
      return new FigureAnswer(title, messages.get("figure.noSales", windowWords), List.of());
    }
    ChurnFigure.Rate rate = churn.rate(query, window);
    BigDecimal revenuePerCustomer = divide(sales.revenue(), sales.customers());
    BigDecimal profitPerCustomer = divide(sales.profit(), sales.customers());
    BigDecimal margin = FigureText.percent(sales.profit(), sales.revenue());
    boolean noChurn = rate.churned() == 0 || rate.activeAtStart() == 0;
    BigDecimal lifetime =
        noChurn
            ? MAX_LIFETIME
            : BigDecimal.valueOf(rate.activeAtStart())
                .divide(BigDecimal.valueOf(rate.churned()), 1, RoundingMode.HALF_UP)
                .min(MAX_LIFETIME);
    BigDecimal ltv = profitPerCustomer.multiply(lifetime);
    String lifetimeWords =
        noChurn || lifetime.compareTo(MAX_LIFETIME) >= 0
            ? "≥ " + formats.number(MAX_LIFETIME)
            : formats.number(lifetime);
    List<String> lines = new java.util.ArrayList<>();
    lines.add(
        messages.get(
            "figure.ltv.profit",
            money(formats, revenuePerCustomer),
            sales.customers(),
            formats.percent(margin),
            money(formats, profitPerCustomer)));
    lines.add(
        messages.get(
            "figure.ltv.lifetime",
            formats.percent(FigureText.percent(rate.churned(), rate.activeAtStart())),
            rate.churned(),
            rate.activeAtStart(),
            lifetimeWords,
            money(formats, ltv)));
    Optional<BigDecimal> cacIfAny = Optional.empty();
    if (sales.newCustomers() == 0) {
      lines.add(messages.get("figure.ltv.noNew"));
    } else {
      BigDecimal cac = divide(sales.costs(), sales.newCustomers());
      cacIfAny = Optional.of(cac);
      String payback =
          profitPerCustomer.signum() == 0
              ? "—"
              : formats.oneDecimal(cac.divide(profitPerCustomer, 1, RoundingMode.HALF_UP));
      String ratio =
          cac.signum() == 0 ? "—" : twoDecimals(formats, ltv.divide(cac, 2, RoundingMode.HALF_UP));
      lines.add(
          messages.get(
              "figure.ltv.cac",
              money(formats, cac),
              formats.money(Money.ofCents(sales.costs())),
              sales.newCustomers(),
              payback,
              ratio));
      if (!noChurn
          && profitPerCustomer.signum() > 0
          && lifetime.compareTo(cac.divide(profitPerCustomer, 1, RoundingMode.HALF_UP)) < 0) {
        lines.add(
            messages.get(
                "figure.ltv.loss",
                formats.number(lifetime),
                payback,
                money(formats, cac.subtract(ltv))));
      }
    }
    List<FigureAnswer.Field> fields =
        List.of(
            new FigureAnswer.Field(messages.get("figure.field.ltv"), money(formats, ltv)),
            new FigureAnswer.Field(messages.get("figure.field.lifetime"), lifetimeWords));
    Optional<BigDecimal> cac = cacIfAny;
    return new FigureAnswer(title, String.join("\n", lines), fields)
        .withChart(() -> LtvChart.draw(formats, title, window, profitPerCustomer, lifetime, cac));
  }

  private static String twoDecimals(Formats formats, BigDecimal number) {
    NumberFormat format = NumberFormat.getNumberInstance(formats.locale());
    format.setMinimumFractionDigits(2);
    format.setMaximumFractionDigits(2);
    return format.format(number);
  }

  private static BigDecimal divide(long cents, long by) {
    return BigDecimal.valueOf(cents).divide(BigDecimal.valueOf(by), 2, RoundingMode.HALF_UP);
  }

  private static String money(Formats formats, BigDecimal cents) {
    return formats.money(Money.ofCents(cents.setScale(0, RoundingMode.HALF_UP).longValueExact()));
  }

  private Window window(FigureQuery query, Period window) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    """
                    SELECT COALESCE(SUM(d.revenue_cents), 0) AS revenue,
                           COALESCE((SUM(d.margined_cents) + SUM(d.unmargined_cents) * :margin)
                                    / 10000, 0) AS profit,
                           -- each customer's first sale ever is its only one not a repeat
                           COALESCE(SUM(d.sales - d.repeats), 0) AS new_customers,
                           (SELECT COUNT(*) FROM customers c
                            WHERE c.workspace_id = :ws
                              AND EXISTS (SELECT 1 FROM sale_facts b WHERE b.customer_id = c.id
                                          AND b.occurred_at >= :from AND b.occurred_at < :to))
                             AS customers,
                           (SELECT COALESCE(SUM(amount_cents), 0) FROM acquisition_costs
                            WHERE workspace_id = :ws AND occurred_at >= :from AND occurred_at < :to)
                             AS costs
                    FROM sales_by_day d
                    WHERE d.workspace_id = :ws AND d.day >= :firstDay AND d.day <= :lastDay
                    """)
                .bindMap(query.span(window))
                .bind("margin", query.settings().defaultMargin().basisPoints())
                .map(
                    (rs, ctx) ->
                        new Window(
                            rs.getLong("revenue"),
                            rs.getLong("profit"),
                            rs.getLong("customers"),
                            rs.getLong("new_customers"),
                            rs.getLong("costs")))
                .one());
  }
}
