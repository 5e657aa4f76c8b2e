package dev.salesmeter.figure;

import java.util.List;
import java.util.Locale;

/** One figure of KPIS.md, answered for a period, for the team or one rep. */
public interface Figure {
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
    return "nl".equals(locale.getLanguage()) ? dutchName() : name();
  }

  /** The figure for the query's period and scope, compared with the period before. */
  FigureAnswer answer(FigureQuery query);
}
