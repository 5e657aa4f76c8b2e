package dev.salesmeter.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Slash commands signed as Slack signs them, posted to a Salesmeter's events path. */
final class SignedSlack {
  static final String EVENTS = "/slack/events";
  private static final Pattern NUMBER = Pattern.compile("#(\\d+)");

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String secret;
  private final FakeWebApi api;

  SignedSlack(String secret, FakeWebApi api) {
    this.secret = secret;
    this.api = api;
  }

  /** A slash command's form body, as Slack posts it. */
  String form(String team, String user, String command, String text, String trigger) {
    return "command="
        + encode(command)
        + "&text="
        + encode(text)
        + "&team_id="
        + encode(team)
        + "&team_domain=reliability&channel_id=C1&user_id="
        + encode(user)
        + "&user_name="
        + encode(user)
        + "&trigger_id="
        + encode(trigger)
        + "&response_url="
        + encode(api.responseUrl(trigger));
  }

  /** A signed request for this body, stamped now. */
  HttpRequest request(int port, String body) {
    long timestamp = Instant.now().getEpochSecond();
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + EVENTS))
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
        .header("X-Slack-Signature", signature(timestamp, body))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> send(int port, String body) throws IOException, InterruptedException {
    return send(request(port, body));
  }

  /**
   * The event number a reply confirms: "Sale #12 logged", or "Already logged … #12". "Logging…"
   * (the store was busy) confirms nothing.
   */
  static Optional<Long> confirmed(HttpResponse<String> response) {
    if (response.statusCode() != 200 || !response.body().contains(" logged")) {
      return Optional.empty();
    }
    Matcher number = NUMBER.matcher(response.body());
    return number.find() ? Optional.of(Long.parseLong(number.group(1))) : Optional.empty();
  }

  /** Whether the answer is "Logging…": the store was busy, the reply follows later. */
  static boolean pending(HttpResponse<String> response) {
    return response.statusCode() == 200 && response.body().contains("Logging…");
  }

  /**
   * The event number a command's answer confirms, waiting for the reply through its response URL
   * where the answer was "Logging…".
   */
  Optional<Long> confirmation(HttpResponse<String> response, String trigger)
      throws InterruptedException {
    if (!pending(response)) {
      return confirmed(response);
    }
    String late = api.lateReply(trigger);
    if (!late.contains(" logged")) {
      return Optional.empty();
    }
    Matcher number = NUMBER.matcher(late);
    return number.find() ? Optional.of(Long.parseLong(number.group(1))) : Optional.empty();
  }

  private String signature(long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "v0="
          + HexFormat.of()
              .formatHex(
                  mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
