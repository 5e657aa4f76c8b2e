package dev.salesmeter.figure;

import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import java.util.List;
import java.util.Locale;

/**
 * One figure of KPIS.md: it computes a typed result for a period, for the team or one rep, compared
 * with the period before; its renderings turn that result into words and a chart.
 *
 * @param <R> the figure's result
 */
public interface Figure<R extends FigureResult> {
  /**
   * Every word that names this figure: the English name users type first ({@code revenue}), the
   * Dutch one second ({@code omzet}), then other words that mean it.
   */
  List<String> names();

  /** The English name users type ({@code revenue}). */
  default String name() {
    return names().get(0);
  }

  /** The Dutch name ({@code omzet}). */
  default String dutchName() {
    return names().get(1);
  }

  /** The name a speaker of the locale types. */
  default String nameIn(Locale locale) {
    return Messages.isDutch(locale) ? dutchName() : name();
  }

  /** The figure's numbers for the query's period and scope, and for the period before. */
  R compute(FigureQuery query);

  /**
   * The events behind the figure's number for the query's period and scope (the dashboard's
   * drill-down), read from the same facts by the same conditions as {@link #compute}, so that the
   * live rows add up to the number. Every figure has one: a number that cannot be opened cannot be
   * checked.
   */
  Drilldown drill(FigureQuery query);

  /** A result in the workspace's words, with its chart where there is something to draw. */
  FigureAnswer render(R result, Formats formats);

  /** The figure computed and put into words, as chat asks for it. */
  default FigureAnswer answer(FigureQuery query) {
    return render(compute(query), Formats.of(query.settings()));
  }
}
