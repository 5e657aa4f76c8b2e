package dev.salesmeter.core;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The key under which a customer's name is matched: case, accents, spacing and the Dutch legal form
 * "B.V." do not make a different customer ("Café de Zwaan B.V." = "cafe de zwaan").
 */
public final class CustomerName {
  /** Longest name we store; longer input is a paste accident. */
  public static final int MAX_LENGTH = 200;

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  /** Invisible format characters (zero-width space, byte-order mark, …) pasted along a name. */
  private static final Pattern INVISIBLE = Pattern.compile("\\p{Cf}+");

  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern LEGAL_FORM = Pattern.compile("[\\s,]*\\bb\\.?\\s?v\\.?$");

  private CustomerName() {}

  /** The matching key of a customer's name as the user typed it. */
  public static String key(String name) {
    String folded = fold(name);
    String withoutLegalForm = LEGAL_FORM.matcher(folded).replaceFirst("").strip();
    return withoutLegalForm.isEmpty() ? folded : withoutLegalForm;
  }

  /** A name without case, accents or extra spaces: how people's names are matched too. */
  public static String fold(String name) {
    String visible = INVISIBLE.matcher(name).replaceAll("");
    String bare = MARKS.matcher(Normalizer.normalize(visible, Normalizer.Form.NFKD)).replaceAll("");
    return SPACES.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }
}
