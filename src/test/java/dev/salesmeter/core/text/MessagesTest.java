package dev.salesmeter.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

final class MessagesTest {
  private static final Pattern PLACEHOLDER = Pattern.compile("%(\\d+\\$)?[sd]");

  private static Properties load(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = Messages.class.getResourceAsStream(name)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  private static int arguments(String pattern) {
    Matcher m = PLACEHOLDER.matcher(pattern);
    int highest = 0;
    int sequential = 0;
    while (m.find()) {
      highest =
          m.group(1) == null
              ? Math.max(highest, ++sequential)
              : Math.max(highest, Integer.parseInt(m.group(1).replace("$", "")));
    }
    return highest;
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
  @DisplayName("every text is a valid format: a percent sign is written %%")
  void validFormats() throws IOException {
    for (String bundle : new String[] {"messages.properties", "messages_nl.properties"}) {
      Properties texts = load(bundle);
      for (String key : texts.stringPropertyNames()) {
        String text = texts.getProperty(key);
        assertThat(text.replaceAll("%(\\d+\\$)?[sd]|%%|%n", ""))
            .as(bundle + " " + key + ": " + text)
            .doesNotContain("%");
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
