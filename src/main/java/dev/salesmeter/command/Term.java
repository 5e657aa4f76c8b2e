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
  FIGURE;

  /** The message key of this term's word. */
  public String key() {
    return "term." + name().toLowerCase(Locale.ROOT);
  }
}
