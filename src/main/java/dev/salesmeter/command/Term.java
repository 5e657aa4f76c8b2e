package dev.salesmeter.command;

import java.util.Locale;

/** Things an error message may name, translated when the reply is written. */
public enum Term {
  CUSTOMER,
  LABEL,
  PRODUCT,
  SOURCE,
  REASON,
  REP,
  PERIOD,
  FIGURE,
  /** Free words a command reads itself ({@code /apitoken create NAME}). */
  TEXT;

  /** The message key of this term's word. */
  public String key() {
    return "term." + name().toLowerCase(Locale.ROOT);
  }
}
