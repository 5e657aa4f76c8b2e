package dev.salesmeter.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words. A quoted part ({@code "…"}, or the typographic {@code “…”} that
 * chat apps insert) keeps its spaces and may follow a prefix such as {@code @} or {@code key:}.
 */
final class Tokenizer {
  private Tokenizer() {}

  static List<Token> tokenize(String line) {
    List<Token> tokens = new ArrayList<>();
    StringBuilder raw = new StringBuilder();
    StringBuilder value = new StringBuilder();
    boolean quotedAtStart = false;
    int i = 0;
    while (i < line.length()) {
      int c = line.codePointAt(i);
      int width = Character.charCount(c);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) { // no-break spaces too
        flush(tokens, raw, value, quotedAtStart);
        quotedAtStart = false;
        i += width;
      } else if (isOpeningQuote(c)) {
        int close = closingQuote(line, i + width, c);
        if (close < 0) {
          throw new InvalidInput("error.unclosedQuote");
        }
        if (raw.isEmpty()) {
          quotedAtStart = true;
        }
        raw.append(line, i, close + 1);
        value.append(line, i + width, close);
        i = close + 1;
      } else {
        raw.appendCodePoint(c);
        value.appendCodePoint(c);
        i += width;
      }
    }
    flush(tokens, raw, value, quotedAtStart);
    return tokens;
  }

  private static void flush(
      List<Token> tokens, StringBuilder raw, StringBuilder value, boolean quoted) {
    if (!raw.isEmpty()) {
      tokens.add(new Token(raw.toString(), value.toString(), quoted));
      raw.setLength(0);
      value.setLength(0);
    }
  }

  private static boolean isOpeningQuote(int c) {
    return c == '"' || c == '“' || c == '„' || c == '”';
  }

  /**
   * Where the quote opened at {@code from - 1} closes: a typographic “ closes only at ”, so a name
   * may hold straight quotes inside typographic ones; the others close at " or ”.
   */
  private static int closingQuote(String line, int from, int opening) {
    for (int i = from; i < line.length(); i++) {
      char c = line.charAt(i);
      boolean closes =
          opening == '“' || opening == '„'
              ? c == '”' || c == '“' && opening == '„'
              : c == '"' || c == '”';
      if (closes) {
        return i;
      }
    }
    return -1;
  }
}
