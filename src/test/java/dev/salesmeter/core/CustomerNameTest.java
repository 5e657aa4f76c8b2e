package dev.salesmeter.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class CustomerNameTest {
  @ParameterizedTest(name = "\"{0}\" → \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "Bakkerij Jansen          | bakkerij jansen",
        "  BAKKERIJ   jansen      | bakkerij jansen",
        "Café de Zwaan            | cafe de zwaan",
        "Cafe\u0301 de Zwaan      | cafe de zwaan",
        "Café de Zwaan B.V.       | cafe de zwaan",
        "Café de Zwaan BV         | cafe de zwaan",
        "Café de Zwaan, b.v.      | cafe de zwaan",
        "Café de Zwaan B. V.      | cafe de zwaan",
        "BV Nederland             | bv nederland",
        "Webv                     | webv",
        "B.V.                     | b.v.",
        "3M                       | 3m",
        "🥐 Croissanterie         | 🥐 croissanterie",
      })
  @DisplayName("the matching key ignores case, accents, spacing and a trailing B.V.")
  void key(String name, String key) {
    assertThat(CustomerName.key(name)).isEqualTo(key);
  }
}
