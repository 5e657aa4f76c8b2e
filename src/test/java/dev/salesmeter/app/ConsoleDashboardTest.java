package dev.salesmeter.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scripted console with {@code --dashboard}, as the browser tests start it: a separate JVM, its
 * script on standard input, the dashboard's link read from standard error.
 */
final class ConsoleDashboardTest {
  private static final Pattern DASHBOARD =
      Pattern.compile("^Dashboard: (http://127\\.0\\.0\\.1:(\\d+))/d/([A-Za-z0-9_.-]+)$");
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @TempDir Path folder;

  private Process start(String script, String... args) throws IOException {
    Path config = Files.writeString(folder.resolve("empty.yaml"), "");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of("console", "--config", config.toString(), "--db", "team.db"));
    command.addAll(List.of("--now", "2026-03-31T17:00"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("SALESMETER_"));
    Process process = builder.start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(script.getBytes(StandardCharsets.UTF_8));
    }
    return process;
  }

  /** Standard error's lines as they come; the future completes at the line that matches. */
  private static CompletableFuture<String> watch(
      Process process, List<String> lines, Pattern until) {
    CompletableFuture<String> found = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader err =
                  new BufferedReader(
                      new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                  lines.add(line);
                  if (until.matcher(line).find()) {
                    found.complete(line);
                  }
                }
              } catch (IOException closed) {
                // the process is gone
              }
              found.completeExceptionally(new IOException("ended: " + lines));
            });
    reader.setDaemon(true);
    reader.start();
    return found;
  }

  private static HttpResponse<String> get(String url, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @DisplayName(
      "--dashboard=0: the Dashboard line after the start line, a link that opens, the API, and"
          + " serving after the script until stopped")
  void servesAfterTheScript() throws Exception {
    Process process = start("/sale Acme 300\n/apitoken create test\n/dashboard\n", "--dashboard=0");
    try {
      List<String> lines = new CopyOnWriteArrayList<>();
      watch(process, lines, Pattern.compile("^Serving the dashboard until stopped"))
          .get(60, TimeUnit.SECONDS);
      assertThat(lines.get(0)).startsWith("Salesmeter console on team.db");
      Matcher dashboard = DASHBOARD.matcher(lines.get(1));
      assertThat(dashboard.matches()).as(lines.toString()).isTrue();
      String address = dashboard.group(1);
      assertThat(Integer.parseInt(dashboard.group(2))).isPositive();

      HttpResponse<String> opened = get(address + "/d/" + dashboard.group(3));
      assertThat(opened.statusCode()).isEqualTo(303);
      assertThat(opened.headers().firstValue("Location")).contains("/dashboard");
      assertThat(opened.headers().firstValue("Set-Cookie").orElseThrow())
          .contains("HttpOnly")
          .contains("SameSite=Strict");

      // the script's replies are all out: its /dashboard names the same address
      String out = readAvailable(process);
      assertThat(out).contains(address + "/d/");
      Matcher token = Pattern.compile("smt_[A-Za-z0-9_-]{43}").matcher(out);
      assertThat(token.find()).as(out).isTrue();
      HttpResponse<String> revenue =
          get(
              address + "/api/v1/figures/revenue?period=march%202026",
              "Authorization",
              "Bearer " + token.group());
      assertThat(revenue.statusCode()).isEqualTo(200);
      assertThat(revenue.body()).contains("\"revenue\":{\"cents\":30000,\"currency\":\"EUR\"}");

      assertThat(process.isAlive()).isTrue(); // the script ended; the dashboard is still served
    } finally {
      process.destroy();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  /** What the process wrote to standard output so far (its replies, written as each line ran). */
  private static String readAvailable(Process process) throws IOException {
    byte[] bytes = new byte[process.getInputStream().available()];
    int read = process.getInputStream().read(bytes);
    return new String(bytes, 0, Math.max(read, 0), StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("a port in use: one line, the script runs without the dashboard and ends")
  void portInUse() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      Process process = start("/dashboard\n", "--dashboard=" + taken.getLocalPort());
      try {
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isZero();
        assertThat(err)
            .contains(
                "salesmeter: port "
                    + taken.getLocalPort()
                    + " (--dashboard) is already in use — stop the program that holds it")
            .contains("(the console goes on without the dashboard)")
            .doesNotContain("Dashboard:")
            .doesNotContain("Exception");
        assertThat(out).startsWith("The dashboard is not running in this console");
      } finally {
        process.destroyForcibly();
      }
    }
  }

  @Test
  @DisplayName("a script without --dashboard serves nothing and says how to")
  void scriptWithout() throws Exception {
    Process process = start("/dashboard\n");
    try {
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(err).doesNotContain("Dashboard:");
      assertThat(out)
          .startsWith("This console does not serve the dashboard: start it in a terminal,");
    } finally {
      process.destroyForcibly();
    }
  }
}
