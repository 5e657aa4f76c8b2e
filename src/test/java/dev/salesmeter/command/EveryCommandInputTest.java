package dev.salesmeter.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Wrong, missing, hostile and out-of-range input for every command: each gets a clear private error
 * and stores nothing; hostile names that are valid are stored exactly.
 */
final class EveryCommandInputTest {
  /** Each logging command with the words that make a valid line after the customer's name. */
  private static final List<List<String>> COMMANDS =
      List.of(
          List.of("lead", ""),
          List.of("appointment", ""),
          List.of("quote", " 1200"),
          List.of("followup", ""),
          List.of("sale", " 4200"),
          List.of("lost", ""),
          List.of("churn", ""));

  private static final String PASTE = "x".repeat(10_240);

  @TempDir Path folder;
  TestWorkspace team;

  @BeforeEach
  void open() {
    team = TestWorkspace.english(folder);
  }

  @AfterEach
  void close() {
    team.close();
  }

  static Stream<Arguments> badLines() {
    return COMMANDS.stream()
        .flatMap(
            command -> {
              String name = command.get(0);
              String rest = command.get(1);
              return Stream.of(
                  Arguments.of(name, "/" + name + rest, "is missing"),
                  Arguments.of(name, "/" + name + " " + PASTE + rest, "10240 characters long"),
                  Arguments.of(
                      name, "/" + name + " \"Known\u0000Customer\"" + rest, "control character"),
                  Arguments.of(
                      name,
                      "/" + name + " Known Customer" + rest + " colour:red",
                      "Unknown option \"colour:\""),
                  Arguments.of(
                      name,
                      "/" + name + " Known Customer" + rest + " date:2026-04-01",
                      "is in the future"),
                  Arguments.of(
                      name,
                      "/" + name + " Known Customer" + rest + " date:2015-01-01",
                      "more than 10 years ago"),
                  Arguments.of(
                      name,
                      "/" + name + " Known Customer" + rest + " date:\"'; DROP TABLE events;--\"",
                      "is not a date"),
                  Arguments.of(
                      name,
                      "/" + name + " Known Customer" + rest + " @anna @bram",
                      "Name one rep only."),
                  Arguments.of(
                      name,
                      "@anna /" + name + " Known Customer" + rest + " @bram",
                      "Only managers can log for someone else."),
                  Arguments.of(
                      name,
                      "/" + name + " Known Customer" + rest + " \"unclosed",
                      "A quote mark is not closed."));
            });
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badLines")
  @DisplayName("a bad line is refused privately with the reason and an example; nothing is stored")
  void refused(String command, String line, String expected) {
    team.run("@anna /lead Known Customer");
    long events = team.events();
    long customers = team.count("customers");
    long reps = team.count("reps");
    Reply reply = team.run(line);
    assertThat(reply.ephemeral()).isTrue();
    assertThat(reply.text()).contains(expected).contains("Example: /" + command);
    assertThat(team.events()).isEqualTo(events);
    assertThat(team.count("customers")).isEqualTo(customers);
    assertThat(team.count("reps")).isEqualTo(reps);
  }

  static Stream<Arguments> hostileNames() {
    List<String> names =
        List.of(
            "Robert'); DROP TABLE customers;--",
            "🥐 Croissanterie 🇫🇷",
            "Ζαχαροπλαστείο",
            "O'Brien & \"Zonen\"");
    return COMMANDS.stream()
        .flatMap(
            command ->
                names.stream().map(name -> Arguments.of(command.get(0), command.get(1), name)));
  }

  @ParameterizedTest(name = "/{0} {2}")
  @MethodSource("hostileNames")
  @DisplayName("quotes, SQL, emoji and other scripts are a customer's name like any other")
  void hostileNamesWork(String command, String rest, String name) {
    String quoted = "“" + name + "”";
    // a customer who bought (so that a churn has a spell to end), with an open opportunity
    team.run("@anna /sale " + quoted + " 100");
    team.run("@anna /lead " + quoted);
    Reply reply = team.run("@anna /" + command + " " + quoted + rest);
    assertThat(reply.text()).contains(" logged: ").contains(name);
    assertThat(team.count("customers")).isEqualTo(1);
    assertThat(team.log().customers(TestWorkspace.WORKSPACE).get(0).name()).isEqualTo(name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("managerLines")
  @DisplayName("cost and target: hostile labels stored exactly, bad values refused")
  void managerCommands(String line, String expected, long stored) {
    Reply reply = team.run(line);
    assertThat(reply.text()).contains(expected);
    assertThat(team.events()).isEqualTo(stored);
  }

  static Stream<Arguments> managerLines() {
    return Stream.of(
        Arguments.of(
            "/cost \"'; DROP TABLE events;-- 🎪\" 500", "€500 — '; DROP TABLE events;-- 🎪", 1),
        Arguments.of("/cost \"" + PASTE + "\" 500", "10240 characters long", 0),
        Arguments.of("/cost Ads 0", "must be more than zero", 0),
        Arguments.of("/cost Ads 2000000000", "more than 1 billion", 0),
        Arguments.of("/cost Ads 500 date:tomorrow", "is not a date", 0),
        Arguments.of("/target 50k '; DROP TABLE targets;--", "I don't know the period", 0),
        Arguments.of("/target 50k 🚀", "I don't know the period", 0),
        Arguments.of("/target -5 Q2 2026", "must be more than zero", 0),
        Arguments.of("/target 50k Q2 2026 @\"" + PASTE + "\"", "10240 characters long", 0),
        Arguments.of("/target 50k 1999", "I don't know the period \"1999\"", 0));
  }

  static Stream<Arguments> editLines() {
    return Stream.of(
        Arguments.of("/edit 1 customer:\"" + PASTE + "\"", "10240 characters long"),
        Arguments.of("/edit 1 source:\"" + PASTE + "\"", "10240 characters long"),
        Arguments.of("/edit 1 customer:\"Known\u0000Customer\"", "control character"),
        Arguments.of("/edit 1 date:\"'; DROP TABLE events;--\"", "is not a date"),
        Arguments.of("/edit '; DROP TABLE events;-- source:web", "Unexpected"),
        Arguments.of("/edit 1 source:web \"unclosed", "A quote mark is not closed."),
        Arguments.of("/edit 🚀 source:web", "\"🚀\" is not an event number"),
        Arguments.of("/edit 1 amount:🚀", "is not an amount"),
        Arguments.of("/edit 1 amount:5", "\"amount:\" does not apply to Lead #1."),
        Arguments.of("/edit 1 kind:🚀", "\"🚀\" is not call or visit"),
        Arguments.of("/edit 1 source:web date:2026-04-01", "is in the future"),
        Arguments.of("/edit 1 customer:\"Known Customer\"", "Nothing changes: #1"),
        Arguments.of("/edit 2 source:web", "There is no event #2."),
        Arguments.of("@bram /edit 1 source:web", "#1 was logged by anna"),
        Arguments.of("/edit 1", "Say what to change in #1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("editLines")
  @DisplayName("a bad correction is refused privately with the reason; nothing is stored")
  void editRefused(String line, String expected) {
    team.run("@anna /lead Known Customer");
    long customers = team.count("customers");
    long reps = team.count("reps");
    Reply reply = team.run(line);
    assertThat(reply.ephemeral()).isTrue();
    assertThat(reply.text()).contains(expected).contains("Example: /edit");
    assertThat(team.events()).isEqualTo(1);
    assertThat(team.count("customers")).isEqualTo(customers);
    assertThat(team.count("reps")).isEqualTo(reps);
  }

  static Stream<Arguments> figureLines() {
    return Stream.of(
        Arguments.of("kpi", "/kpi bogus", "\"bogus\" is not a figure. Figures: conversion,"),
        Arguments.of("kpi", "/kpi 🚀", "\"🚀\" is not a figure."),
        Arguments.of("kpi", "/kpi " + PASTE, "The figure is 10240 characters long"),
        Arguments.of("kpi", "/kpi revenue '; DROP TABLE events;--", "I don't know the period"),
        Arguments.of("kpi", "/kpi revenue " + PASTE, "The period is 10240 characters long"),
        Arguments.of("kpi", "/kpi revenue 1999", "I don't know the period \"1999\""),
        Arguments.of("kpi", "/kpi revenue this month @nobody", "There is no rep \"nobody\""),
        Arguments.of("kpi", "/kpi revenue \"unclosed", "A quote mark is not closed."),
        Arguments.of("leaderboard", "/leaderboard '; DROP TABLE events;--", "I don't know"),
        Arguments.of("leaderboard", "/leaderboard 🚀", "I don't know the period \"🚀\""),
        Arguments.of("leaderboard", "/leaderboard " + PASTE, "The period is 10240 characters"),
        Arguments.of(
            "leaderboard",
            "/leaderboard colour:red",
            "Unknown option \"colour:\" for /leaderboard. It takes: no options."),
        Arguments.of("leaderboard", "/leaderboard @anna", "/leaderboard does not take a rep."),
        Arguments.of("scorecard", "/scorecard '; DROP TABLE events;--", "I don't know"),
        Arguments.of("scorecard", "/scorecard 🚀", "I don't know the period \"🚀\""),
        Arguments.of("scorecard", "/scorecard " + PASTE, "The period is 10240 characters"),
        Arguments.of("scorecard", "/scorecard week 54", "I don't know the period \"week 54\""),
        Arguments.of("scorecard", "/scorecard 1999-W10", "I don't know the period"),
        Arguments.of("scorecard", "/scorecard march 2026", "\"march 2026\" is not a week"),
        Arguments.of("scorecard", "/scorecard 2027-W10", "has not started yet"),
        Arguments.of("scorecard", "/scorecard @anna", "/scorecard does not take a rep."));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("figureLines")
  @DisplayName("a bad figure question is refused privately with the reason; nothing is stored")
  void figureQuestionRefused(String command, String line, String expected) {
    team.run("@anna /sale Known Customer 100");
    long events = team.events();
    long reps = team.count("reps");
    Reply reply = team.run(line);
    assertThat(reply.ephemeral()).isTrue();
    assertThat(reply.text()).contains(expected).contains("Example: /" + command);
    assertThat(reply.text().length()).isLessThan(600);
    assertThat(team.events()).isEqualTo(events);
    assertThat(team.count("reps")).isEqualTo(reps);
  }

  static Stream<Arguments> pastedLines() {
    String digits = "9".repeat(10_240);
    String letters = "y".repeat(10_240);
    return Stream.of(
        Arguments.of("/sale Acme " + digits, digits),
        Arguments.of("/sale Acme 4200 " + PASTE, PASTE),
        Arguments.of("/sale Acme 4200 margin:" + digits, digits),
        Arguments.of("/sale Acme 4200 date:" + PASTE, PASTE),
        Arguments.of("/sale Acme 4200 " + letters + ":red", letters),
        Arguments.of("/target 50k " + PASTE, PASTE),
        Arguments.of("/target " + digits + " Q2 2026", digits),
        Arguments.of("/void " + PASTE, PASTE),
        Arguments.of("/void 1 " + PASTE, PASTE),
        Arguments.of("/help " + PASTE, PASTE),
        Arguments.of("/" + PASTE, PASTE));
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("pastedLines")
  @DisplayName("an error reply quotes at most 80 characters of a 10 kB paste")
  void pasteQuotedShort(String line, String paste) {
    // given a 10 kB value where an amount, a period, an option or a number should be
    // when
    Reply reply = team.run(line);
    // then its first 79 characters are quoted, and "…"
    assertThat(reply.text())
        .contains(paste.substring(0, 79) + "…")
        .doesNotContain(paste.substring(0, 80));
    assertThat(reply.text().length()).isLessThan(400);
    assertThat(team.events()).isZero();
  }
}
