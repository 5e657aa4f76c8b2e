package dev.salesmeter.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The few Slack Web API methods a slash command in HTTP mode calls (auth.test, users.info), on
 * 127.0.0.1; every other method answers ok. The response URLs are here too, one per trigger id:
 * what a command acked with "Logging…" posts there later is kept for {@link #lateReply}.
 */
final class FakeWebApi implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, BlockingQueue<String>> late = new ConcurrentHashMap<>();

  FakeWebApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/", this::api);
    server.createContext(
        "/respond/",
        exchange -> {
          String trigger = exchange.getRequestURI().getPath().substring("/respond/".length());
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          replies(trigger).add(body);
          answer(exchange, "ok");
        });
    server.start();
  }

  String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  /** The response URL of the command with this trigger id. */
  String responseUrl(String trigger) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/respond/" + trigger;
  }

  /** The next reply posted to a command's response URL, waited for up to a minute. */
  String lateReply(String trigger) throws InterruptedException {
    String reply = replies(trigger).poll(60, TimeUnit.SECONDS);
    if (reply == null) {
      throw new AssertionError("no late reply for " + trigger + " within a minute");
    }
    return reply;
  }

  private BlockingQueue<String> replies(String trigger) {
    return late.computeIfAbsent(trigger, t -> new LinkedBlockingQueue<>());
  }

  private void api(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    String method = exchange.getRequestURI().getPath().substring("/api/".length());
    answer(
        exchange,
        switch (method) {
          case "auth.test" -> "{\"ok\":true,\"team_id\":\"T-rel\",\"user_id\":\"UBOT\"}";
          case "users.info" ->
              "{\"ok\":true,\"user\":{\"id\":\"U1\",\"name\":\"anna\",\"is_admin\":false,"
                  + "\"is_owner\":false,\"profile\":{\"display_name\":\"Anna\"}}}";
          default -> "{\"ok\":true}";
        });
  }

  private static void answer(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
