package dev.salesmeter.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

final class MessagesTest {
  private static Properties load(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = Messages.class.getResourceAsStream(name)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  private static int arguments(String pattern) {
    return new MessageFormat(pattern).getFormatsByArgumentIndex().length;
  }

  @Test
  @DisplayName("every English text has a Dutch one with the same arguments, and back")
  void sameKeysAndArguments() throws IOException {
    Properties english = load("messages.properties");
    Properties dutch = load("messages_nl.properties");
    assertThat(new TreeMap<>(dutch).keySet()).isEqualTo(new TreeMap<>(english).keySet());
    for (String key : english.stringPropertyNames()) {
      assertThat(arguments(dutch.getProperty(key)))
          .as(key)
          .isEqualTo(arguments(english.getProperty(key)));
    }
  }

  @Test
  @DisplayName("every text is a valid MessageFormat: an apostrophe is written '', no printf left")
  void validFormats() throws IOException {
    for (String bundle : new String[] {"messages.properties", "messages_nl.properties"}) {
      Properties texts = load(bundle);
      for (String key : texts.stringPropertyNames()) {
        String text = texts.getProperty(key);
        assertThatCode(() -> new MessageFormat(text))
            .as(bundle + " " + key)
            .doesNotThrowAnyException();
        // A lone quote would start a quoted run that MessageFormat swallows.
        assertThat(text.replace("''", "").replace("'{'", "").replace("'}'", ""))
            .as(bundle + " " + key + ": " + text)
            .doesNotContain("'");
        assertThat(text).as(bundle + " " + key).doesNotContainPattern("%(\\d+\\$)?[sd]");
      }
    }
  }

  @Test
  @DisplayName("the language follows the locale, never the machine's default")
  void language() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("nl"));
      assertThat(Messages.of(Locale.ENGLISH).get("kind.sale")).isEqualTo("Sale");
      assertThat(Messages.of(Locale.forLanguageTag("nl-BE")).get("kind.sale")).isEqualTo("Verkoop");
      assertThat(Messages.of(Locale.GERMAN).get("kind.sale")).isEqualTo("Sale");
    } finally {
      Locale.setDefault(before);
    }
  }
}
