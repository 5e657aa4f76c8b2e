package dev.salesmeter.transfer;

import java.util.Locale;

/** The two shapes of file that {@code import} reads. */
public enum ImportFormat {
  /** One row per event, exactly as {@code export} writes them. */
  EVENTS,
  /** One row per deal, as CRMs and spreadsheets export them. */
  DEALS;

  String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
