package dev.salesmeter.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.store.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Words written as numbers that are not amounts ({@code 1e309}, {@code NaN}, {@code ٤٢٠٠}): the
 * reply names the word ("not an amount"), not "the amount is missing", and nothing is stored. Text
 * in, reply out, on the real store.
 */
@ParameterizedClass
@EnumSource(Database.Engine.class)
final class NotAnAmountTest {
  @Parameter Database.Engine engine;

  @TempDir Path folder;

  @ParameterizedTest(name = "/sale Acme {0}")
  @ValueSource(
      strings = {
        "1e309",
        "1e3",
        "1E3",
        "NaN",
        "Infinity",
        "-Infinity",
        "0x10",
        "½",
        "٤٢٠٠",
        "۴۲۰۰",
        "４２００",
        "€٤٢٠٠",
        "4200٫50",
        "54a"
      })
  @DisplayName("a number that is not an amount is named in English, and nothing is stored")
  void english(String word) {
    try (TestWorkspace team = TestWorkspace.english(engine, folder)) {
      // when
      Reply sale = team.run("@anna /sale Acme " + word);
      Reply quote = team.run("@anna /quote Acme " + word + " date:yesterday");
      Reply cost = team.run("/cost ads " + word);
      // then
      assertThat(sale.text())
          .startsWith(
              "Not an amount: \""
                  + word
                  + "\". Write the amount in the digits 0-9, such as 4200 or 4.5k.\nExample:")
          .doesNotContain("missing");
      assertThat(quote.text()).startsWith("Not an amount: \"" + word + "\".");
      assertThat(cost.text()).startsWith("Not an amount: \"" + word + "\".");
      assertThat(sale.ephemeral()).isTrue();
      assertThat(team.events()).isZero();
    }
  }

  @ParameterizedTest(name = "/verkoop Acme {0}")
  @ValueSource(strings = {"1e309", "NaN", "Infinity", "-Infinity", "0x10", "½", "٤٢٠٠", "４２００"})
  @DisplayName("the same in Dutch")
  void dutch(String word) {
    try (TestWorkspace team = TestWorkspace.dutch(engine, folder)) {
      // when
      Reply sale = team.run("@anna /verkoop Acme " + word);
      // then
      assertThat(sale.text())
          .startsWith(
              "Geen bedrag: \""
                  + word
                  + "\". Schrijf het bedrag met de cijfers 0-9, zoals 4200 of 4,5k.\nVoorbeeld:")
          .doesNotContain("ontbreekt");
      assertThat(team.events()).isZero();
    }
  }

  @Test
  @DisplayName("a target whose amount is not one: named, whichever side of the period it stands")
  void target() {
    try (TestWorkspace team = TestWorkspace.english(engine, folder)) {
      assertThat(team.run("/target 1e3 Q2 2026").text()).startsWith("Not an amount: \"1e3\".");
      assertThat(team.run("/target Q2 2026 NaN").text()).startsWith("Not an amount: \"NaN\".");
      assertThat(team.events()).isZero();
    }
  }

  @Test
  @DisplayName("a pasted number is quoted at most 80 characters long")
  void longWord() {
    try (TestWorkspace team = TestWorkspace.english(engine, folder)) {
      String word = "1e" + "9".repeat(500);
      String reply = team.run("@anna /sale Acme " + word).text();
      assertThat(reply)
          .startsWith("Not an amount: \"1e" + "9".repeat(77) + "…\".")
          .doesNotContain("9".repeat(79));
      assertThat(team.events()).isZero();
    }
  }

  @Test
  @DisplayName("names and amounts that are fine stay fine; a missing amount is still missing")
  void unchanged() {
    try (TestWorkspace team = TestWorkspace.english(engine, folder)) {
      assertThat(team.run("/sale Acme").text()).startsWith("The amount is missing.");
      assertThat(team.run("/sale 7-Eleven 300").text())
          .startsWith("Sale #1 logged: €300 — 7-Eleven");
      assertThat(team.run("/sale \"Studio 1e3\" 300").text()).contains("Studio 1e3");
      assertThat(team.run("/sale Acme 4200 extra").text())
          .startsWith("Unexpected \"extra\" after the amount.");
      assertThat(team.events()).isEqualTo(2);
    }
  }
}
