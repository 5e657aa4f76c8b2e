package dev.salesmeter.core.text;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The user-facing texts of one language. Texts are {@link MessageFormat} patterns: Dutch may order
 * the arguments differently ({@code {1} ... {0}}), and a plural is a choice inside the text ({@code
 * {0,choice,1#1 lead|1<{0} leads}}), so code never picks between a singular and a plural key.
 */
public final class Messages {
  /** The languages Salesmeter speaks; anything else is answered in English. */
  public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("nl"));

  private static final String BUNDLE = "dev.salesmeter.core.text.messages";
  private static final ResourceBundle.Control NO_FALLBACK_TO_SYSTEM_LOCALE =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final Locale locale;
  private final ResourceBundle bundle;
  private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

  private Messages(Locale locale) {
    this.locale = locale;
    this.bundle = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK_TO_SYSTEM_LOCALE);
  }

  private static final Messages ENGLISH = new Messages(Locale.ENGLISH);
  private static final Messages DUTCH = new Messages(Locale.forLanguageTag("nl"));

  public static Messages of(Locale locale) {
    return isDutch(locale) ? DUTCH : ENGLISH;
  }

  /** The language Salesmeter speaks that the locale asks for, if it speaks it. */
  public static Optional<Locale> supported(Locale locale) {
    return SUPPORTED.stream().filter(l -> l.getLanguage().equals(locale.getLanguage())).findFirst();
  }

  public static boolean isDutch(Locale locale) {
    return "nl".equals(locale.getLanguage());
  }

  public Locale locale() {
    return locale;
  }

  /** The text under {@code key}, with the arguments filled in. */
  public String get(String key, Object... args) {
    MessageFormat format = formats.computeIfAbsent(key, this::parse);
    // A MessageFormat is not thread-safe: each use takes a copy, far cheaper than parsing again.
    return ((MessageFormat) format.clone()).format(args);
  }

  private MessageFormat parse(String key) {
    try {
      return new MessageFormat(bundle.getString(key), locale);
    } catch (MissingResourceException e) {
      throw new IllegalArgumentException("no text for key " + key + " in " + locale, e);
    }
  }

  /** Whether a text exists under {@code key} (optional texts such as per-command notes). */
  public boolean has(String key) {
    return bundle.containsKey(key);
  }
}
