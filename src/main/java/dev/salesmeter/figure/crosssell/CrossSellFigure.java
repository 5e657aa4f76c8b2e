package dev.salesmeter.figure.crosssell;

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

/** Cross-selling: the share of a period's sales logged with {@code cross-sell}. */
public final class CrossSellFigure implements Figure<ShareResult> {
  private final SalesShare share;

  public CrossSellFigure(Database database) {
    this.share = new SalesShare(database.jdbi(), "cross_sells", "cross_sell_cents");
  }

  @Override
  public List<String> names() {
    return List.of("crosssell", "kruisverkoop", "cross-sell");
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
    return ShareText.answer(result, formats, "figure.crosssell", "crosssell");
  }
}
