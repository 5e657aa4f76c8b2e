package dev.salesmeter.figure.crosssell;

import dev.salesmeter.core.text.Formats;
import dev.salesmeter.figure.Figure;
import dev.salesmeter.figure.FigureAnswer;
import dev.salesmeter.figure.FigureQuery;
import dev.salesmeter.figure.SalesShare;
import dev.salesmeter.figure.WordedResult;
import dev.salesmeter.store.Database;
import java.util.List;

/** Cross-selling: the share of a period's sales logged with {@code cross-sell}. */
public final class CrossSellFigure implements Figure<WordedResult> {
  private final SalesShare share;

  public CrossSellFigure(Database database) {
    this.share =
        new SalesShare(database.jdbi(), "cross_sells", "cross_sell_cents", "figure.crosssell");
  }

  @Override
  public List<String> names() {
    return List.of("crosssell", "kruisverkoop", "cross-sell");
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
    return share.answer(query);
  }
}
