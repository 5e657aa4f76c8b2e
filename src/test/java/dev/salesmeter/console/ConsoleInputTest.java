package dev.salesmeter.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.command.TestWorkspace;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a console line may not carry: a {@code @name} that is no name, and bytes that are not UTF-8.
 * Each is refused with one line in the console's language and nothing runs: text in, reply out, on
 * the real commands and store.
 */
final class ConsoleInputTest {
  private static final String[] BAD_NAMES = {
    "@an\u0000na /sale Acme 300",
    "@an\u0007na /sale Acme 300",
    "@an\u2028na /sale Acme 300",
    "@an\u2029na /sale Acme 300",
    "@an\u202Ena /sale Acme 300",
    "@an\u0085na /sale Acme 300"
  };

  @TempDir Path folder;

  private static Console console(TestWorkspace team, Locale locale) {
    team.log().configure(Console.WORKSPACE, team.log().settings(TestWorkspace.WORKSPACE));
    return new Console(team.commands(), Set.of(), locale, Path.of("charts"));
  }

  private static String reply(Console console, String line) {
    return console.run(line).orElseThrow().text();
  }

  @Test
  @DisplayName("a @name with a control character or line break is refused; nothing runs")
  void controlCharacters() {
    try (TestWorkspace team = TestWorkspace.english(folder)) {
      Console console = console(team, Locale.ENGLISH);
      for (String line : BAD_NAMES) {
        assertThat(reply(console, line))
            .as(line)
            .isEqualTo(
                "The name after @ contains an invisible control character or a line break; type"
                    + " it again. Nothing was run.");
      }
      assertThat(team.events(Console.WORKSPACE)).isZero();
      assertThat(team.count("reps")).isZero();
    }
  }

  @Test
  @DisplayName("@@name is refused with one @ to write, quoted at most 80 characters; nothing runs")
  void doubleAt() {
    try (TestWorkspace team = TestWorkspace.english(folder)) {
      Console console = console(team, Locale.ENGLISH);
      assertThat(reply(console, "@@anna /sale Acme 300"))
          .isEqualTo("Write one @ before the name, not \"@@anna\", such as: @anna /sale Acme 300");
      String eighty = "@" + "a".repeat(79);
      assertThat(reply(console, "@" + eighty + " /sale Acme 300"))
          .contains("not \"@@" + "a".repeat(77) + "…\"");
      assertThat(team.events(Console.WORKSPACE)).isZero();
    }
  }

  @ParameterizedTest(name = "{0} characters")
  @ValueSource(ints = {81, 10_240})
  @DisplayName("a @name over 80 characters is refused, not quoted; nothing runs")
  void tooLong(int length) {
    try (TestWorkspace team = TestWorkspace.english(folder)) {
      Console console = console(team, Locale.ENGLISH);
      assertThat(reply(console, "@" + "é".repeat(length) + " /sale Acme 300"))
          .isEqualTo(
              "The name after @ is "
                  + length
                  + " characters long; at most 80 are allowed. Nothing was run.");
      assertThat(team.events(Console.WORKSPACE)).isZero();
    }
  }

  @Test
  @DisplayName("80 characters and any script are a name")
  void longestName() {
    try (TestWorkspace team = TestWorkspace.english(folder)) {
      Console console = console(team, Locale.ENGLISH);
      assertThat(reply(console, "@" + "ü".repeat(80) + " /lead Acme")).startsWith("Lead #1 logged");
      assertThat(reply(console, "@Zoë /lead Beta")).startsWith("Lead #2 logged: Beta (Zoë)");
      assertThat(team.events(Console.WORKSPACE)).isEqualTo(2);
    }
  }

  @Test
  @DisplayName("the same in Dutch")
  void dutch() {
    try (TestWorkspace team = TestWorkspace.dutch(folder)) {
      Console console = console(team, Locale.forLanguageTag("nl"));
      for (String line : BAD_NAMES) {
        assertThat(reply(console, line.replace("/sale", "/verkoop")))
            .as(line)
            .isEqualTo(
                "De naam na @ bevat een onzichtbaar stuurteken of een regeleinde; typ hem opnieuw."
                    + " Er is niets uitgevoerd.");
      }
      assertThat(reply(console, "@@anna /verkoop Acme 300"))
          .isEqualTo("Zet één @ voor de naam, niet \"@@anna\", zoals: @anna /verkoop Acme 300");
      assertThat(reply(console, "@" + "a".repeat(81) + " /verkoop Acme 300"))
          .isEqualTo(
              "De naam na @ is 81 tekens lang; er mogen er hoogstens 80. Er is niets uitgevoerd.");
      assertThat(team.events(Console.WORKSPACE)).isZero();
    }
  }

