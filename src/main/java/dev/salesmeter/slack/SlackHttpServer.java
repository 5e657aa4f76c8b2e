package dev.salesmeter.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Slack's HTTP mode on the JDK's own HTTP server: requests to the events path go through Bolt,
 * which checks each one's signature and age (401 otherwise); {@code GET /healthz} answers "ok" for
 * a load balancer.
 */
public final class SlackHttpServer implements AutoCloseable {
  private final App app;
  private final SlackRequestParser parser;
  private final HttpServer server;
  private final ExecutorService workers = Executors.newFixedThreadPool(16);

  public SlackHttpServer(App app, InetSocketAddress address, String path) throws IOException {
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
    this.server = HttpServer.create(address, 0);
    server.createContext(path, this::events);
    server.createContext("/healthz", exchange -> answer(exchange, 200, "text/plain", "ok"));
    server.setExecutor(workers);
  }

  public SlackHttpServer start() {
    server.start();
    return this;
  }

  /** The port it listens on (useful when it was started on port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  private void events(HttpExchange exchange) throws IOException {
    try {
      if (!exchange.getRequestMethod().equals("POST")) {
        answer(exchange, 405, "text/plain", "POST only");
        return;
      }
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      exchange.getRequestHeaders().forEach(headers::put);
      Request<?> request =
          parser.parse(
              SlackRequestParser.HttpRequest.builder()
                  .requestUri(exchange.getRequestURI().getPath())
                  .queryString(QueryStringParser.toMap(exchange.getRequestURI().getRawQuery()))
                  .headers(new RequestHeaders(headers))
                  .requestBody(body)
                  .remoteAddress(exchange.getRemoteAddress().getAddress().getHostAddress())
                  .build());
      Response response = app.run(request);
      response
          .getHeaders()
          .forEach(
              (name, values) -> values.forEach(v -> exchange.getResponseHeaders().add(name, v)));
      answer(
          exchange,
          response.getStatusCode(),
          response.getContentType() == null ? "text/plain" : response.getContentType(),
          response.getBody() == null ? "" : response.getBody());
    } catch (Exception e) {
      Response failed = SlackAdapter.unexpected(e);
      answer(exchange, failed.getStatusCode(), failed.getContentType(), failed.getBody());
    }
  }

  private static void answer(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }
}
