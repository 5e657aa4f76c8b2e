package dev.salesmeter.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A local Slack for tests, on 127.0.0.1: the Web API methods Salesmeter calls (over HTTP) and
 * Socket Mode (over a WebSocket). It records every call and every acknowledgement.
 */
final class FakeSlack implements AutoCloseable {
  /** A Web API call: its method and its body as sent. */
  record Call(String method, String body) {}

  final List<Call> calls = new CopyOnWriteArrayList<>();
  final BlockingQueue<String> acks = new LinkedBlockingQueue<>();
  final List<byte[]> uploads = new CopyOnWriteArrayList<>();
  final CountDownLatch connected = new CountDownLatch(1);

  /** The bodies posted to the response URL, in order. */
  final BlockingQueue<String> responses = new LinkedBlockingQueue<>();

  /**
   * Whether files.completeUploadExternal answers not_in_channel, as for a channel without the bot.
   */
  volatile boolean notInChannel;

  /** How many of the next files.completeUploadExternal calls answer 503. */
  final AtomicInteger serverErrors = new AtomicInteger();

  /** How many of the next files.getUploadURLExternal calls answer 429 (rate limited). */
  final AtomicInteger rateLimited = new AtomicInteger();

  /** How many of the next chat.postMessage calls answer 429 (rate limited). */
  final AtomicInteger postsRateLimited = new AtomicInteger();

  /** Channels that no longer exist: chat.postMessage to them answers channel_not_found. */
  final Set<String> goneChannels = ConcurrentHashMap.newKeySet();

  private final HttpServer web;
  private final WebSocketServer socket;
  private volatile WebSocket client;
  private final CountDownLatch listening = new CountDownLatch(1);

  FakeSlack() throws IOException, InterruptedException {
    web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    socket =
        new WebSocketServer(new InetSocketAddress("127.0.0.1", 0)) {
          @Override
          public void onOpen(WebSocket connection, ClientHandshake handshake) {
            client = connection;
            connection.send("{\"type\":\"hello\",\"num_connections\":1}");
            connected.countDown();
          }

          @Override
          public void onMessage(WebSocket connection, String message) {
            acks.add(message);
          }

          @Override
          public void onClose(WebSocket connection, int code, String reason, boolean remote) {}

          @Override
          public void onError(WebSocket connection, Exception e) {}

          @Override
          public void onStart() {
            listening.countDown();
          }
        };
    socket.setReuseAddr(true);
    socket.start();
    // Until the server socket is bound, getPort() says 0.
    if (!listening.await(10, TimeUnit.SECONDS)) {
      throw new IOException("the fake Socket Mode server did not start");
    }
    web.createContext("/api/", this::api);
    web.createContext("/upload/", this::upload);
    web.createContext(
        "/respond",
        exchange -> {
          responses.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          answer(exchange, "ok");
        });
    web.start();
  }

  /** The Web API's address prefix, as Salesmeter's {@code slack.api-url}. */
  String apiUrl() {
    return "http://127.0.0.1:" + web.getAddress().getPort() + "/api/";
  }

  /**
   * The address a slash command names as its response URL: what Salesmeter posts there (a late
   * reply, a chart's failure) lands in {@link #responses}.
   */
  String responseUrl() {
    return "http://127.0.0.1:" + web.getAddress().getPort() + "/respond";
  }

  /** Sends a slash command to the connected app, as Slack does over Socket Mode. */
  void slashCommand(String envelopeId, String command, String text, String user, String trigger) {
    client.send(
        """
        {"envelope_id":"%s","type":"slash_commands","accepts_response_payload":true,
         "payload":{"command":"%s","text":"%s","team_id":"T-test","team_domain":"acme-sales",
          "channel_id":"C1",
          "user_id":"%s","user_name":"%s","response_url":"http://127.0.0.1:%d/respond",
          "trigger_id":"%s"}}
        """
            .formatted(envelopeId, command, text, user, user, web.getAddress().getPort(), trigger));
  }

  private void api(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestURI().getPath().substring("/api/".length());
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    calls.add(new Call(method, body));
    int port = web.getAddress().getPort();
    if (method.equals("files.completeUploadExternal") && serverErrors.getAndDecrement() > 0) {
      exchange.sendResponseHeaders(503, -1);
      exchange.close();
      return;
    }
    if ((method.equals("files.getUploadURLExternal") && rateLimited.getAndDecrement() > 0)
        || (method.equals("chat.postMessage") && postsRateLimited.getAndDecrement() > 0)) {
      byte[] limited = "{\"ok\":false,\"error\":\"ratelimited\"}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Retry-After", "1");
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(429, limited.length);
      exchange.getResponseBody().write(limited);
      exchange.close();
      return;
    }
    String answer =
        switch (method) {
          case "auth.test" -> "{\"ok\":true,\"team_id\":\"T-test\",\"user_id\":\"UBOT\"}";
          case "apps.connections.open" ->
              "{\"ok\":true,\"url\":\"ws://127.0.0.1:" + socket.getPort() + "/link/?ticket=x\"}";
          case "users.info" ->
              body.contains("UADMIN")
                  ? "{\"ok\":true,\"user\":{\"id\":\"UADMIN\",\"name\":\"lisa\","
                      + "\"is_admin\":true,\"is_owner\":false,\"profile\":{\"display_name\":"
                      + "\"Lisa\"}}}"
                  : "{\"ok\":true,\"user\":{\"id\":\"U1\",\"name\":\"anna\",\"is_admin\":false,"
                      + "\"is_owner\":false,\"profile\":{\"display_name\":\"Anna de Vries\"}}}";
          case "files.getUploadURLExternal" ->
              "{\"ok\":true,\"upload_url\":\"http://127.0.0.1:"
                  + port
                  + "/upload/F1\","
                  + "\"file_id\":\"F1\"}";
          case "chat.postMessage" ->
              goneChannels.contains(channelOf(body))
                  ? "{\"ok\":false,\"error\":\"channel_not_found\"}"
                  : "{\"ok\":true,\"channel\":\"" + channelOf(body) + "\",\"ts\":\"1.0\"}";
          case "conversations.open" ->
              "{\"ok\":true,\"channel\":{\"id\":\"D-" + usersOf(body) + "\"}}";
          case "files.completeUploadExternal" ->
              notInChannel
                  ? "{\"ok\":false,\"error\":\"not_in_channel\"}"
                  : "{\"ok\":true,\"files\":[{\"id\":\"F1\"}]}";
          default -> "{\"ok\":true}";
        };
    answer(exchange, answer);
  }

  /** The channel a form-encoded call names. */
  static String channelOf(String body) {
    return formValue(body, "channel");
  }

  private static String usersOf(String body) {
    return formValue(body, "users");
  }

  static String formValue(String body, String key) {
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).equals(key)) {
        return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  /** The calls of one method, in order. */
  List<Call> calls(String method) {
    return calls.stream().filter(call -> call.method().equals(method)).toList();
  }

  private void upload(HttpExchange exchange) throws IOException {
    uploads.add(exchange.getRequestBody().readAllBytes());
    calls.add(new Call("upload", ""));
    answer(exchange, "OK");
  }

  private static void answer(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() throws Exception {
    web.stop(0);
    socket.stop(1000);
  }
}
