package dev.salesmeter.figure.repeat;

import dev.salesmeter.core.text.Formats;
import dev.salesmeter.figure.Drilldown;
import dev.salesmeter.figure.Figure;
import dev.salesmeter.figure.FigureAnswer;
import dev.salesmeter.figure.FigureQuery;
import dev.salesmeter.figure.SalesShare;
import dev.salesmeter.figure.ShareResult;
import dev.salesmeter.figure.ShareText;
import dev.salesmeter.store.Database;
import java.util.List;

/**
 * Repeat sales: the share of a period's sales to existing customers — those with an earlier live
 * sale at any time, earlier by date and then by logging, so a new customer's second order in the
 * same period is a repeat one ({@code sale_facts.is_repeat}, summed in {@code sales_by_day}).
 */
public final class RepeatFigure implements Figure<ShareResult> {
  private final SalesShare share;

  public RepeatFigure(Database database) {
    this.share = new SalesShare(database.jdbi(), "repeats", "repeat_cents");
  }

  @Override
  public List<String> names() {
    return List.of("repeat", "herhaling", "herhaalverkoop");
  }

  @Override
  public ShareResult compute(FigureQuery query) {
    return share.compute(query);
  }

  @Override
  public Drilldown drill(FigureQuery query) {
    return share.drill(query);
  }

  @Override
  public FigureAnswer render(ShareResult result, Formats formats) {
    return ShareText.answer(result, formats, "figure.repeat", "repeat");
  }
}