  /** A script: its lines as bytes, each followed by {@code \n}. */
  private static byte[] script(byte[]... lines) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (byte[] line : lines) {
      bytes.writeBytes(line);
      bytes.write('\n');
    }
    return bytes.toByteArray();
  }

  private static byte[] utf8(String line) {
    return line.getBytes(StandardCharsets.UTF_8);
  }

  private static String runScript(Console console, byte[] script) {
    StringWriter out = new StringWriter();
    console.runScript(new ByteArrayInputStream(script), new PrintWriter(out));
    return out.toString();
  }

  /** Lines 2 to 6 are not UTF-8: Latin-1, a cut sequence, an overlong NUL, a surrogate, 0xFF. */
  private static final byte[] NOT_UTF8 =
      script(
          utf8("# a script"),
          new byte[] {'/', 'l', 'e', 'a', 'd', ' ', 'C', 'a', 'f', (byte) 0xE9},
          new byte[] {'/', 'l', 'e', 'a', 'd', ' ', 'X', (byte) 0xE2, (byte) 0x82},
          new byte[] {'/', 'l', 'e', 'a', 'd', ' ', 'Y', (byte) 0xC0, (byte) 0x80},
          new byte[] {'/', 'l', 'e', 'a', 'd', ' ', 'Z', (byte) 0xED, (byte) 0xA0, (byte) 0x80},
          new byte[] {'@', (byte) 0xFF, ' ', '/', 'l', 'e', 'a', 'd', ' ', 'W'},
          utf8("/lead Café\r"),
          utf8("/lead \uFFFD is typed"));

  @Test
  @DisplayName("a line that is not UTF-8 is named by its number and not run; the next line runs")
  void notUtf8() {
    try (TestWorkspace team = TestWorkspace.english(folder)) {
      Console console = console(team, Locale.ENGLISH);
      String out = runScript(console, NOT_UTF8);
      assertThat(out)
          .isEqualTo(
              "Line 2 is not valid UTF-8: nothing was run for it.\n\n"
                  + "Line 3 is not valid UTF-8: nothing was run for it.\n\n"
                  + "Line 4 is not valid UTF-8: nothing was run for it.\n\n"
                  + "Line 5 is not valid UTF-8: nothing was run for it.\n\n"
                  + "Line 6 is not valid UTF-8: nothing was run for it.\n\n"
                  + "Lead #1 logged: Café (manager). Undo: /void\n\n"
                  + "Lead #2 logged: \uFFFD is typed (manager). Undo: /void\n\n");
      assertThat(team.events(Console.WORKSPACE)).isEqualTo(2);
    }
  }

  @Test
  @DisplayName("the same in Dutch")
  void notUtf8Dutch() {
    try (TestWorkspace team = TestWorkspace.dutch(folder)) {
      Console console = console(team, Locale.forLanguageTag("nl"));
      String out = runScript(console, NOT_UTF8);
      assertThat(out)
          .startsWith(
              "Regel 2 is geen geldige UTF-8: er is niets voor uitgevoerd.\n\n"
                  + "Regel 3 is geen geldige UTF-8: er is niets voor uitgevoerd.\n\n")
          .contains("Regel 6 is geen geldige UTF-8")
          .contains("Aanvraag #1 vastgelegd: Café (manager)")
          .doesNotContain("Regel 7", "Regel 1 ");
      assertThat(team.events(Console.WORKSPACE)).isEqualTo(2);
    }
  }

  @Test
  @DisplayName("a last line without a line end runs; an empty script prints nothing")
  void lastLine() {
    try (TestWorkspace team = TestWorkspace.english(folder)) {
      Console console = console(team, Locale.ENGLISH);
      assertThat(runScript(console, new byte[0])).isEmpty();
      assertThat(runScript(console, utf8("/lead Acme"))).startsWith("Lead #1 logged: Acme");
    }
  }
}
