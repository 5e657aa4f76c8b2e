// A stand-in for Slack's Web API, to try Salesmeter's HTTP mode without a Slack account:
//   java slack/FakeWebApi.java 8099
// It answers every method with {"ok":true} (auth.test with a team and user, and the file upload
// steps as Slack does), prints each call with the text of each message, and saves each uploaded
// picture as slack-upload-N.png in the working folder.
// See README "Try HTTP mode without Slack". Not used by the tests, which have their own fake.

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

public class FakeWebApi {
  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8099;
    AtomicInteger uploads = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext(
        "/api/",
        exchange -> {
          String method = exchange.getRequestURI().getPath().substring("/api/".length());
          String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String text = value(body, "text");
          System.out.println(
              "Web API call: "
                  + method
                  + (text.isEmpty() ? "" : " to " + value(body, "channel") + ": " + text));
          String answer =
              switch (method) {
                case "auth.test" -> "{\"ok\":true,\"team_id\":\"T-demo\",\"user_id\":\"U-bot\"}";
                case "files.getUploadURLExternal" ->
                    "{\"ok\":true,\"upload_url\":\"http://127.0.0.1:"
                        + port
                        + "/upload/F1\",\"file_id\":\"F1\"}";
                case "files.completeUploadExternal" -> "{\"ok\":true,\"files\":[{\"id\":\"F1\"}]}";
                case "conversations.open" -> "{\"ok\":true,\"channel\":{\"id\":\"D-demo\"}}";
                default -> "{\"ok\":true}";
              };
          answer(exchange, answer);
        });
    server.createContext(
        "/upload/",
        exchange -> {
          Path file = Path.of("slack-upload-" + uploads.incrementAndGet() + ".png");
          Files.write(file, exchange.getRequestBody().readAllBytes());
          System.out.println("Picture uploaded, saved as " + file);
          answer(exchange, "OK");
        });
    server.start();
    System.out.println("Fake Slack Web API on http://127.0.0.1:" + port + "/api/");
  }

  private static String value(String form, String key) {
    for (String pair : form.split("&")) {
      if (pair.startsWith(key + "=")) {
        return URLDecoder.decode(pair.substring(key.length() + 1), StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  private static void answer(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
