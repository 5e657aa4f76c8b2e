package dev.salesmeter.figure;

import java.util.List;

/** One figure of KPIS.md, answered for a period, for the team or one rep. */
public interface Figure {
  /** The English name users type ({@code revenue}). */
  String name();

  /** The Dutch name ({@code omzet}). */
  String dutchName();

  /** The name a speaker of the locale types. */
  default String nameIn(java.util.Locale locale) {
    return "nl".equals(locale.getLanguage()) ? dutchName() : name();
  }

  /** Every word that names this figure, in English and Dutch ({@code omzet}, …). */
  List<String> names();

  /** The figure for the query's period and scope, compared with the period before. */
  FigureAnswer answer(FigureQuery query);
}
