package dev.salesmeter.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.console.Console;
import dev.salesmeter.core.Period;
import dev.salesmeter.figure.Drilldown;
import dev.salesmeter.figure.Figure;
import dev.salesmeter.figure.FigureQuery;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (Debian's Chromium, headless) on the demo history, under the
 * strict CSP: it shows what the console says for the same question, the picker and the rep filter
 * change it, the charts draw and answer a hover, a drill-down adds up to the number it opened, and
 * the browser reports no error. One browser and one demo workspace for the class.
 */
final class DashboardBrowserTest {
  @TempDir static Path folder;

  private static DemoDashboard demo;
  private static Browser browser;
  private static ChromeDriver driver;

  @BeforeAll
  static void start() {
    demo = new DemoDashboard(folder, Locale.ENGLISH, 0);
    browser = new Browser(1400, 1800);
    driver = browser.driver();
    driver.get(demo.link(Viewer.Role.MANAGER));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (demo != null) {
      demo.close();
    }
  }

  @AfterEach
  void noConsoleErrors() {
    assertThat(browser.consoleErrors()).as("the browser's console").isEmpty();
  }

  private static WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  private static void open(String path) {
    driver.get(demo.url(path));
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main")));
  }

  /** The first key number of a figure, as the page shows it. */
  private static String number(String figure) {
    return driver.findElement(By.cssSelector("#figure-" + figure + " .number .value")).getText();
  }

  @Test
  @DisplayName(
      "the page shows the console's numbers for the same question, and its charts answer a hover")
  void sameAsConsole() throws Exception {
    open("/dashboard?period=march+2026");
    assertThat(driver.findElement(By.id("heading")).getText()).isEqualTo("March 2026 (1–31 Mar)");
    String revenue = number("revenue");
    assertThat(revenue).startsWith("€");
    assertThat(demo.ask("/kpi revenue march 2026")).contains(revenue + " from ");
    String leads = number("conversion");
    assertThat(demo.ask("/kpi conversion march 2026")).startsWith(leads + " leads came in");
    assertThat(driver.findElement(By.id("scorecard")).getText())
        .contains("Scorecard — week 13, 2026 (23–29 Mar)")
        .contains(
            demo.ask("/scorecard")
                .lines()
                .filter(l -> l.startsWith("Revenue:"))
                .findFirst()
                .orElseThrow()
                .split(" — ")[0]);

    WebElement chart =
        waiting()
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#figure-revenue .chart canvas")));
    new Actions(driver).moveToElement(chart).perform();
    waiting()
        .until(
            d -> d.findElement(By.cssSelector("#figure-revenue .chart")).getText().contains("€"));
    // Every figure with something to draw drew it.
    waiting()
        .until(
            d ->
                d.findElements(By.cssSelector(".chart[data-chart]")).size()
                    == d.findElements(By.cssSelector(".chart[data-chart] canvas")).size());
    Path shots = Files.createDirectories(Path.of("target", "screenshots"));
    Files.write(shots.resolve("dashboard.png"), driver.getScreenshotAs(OutputType.BYTES));
  }

  @Test
  @DisplayName("the period picker and the rep filter change the numbers, as the console does")
  void pickerAndRep() {
    open("/dashboard?period=march+2026");
    driver.findElement(By.cssSelector("details.picker summary")).click();
    new Select(driver.findElement(By.id("pick-quarter"))).selectByValue("2026-Q1");
    driver.findElement(By.id("pick-quarter-show")).click();
    waiting().until(ExpectedConditions.textToBe(By.id("heading"), "Q1 2026 (1 Jan–31 Mar)"));
    String quarter = number("revenue");
    assertThat(demo.ask("/kpi revenue Q1 2026")).contains(quarter + " from ");

    new Select(driver.findElement(By.id("rep"))).selectByValue("anna");
    WebElement period = driver.findElement(By.id("period"));
    period.clear();
    period.sendKeys("march 2026");
    driver.findElement(By.cssSelector("form.question button")).click();
    waiting().until(ExpectedConditions.textToBe(By.id("heading"), "March 2026 (1–31 Mar) · anna"));
    String anna = number("revenue");
    assertThat(anna).isNotEqualTo(quarter);
    assertThat(demo.ask("/kpi revenue march 2026 @anna")).contains(anna + " from ");
  }

  @Test
  @DisplayName(
      "a drill-down lists exactly the events behind a number: its amounts add up to the revenue,"
          + " its rows count the leads")
  void drillDown() {
    open("/dashboard?period=march+2026");
    String revenue = number("revenue");
    driver.findElement(By.cssSelector("#figure-revenue a.value")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table")));
    int amount = moneyColumn("revenue");
    BigDecimal sum = BigDecimal.ZERO;
    for (WebElement row :
        driver.findElements(By.cssSelector("section.drill-table:first-of-type tr.live"))) {
      sum = sum.add(money(row.findElements(By.tagName("td")).get(amount).getText()));
    }
    assertThat(sum).isEqualByComparingTo(money(revenue));

    open("/dashboard?period=march+2026");
    String leads = number("conversion");
    driver.findElement(By.cssSelector("#figure-conversion a.value")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table")));
    assertThat(driver.findElements(By.cssSelector("section.drill-table:first-of-type tr.live")))
        .hasSize(Integer.parseInt(leads.replace(",", "")));
  }

  @Test
  @DisplayName("on a phone the page does not scroll sideways; on a TV one figure shows at a time")
  void phoneAndTv() {
    try {
      driver.manage().window().setSize(new Dimension(390, 844));
      open("/dashboard?period=march+2026");
      Object overflow =
          driver.executeScript(
              "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
      assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
    } finally {
      driver.manage().window().setSize(new Dimension(1400, 1800));
    }
    open("/dashboard?period=march+2026&tv");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".slide.current")));
    List<WebElement> shown =
        driver.findElements(By.cssSelector(".slide")).stream()
            .filter(WebElement::isDisplayed)
            .toList();
    assertThat(shown).hasSize(1);
    assertThat(driver.findElements(By.cssSelector("a.value"))).isEmpty();
  }

  @Test
  @DisplayName(
      "a tampered link shows nothing of the workspace, and signs nobody in; the good link leads to"
          + " the page without its token in the address")
  void tamperedLink() {
    String good = demo.link(Viewer.Role.MANAGER);
    String token = good.substring(good.lastIndexOf('/') + 1);
    int dot = token.indexOf('.');
    // One character of the payload changed: another role, user or expiry under the old signature.
    char changed = token.charAt(dot - 1) == 'A' ? 'B' : 'A';
    String tampered =
        good.substring(0, good.length() - token.length())
            + token.substring(0, dot - 1)
            + changed
            + token.substring(dot);
    try {
      driver.manage().deleteAllCookies();
      driver.get(tampered);
      String shown = driver.findElement(By.tagName("body")).getText();
      assertThat(shown)
          .isNotEmpty()
          .doesNotContain("Demo team")
          .doesNotContain("anna")
          .doesNotContain("€");
      driver.get(demo.url("/dashboard?period=march+2026"));
      assertThat(driver.findElement(By.tagName("body")).getText())
          .doesNotContain("anna")
          .doesNotContain("€");
      assertThat(driver.manage().getCookies()).isEmpty();
      // The two refusals' status lines are the pages' own answers, not errors of a page.
      browser.consoleErrors();
    } finally {
      driver.get(good);
    }
    assertThat(driver.getCurrentUrl()).isEqualTo(demo.url("/dashboard")).doesNotContain(token);
    assertThat(driver.findElement(By.id("heading")).getText()).isNotEmpty();
  }

  private static Drilldown drillOf(String name) {
    Figure<?> figure = demo.figures().find(name).orElseThrow();
    return figure.drill(
        new FigureQuery(
            Console.WORKSPACE,
            demo.log().settings(Console.WORKSPACE),
            Period.month(2026, 3),
            Optional.empty(),
            DemoDashboard.NOW));
  }

  /** Which column of a figure's first drill-down table holds the amounts. */
  private static int moneyColumn(String name) {
    List<Drilldown.Column> columns = drillOf(name).tables().get(0).columns();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).kind() == Drilldown.Kind.MONEY) {
        return i;
      }
    }
    throw new AssertionError("no money column in " + columns);
  }

  /** "€12,345.50" as 12345.50. */
  private static BigDecimal money(String text) {
    return new BigDecimal(text.replaceAll("[^0-9.]", ""));
  }
}
