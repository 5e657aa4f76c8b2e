package dev.salesmeter.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The few Slack Web API methods a slash command in HTTP mode calls (auth.test, users.info), on
 * 127.0.0.1; every other method answers ok. The response URL is here too.
 */
final class FakeWebApi implements AutoCloseable {
  private final HttpServer server;

  FakeWebApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/", this::api);
    server.createContext("/respond", exchange -> answer(exchange, "ok"));
    server.start();
  }

  String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  String responseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/respond";
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
