package dev.salesmeter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.store.Database;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /healthz} and {@code /readyz} on a real SQLite file, and a platform connection. */
final class ManagementTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path folder;

  private static HttpResponse<String> get(HttpListener listener, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port() + path))
            .timeout(Duration.ofSeconds(20))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpListener start(Management management) {
    return HttpListener.start(
        "http-management", "127.0.0.1", 0, HttpListener.Limits.standard(), management::routes);
  }

  @Test
  @DisplayName("/healthz is 200 while the database takes writes, 503 with the reason when not")
  void health() throws Exception {
    Path file = folder.resolve("salesmeter.db");
    try (Database database = Database.open(file);
        HttpListener listener =
            start(new Management(database::probeWrite, List.of(), new MicrometerMetrics()))) {
      HttpResponse<String> healthy = get(listener, "/healthz");
      assertThat(healthy.statusCode()).isEqualTo(200);
      assertThat(healthy.body()).isEqualTo("ok");
    }
    // The same file, opened as SQLite opens a read-only mount (as root, chmod would not stop
    // writes).
    try (Database readOnly = Database.openReadOnly(file);
        HttpListener listener =
            start(new Management(readOnly::probeWrite, List.of(), new MicrometerMetrics()))) {
      HttpResponse<String> sick = get(listener, "/healthz");
      assertThat(sick.statusCode()).isEqualTo(503);
      assertThat(sick.body()).startsWith("database: ").containsIgnoringCase("readonly");
      assertThat(sick.body().strip()).doesNotContain("\n");
      assertThat(get(listener, "/readyz").statusCode()).isEqualTo(503);
    }
  }

  @Test
  @DisplayName("/readyz is 503 naming the platform while it is not connected, 200 once it is")
  void readiness() throws Exception {
    AtomicBoolean discordConnected = new AtomicBoolean(false);
    try (Database database = Database.open(folder.resolve("salesmeter.db"));
        HttpListener listener =
            start(
                new Management(
                    database::probeWrite,
                    List.of(
                        new Management.Connection("slack", () -> true),
                        new Management.Connection("discord", discordConnected::get)),
                    new MicrometerMetrics()))) {
      HttpResponse<String> waiting = get(listener, "/readyz");
      assertThat(waiting.statusCode()).isEqualTo(503);
      assertThat(waiting.body().strip()).isEqualTo("not connected: discord");
      assertThat(get(listener, "/healthz").statusCode()).isEqualTo(200); // alive all the same
      discordConnected.set(true);
      assertThat(get(listener, "/readyz").statusCode()).isEqualTo(200);
    }
  }
}
