package dev.salesmeter.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Salesmeter in Slack's HTTP mode as a separate process, started from the test classpath (tests run
 * before the jar is packaged) on 127.0.0.1 and a free port, against a local fake Web API. It is
 * ready when it prints its start line, which names the port; {@link #kill()} is {@code kill -9},
 * and {@link #close()} always stops it.
 */
final class SalesmeterProcess implements AutoCloseable {
  static final String SECRET = "reliability-signing-secret";
  private static final Pattern STARTED =
      Pattern.compile("Salesmeter in Slack \\(HTTP mode\\) on [^ ]+:(\\d+)/");

  private final Process process;
  private final List<String> log;
  private final int port;

  private SalesmeterProcess(Process process, List<String> log, CompletableFuture<Integer> started)
      throws IOException, InterruptedException {
    this.process = process;
    this.log = log;
    try {
      this.port = started.get(90, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      throw new IOException("Salesmeter did not start: " + String.join("\n", log), e);
    }
  }

  /** Starts Salesmeter in HTTP mode on this database file, its Web API calls going to apiUrl. */
  static SalesmeterProcess start(Path database, String apiUrl, Path folder)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-cp"));
    command.add(System.getProperty("java.class.path"));
    command.add("dev.salesmeter.app.Main");
    ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile());
    Map<String, String> env = builder.environment();
    env.keySet()
        .removeIf(
            key ->
                key.startsWith("SALESMETER_")
                    || key.startsWith("SLACK_")
                    || key.startsWith("DISCORD_"));
    env.put("SLACK_BOT_TOKEN", "xoxb-reliability");
    env.put("SLACK_SIGNING_SECRET", SECRET);
    env.put("SALESMETER_SLACK_MODE", "http");
    env.put("SALESMETER_SLACK_API_URL", apiUrl);
    env.put("SALESMETER_HTTP_BIND", "127.0.0.1");
    env.put("SALESMETER_HTTP_PORT", "0");
    env.put("SALESMETER_MANAGEMENT_PORT", "0");
    env.put("SALESMETER_DATABASE_PATH", database.toString());
    builder.redirectErrorStream(true);
    Process process = builder.start();
    CompletableFuture<Integer> started = new CompletableFuture<>();
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  lines.add(line);
                  Matcher matcher = STARTED.matcher(line);
                  if (matcher.find()) {
                    started.complete(Integer.parseInt(matcher.group(1)));
                  }
                }
              } catch (IOException closed) {
                // the process is gone
              }
              started.completeExceptionally(
                  new IOException("the process ended: " + String.join("\n", lines)));
            },
            "salesmeter-output-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    return new SalesmeterProcess(process, lines, started);
  }

  /** The port of Slack's events path. */
  int port() {
    return port;
  }

  /** What the process printed so far (start line, warnings, errors). */
  List<String> output() {
    return List.copyOf(log);
  }

  boolean alive() {
    return process.isAlive();
  }

  /** {@code kill -9}: no shutdown hook, no closing of the database. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("process " + process.pid() + " survived kill -9");
    }
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}
