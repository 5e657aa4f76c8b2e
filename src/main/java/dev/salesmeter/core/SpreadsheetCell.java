package dev.salesmeter.core;

/**
 * A text cell of a CSV file that people open in a spreadsheet. A cell that begins with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return would be run as a formula (OWASP's
 * "CSV injection"): it is written with a leading apostrophe, which spreadsheets show as text, and
 * read back without it.
 */
public final class SpreadsheetCell {
  private SpreadsheetCell() {}

  /** The text as written to a CSV file. */
  public static String protect(String text) {
    return needsApostrophe(text) ? "'" + text : text;
  }

  /** The text as it was before {@link #protect}; any other text unchanged. */
  public static String unprotect(String cell) {
    return cell.startsWith("'") && needsApostrophe(cell.substring(1)) ? cell.substring(1) : cell;
  }

  /**
   * A formula's first character, or apostrophes before one: {@code '=x} is written {@code ''=x}, so
   * that reading back removes exactly the one apostrophe that writing added.
   */
  private static boolean needsApostrophe(String text) {
    int at = 0;
    while (at < text.length() && text.charAt(at) == '\'') {
      at++;
    }
    if (at == text.length()) {
      return false;
    }
    char first = text.charAt(at);
    return first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r';
  }
}
