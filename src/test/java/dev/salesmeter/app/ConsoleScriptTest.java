package dev.salesmeter.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.store.Database;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console as a user scripts it: a separate JVM running {@code salesmeter console} with commands
 * on standard input, exactly as the README shows.
 */
final class ConsoleScriptTest {
  @TempDir Path folder;

  private record Run(int exit, String out, String err) {}

  private Run run(String input, String... args) throws IOException, InterruptedException {
    return run(input.getBytes(StandardCharsets.UTF_8), args);
  }

  private Run run(byte[] input, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .directory(folder.toFile())
            .redirectError(folder.resolve("stderr.txt").toFile())
            .start();
    try {
      try (OutputStream in = process.getOutputStream()) {
        in.write(input);
      }
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      return new Run(process.exitValue(), out, Files.readString(folder.resolve("stderr.txt")));
    } finally {
      process.destroyForcibly(); // a run that failed an assertion leaves no process behind
    }
  }

  @Test
  @DisplayName("reads commands from standard input, prints each reply and a blank line, exits 0")
  void script() throws Exception {
    Run run =
        run(
            """
            /sale "Bakkerij Jansen" 4.200,50
            # a comment, and a blank line, are skipped

            @anna /lead Acme source:web
            @anna /sale Acme 900 @bram
            /verkoop Acme 1.000 @bram
            """,
            "console",
            "--db",
            "team.db",
            "--now",
            "2026-03-31T17:00",
            "--locale",
            "nl",
            "--timezone",
            "Europe/Amsterdam");
    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "Verkoop #1 vastgelegd: € 4.200,50 — Bakkerij Jansen (manager), directe verkoop (geen"
                + " open kans). Ongedaan maken: /herstel\n\n"
                + "Aanvraag #2 vastgelegd: Acme (anna), bron: web. Ongedaan maken: /herstel\n\n"
                + "Alleen managers kunnen voor een ander vastleggen. Laat de @naam weg om je eigen"
                + " werk vast te leggen.\nVoorbeeld: /verkoop \"Bakkerij Jansen\" 4.200"
                + " kruisverkoop\n\n"
                + "Verkoop #3 vastgelegd: € 1.000 — Acme (bram), kans gewonnen. Ongedaan maken:"
                + " /herstel\n\n");
    assertThat(run.err()).contains("team.db").doesNotContain("Exception");
    assertThat(folder.resolve("team.db")).exists();
  }

  @Test
  @DisplayName("options may stand before the console subcommand as well as after it")
  void optionsBeforeSubcommand() throws Exception {
    Run run =
        run(
            "/verkoop Acme 1.000\n",
            "--db",
            "before.db",
            "--locale",
            "nl",
            "--now",
            "2026-03-31T17:00",
            "console");
    assertThat(run.out()).startsWith("Verkoop #1 vastgelegd: € 1.000 — Acme (manager)");
    assertThat(folder.resolve("before.db")).exists();
  }

  @Test
  @DisplayName("a byte-order mark, an empty @name and @manager are handled as a user expects")
  void oddLines() throws Exception {
    Run run =
        run(
            "\uFEFF/sale Acme 100\n@ /lead Foo\n@manager /target 50k Q2 2026\n",
            "--db",
            "odd.db",
            "--now",
            "2026-03-31T17:00");
    assertThat(run.out())
        .isEqualTo(
            "Sale #1 logged: €100 — Acme (manager), direct sale (no open opportunity). Undo:"
                + " /void\n\n"
                + "Write a name after @ and then the command, such as: @anna /sale Acme 300\n\n"
                + "Target #2 logged: €50,000 revenue, Q2 2026 (1 Apr–30 Jun) — team. Undo: /void\n\n");
  }

  @Test
  @DisplayName("a configured manager may act as one; the database from the config file is used")
  void configuredManager() throws Exception {
    Files.writeString(
        folder.resolve("config.yaml"),
        "workspace:\n  managers: [lisa]\ndatabase:\n  path: data/sales.db\n");
    Run run =
        run("@lisa /target 50k Q2 2026\n@anna /target 50k Q2 2026\n", "--now", "2026-03-31T17:00");
    assertThat(run.out())
        .isEqualTo(
            "Target #1 logged: €50,000 revenue, Q2 2026 (1 Apr–30 Jun) — team. Undo: /void\n\n"
                + "Only managers can use /target.\n\n");
    assertThat(folder.resolve("data/sales.db")).exists();
  }

  @Test
  @DisplayName("a wrong config key stops the start with a message naming it, no stack trace")
  void wrongConfig() throws Exception {
    Files.writeString(folder.resolve("config.yaml"), "workspace:\n  timezone: Europe/Amsterdam\n");
    Run run = run("", "console");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains("unknown config key workspace.timezone")
        .doesNotContain("Exception", "\tat ");
    Files.delete(folder.resolve("config.yaml"));
    Run badNow = run("", "console", "--now", "yesterday", "--db", "x.db");
    assertThat(badNow.exit()).isEqualTo(2);
    assertThat(badNow.err()).contains("--now \"yesterday\" is not a date-time");
    Files.createDirectories(folder.resolve("a-folder"));
    Run badDatabase = run("", "console", "--db", "a-folder");
    assertThat(badDatabase.exit()).isEqualTo(2);
    assertThat(badDatabase.err())
        .isEqualTo(
            "salesmeter: the database a-folder is a folder, not a file — set database.path (or"
                + " --db) to a file, e.g. a-folder/salesmeter.db\n")
        .doesNotContain("\tat ");
  }

  @Test
  @DisplayName("--demo fills a fresh workspace with every kind of event, once")
  void demo() throws Exception {
    Run first = run("/void 1\n", "--db", "demo.db", "--now", "2026-03-31T17:00", "--demo");
    assertThat(first.exit()).isZero();
    assertThat(first.err()).containsPattern("Demo: \\d{4} events over 18 months, 8 reps\\.");
    assertThat(first.err()).doesNotContain("Refused");
    Run second = run("", "--db", "demo.db", "--now", "2026-03-31T17:00", "--demo");
    assertThat(second.err()).contains("already holds");
  }

  @Test
  @DisplayName("discord-invite prints the invite link; a wrong application id exits 2")
  void discordInvite() throws Exception {
    Run invite = run("", "discord-invite", "--application-id", "1234567890123456789");
    assertThat(invite.exit()).isZero();
    assertThat(invite.out().strip())
        .isEqualTo(
            "https://discord.com/oauth2/authorize?client_id=1234567890123456789"
                + "&scope=bot+applications.commands&permissions=52224");
    Run wrong = run("", "discord-invite", "--application-id", "salesmeter");
    assertThat(wrong.exit()).isEqualTo(2);
    assertThat(wrong.err()).contains("--application-id").contains("number");
  }

  @Test
  @DisplayName(
      "a charts folder that cannot be made: each reply's text, one line saying why, exit 0")
  void chartsNotWritable() throws Exception {
    // given a --charts folder whose parent is a file (tests run as root: only that stops writes)
    Path file = Files.writeString(folder.resolve("a-file"), "not a folder");
    Path charts = file.resolve("charts");
    // when
    Run run =
        run(
            "/sale Acme 300\n/kpi revenue\n/sale Beta 200\n",
            "console",
            "--db",
            "charts.db",
            "--now",
            "2026-03-31T17:00",
            "--charts",
            charts.toString());
    // then
    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .startsWith("Sale #1 logged: €300 — Acme (manager)")
        .contains("Revenue", "\n  Chart not saved: " + charts + " is not writable.\n\n")
        .endsWith(
            "Sale #2 logged: €200 — Beta (manager), direct sale (no open opportunity). Undo:"
                + " /void\n\n");
    assertThat(run.err()).doesNotContain("\tat ", "Exception in thread");
  }

  @Test
  @DisplayName("the same in Dutch")
  void chartsNotWritableDutch() throws Exception {
    // given
    Path file = Files.writeString(folder.resolve("a-file"), "not a folder");
    Path charts = file.resolve("charts");
    // when
    Run run =
        run(
            "/verkoop Acme 300\n/cijfers omzet\n/verkoop Beta 200\n",
            "console",
            "--db",
            "grafiek.db",
            "--locale",
            "nl",
            "--now",
            "2026-03-31T17:00",
            "--charts",
            charts.toString());
    // then
    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains("\n  Grafiek niet opgeslagen: in " + charts + " kan niet worden geschreven.\n\n")
        .contains("Verkoop #2 vastgelegd: € 200 — Beta (manager)");
  }

  /** The events stored in the console's workspace of a database file. */
  private long events(String file) {
    try (Database database = Database.open(folder.resolve(file))) {
      return database
          .jdbi()
          .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM events").mapTo(Long.class).one());
    }
  }

  /**
   * Bad input on standard input: a line that is not UTF-8 (Latin-1 "é", a cut sequence), a
   * {@code @name} with NUL, a line separator or a second {@code @}, and one over 80 characters.
   */
  private static byte[] badInput(String sale) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    bytes.writeBytes(("/lead Caf").getBytes(StandardCharsets.US_ASCII));
    bytes.write(0xE9);
    bytes.write('\n');
    bytes.writeBytes(("@anna " + sale + " X").getBytes(StandardCharsets.US_ASCII));
    bytes.write(0xE2);
    bytes.write(0x82);
    bytes.write('\n');
    bytes.writeBytes(
        ("@an\u0000na "
                + sale
                + " Acme 300\n@an\u2028na "
                + sale
                + " Acme 300\n@@anna "
                + sale
                + " Acme 300\n@"
                + "a".repeat(81)
                + " "
                + sale
                + " Acme 300\n@anna "
                + sale
                + " Café 300\n")
            .getBytes(StandardCharsets.UTF_8));
    return bytes.toByteArray();
  }

  @Test
  @DisplayName(
      "input that is not UTF-8 and @names that are no names: one line each, the script goes on")
  void badInput() throws Exception {
    // when
    Run run = run(badInput("/sale"), "console", "--db", "bad.db", "--now", "2026-03-31T17:00");
    // then
    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "Line 1 is not valid UTF-8: nothing was run for it.\n\n"
                + "Line 2 is not valid UTF-8: nothing was run for it.\n\n"
                + "The name after @ contains an invisible control character or a line break; type"
                + " it again. Nothing was run.\n\n"
                + "The name after @ contains an invisible control character or a line break; type"
                + " it again. Nothing was run.\n\n"
                + "Write one @ before the name, not \"@@anna\", such as: @anna /sale Acme 300\n\n"
                + "The name after @ is 81 characters long; at most 80 are allowed. Nothing was"
                + " run.\n\n"
                + "Sale #1 logged: €300 — Café (anna), direct sale (no open opportunity). Undo:"
                + " /void\n\n");
    assertThat(run.err()).doesNotContain("\tat ", "Exception");
    assertThat(events("bad.db")).isEqualTo(1);
  }

  @Test
  @DisplayName("the same in Dutch")
  void badInputDutch() throws Exception {
    // when
    Run run =
        run(
            badInput("/verkoop"),
            "console",
            "--db",
            "fout.db",
            "--locale",
            "nl",
            "--now",
            "2026-03-31T17:00");
    // then
    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .startsWith(
            "Regel 1 is geen geldige UTF-8: er is niets voor uitgevoerd.\n\n"
                + "Regel 2 is geen geldige UTF-8: er is niets voor uitgevoerd.\n\n"
                + "De naam na @ bevat een onzichtbaar stuurteken of een regeleinde; typ hem"
                + " opnieuw. Er is niets uitgevoerd.\n\n")
        .contains(
            "Zet één @ voor de naam, niet \"@@anna\", zoals: @anna /verkoop Acme 300\n\n",
            "De naam na @ is 81 tekens lang; er mogen er hoogstens 80. Er is niets uitgevoerd.\n\n")
        .endsWith(
            "\n\nVerkoop #1 vastgelegd: € 300 — Café (anna), directe verkoop (geen open"
                + " kans). Ongedaan maken: /herstel\n\n");
    assertThat(run.err()).doesNotContain("\tat ", "Exception");
    assertThat(events("fout.db")).isEqualTo(1);
  }
}
