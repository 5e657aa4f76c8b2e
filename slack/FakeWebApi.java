// A stand-in for Slack's Web API, to try Salesmeter's HTTP mode without a Slack account:
//   java slack/FakeWebApi.java 8099
// It answers every method with {"ok":true} (auth.test with a team and user) and prints each call.
// See README "Try HTTP mode without Slack". Not used by the tests, which have their own fake.

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

public class FakeWebApi {
  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8099;
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext(
        "/api/",
        exchange -> {
          String method = exchange.getRequestURI().getPath().substring("/api/".length());
          exchange.getRequestBody().readAllBytes();
          System.out.println("Web API call: " + method);
          String answer =
              method.equals("auth.test")
                  ? "{\"ok\":true,\"team_id\":\"T-demo\",\"user_id\":\"U-bot\"}"
                  : "{\"ok\":true}";
          byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    System.out.println("Fake Slack Web API on http://127.0.0.1:" + port + "/api/");
  }
}
