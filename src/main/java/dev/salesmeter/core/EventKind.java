package dev.salesmeter.core;

import java.util.Locale;

/** The steps of the sales process that can be logged (KPIS.md, "The sales process as events"). */
public enum EventKind {
  LEAD,
  APPOINTMENT,
  QUOTE,
  FOLLOWUP,
  SALE,
  LOST,
  CHURN,
  COST,
  TARGET,
  VOID;

  /** The name stored in the event log. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static EventKind fromCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
