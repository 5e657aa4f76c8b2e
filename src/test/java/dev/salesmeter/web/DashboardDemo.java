package dev.salesmeter.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard on the demo history, to look at by hand or to take the README's screenshot:
 *
 * <pre>
 * mvn -B -q -Pbench test-compile exec:exec -Dbench.class=dev.salesmeter.web.DashboardDemo \
 *     -Dbench.args="--port 3001"                                # open the printed address
 * mvn -B -q -Pbench test-compile exec:exec -Dbench.class=dev.salesmeter.web.DashboardDemo \
 *     -Dbench.args="--screenshot docs/images/dashboard.png"     # draw the README's picture
 * </pre>
 *
 * Add {@code --nl} for the Dutch workspace.
 */
public final class DashboardDemo {
  private static final String PAGE = "/dashboard?period=march+2026";

  private DashboardDemo() {}

  public static void main(String[] args) throws Exception {
    int port = 0;
    Path screenshot = null;
    Locale locale = Locale.ENGLISH;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--screenshot" -> screenshot = Path.of(args[++i]);
        case "--nl" -> locale = Locale.forLanguageTag("nl");
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Path folder = Files.createTempDirectory("salesmeter-demo");
    try (DemoDashboard demo = new DemoDashboard(folder, locale, port)) {
      if (screenshot == null) {
        System.out.println("Dashboard: " + demo.link(Viewer.Role.MANAGER) + " (Ctrl-C stops it)");
        Thread.currentThread().join();
      }
      try (Browser browser = new Browser(1400, 2000)) {
        browser.driver().get(demo.link(Viewer.Role.MANAGER));
        browser.driver().get(demo.url(PAGE));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
            .until(
                d ->
                    d.findElements(By.cssSelector(".chart[data-chart]")).size()
                        == d.findElements(By.cssSelector(".chart[data-chart] canvas")).size());
        Files.write(screenshot, browser.driver().getScreenshotAs(OutputType.BYTES));
        System.out.println("wrote " + screenshot);
      }
    }
  }
}
