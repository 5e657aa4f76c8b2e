package dev.salesmeter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The package rules of DESIGN.md: each package uses only what its row of the table names. */
final class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.salesmeter");
  }

  private static void onlyUses(String pkg, String... allowed) {
    String[] all = new String[allowed.length + 2];
    all[0] = "java..";
    all[1] = "dev.salesmeter." + pkg + "..";
    System.arraycopy(allowed, 0, all, 2, allowed.length);
    noClasses()
        .that()
        .resideInAPackage("dev.salesmeter." + pkg + "..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages(all)
        .because("DESIGN.md's package table says what " + pkg + " may use")
        .check(classes);
  }

  @Test
  @DisplayName("core uses nothing but the JDK")
  void core() {
    onlyUses("core");
  }

  @Test
  @DisplayName("store uses core, Jdbi, Flyway and JDBC")
  void store() {
    onlyUses(
        "store",
        "dev.salesmeter.core..",
        "javax.sql..",
        "org.jdbi..",
        "org.flywaydb..",
        "org.sqlite..",
        "com.zaxxer.hikari..");
  }

  @Test
  @DisplayName("command uses core, store, figure and scorecard (and fuzzy matching, logging)")
  void command() {
    onlyUses(
        "command",
        "dev.salesmeter.core..",
        "dev.salesmeter.store..",
        "dev.salesmeter.figure..",
        "dev.salesmeter.scorecard..",
        "org.apache.commons.text..",
        "org.slf4j..");
  }

  @Test
  @DisplayName("figure uses core, store and chart, Jdbi and XChart")
  void figure() {
    onlyUses(
        "figure",
        "dev.salesmeter.core..",
        "dev.salesmeter.store..",
        "dev.salesmeter.chart..",
        "org.jdbi..",
        "org.knowm.xchart..");
  }

  @Test
  @DisplayName("scorecard uses core, figure and chart, and XChart to draw its picture")
  void scorecard() {
    onlyUses(
        "scorecard",
        "dev.salesmeter.core..",
        "dev.salesmeter.figure..",
        "dev.salesmeter.chart..",
        "org.knowm.xchart..");
  }

  @Test
  @DisplayName(
      "transfer uses core, store and the command language's value rules, Commons CSV, the"
          + " progress bar and Jackson (JSON Lines)")
  void transfer() {
    onlyUses(
        "transfer",
        "dev.salesmeter.core..",
        "dev.salesmeter.store..",
        "dev.salesmeter.command..",
        "org.apache.commons.csv..",
        "me.tongfei.progressbar..",
        "com.fasterxml.jackson..");
  }

  @Test
  @DisplayName("the console adapter uses core, command and schedule, and its own library")
  void console() {
    onlyUses(
        "console",
        "dev.salesmeter.core..",
        "dev.salesmeter.command..",
        "dev.salesmeter.schedule..",
        "org.jline..");
  }

  @Test
  @DisplayName("the Slack adapter uses core, command, schedule, Bolt and YAML (no HTTP server)")
  void slack() {
    onlyUses(
        "slack",
        "dev.salesmeter.core..",
        "dev.salesmeter.command..",
        "dev.salesmeter.schedule..",
        "com.slack.api..",
        "okhttp3..", // the Slack SDK's HTTP responses, as its exceptions carry them
        "com.fasterxml.jackson..",
        "org.slf4j..");
  }

  @Test
  @DisplayName("http uses core, Javalin (on Jetty) and Micrometer")
  void http() {
    onlyUses(
        "http",
        "dev.salesmeter.core..",
        "io.javalin..",
        "org.eclipse.jetty..",
        "io.micrometer..",
        "kotlin.."); // Javalin's Kotlin signatures (its lambdas)
  }

  @Test
  @DisplayName(
      "web uses core, store, figure, scorecard, chart, http, command (its parsers and registry);"
          + " Javalin, jte, Jackson and Commons CSV")
  void web() {
    onlyUses(
        "web",
        "dev.salesmeter.core..",
        "dev.salesmeter.store..",
        "dev.salesmeter.figure..",
        "dev.salesmeter.scorecard..",
        "dev.salesmeter.chart..",
        "dev.salesmeter.http..",
        "dev.salesmeter.command..",
        "io.javalin..",
        "org.eclipse.jetty..",
        "kotlin..", // Javalin's Kotlin signatures (its lambdas)
        "com.fasterxml.jackson..",
        "gg.jte..",
        "org.apache.commons.csv..",
        "javax.crypto..", // the JDK's HMAC, which signs the dashboard's links
        "org.slf4j..");
  }

  @Test
  @DisplayName(
      "no chat path writes files: charts stay in memory, so a read-only image folder is fine")
  void chatWritesNoFiles() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.salesmeter.slack..",
            "dev.salesmeter.discord..",
            "dev.salesmeter.http..",
            "dev.salesmeter.chart..",
            "dev.salesmeter.figure..",
            "dev.salesmeter.scorecard..",
            "dev.salesmeter.command..",
            "dev.salesmeter.schedule..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.FileOutputStream")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.nio.file.Files")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.File")
        .check(classes);
  }

  @Test
  @DisplayName("schedule uses core, store, scorecard, command, cron-utils and logging")
  void schedule() {
    onlyUses(
        "schedule",
        "dev.salesmeter.core..",
        "dev.salesmeter.store..",
        "dev.salesmeter.scorecard..",
        "dev.salesmeter.command..",
        "com.cronutils..",
        "org.slf4j..");
  }

  @Test
  @DisplayName("the Discord adapter uses core, command, schedule and JDA")
  void discord() {
    onlyUses(
        "discord",
        "dev.salesmeter.core..",
        "dev.salesmeter.command..",
        "dev.salesmeter.schedule..",
        "net.dv8tion.jda..",
        "org.slf4j..");
  }

  @Test
  @DisplayName("lower packages never use higher ones")
  void noUpwardUse() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.salesmeter.core..", "dev.salesmeter.store..", "dev.salesmeter.command..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.salesmeter.app..",
            "dev.salesmeter.web..",
            "dev.salesmeter.console..",
            "dev.salesmeter.slack..",
            "dev.salesmeter.discord..",
            "dev.salesmeter.http..")
        .check(classes);
  }
}
