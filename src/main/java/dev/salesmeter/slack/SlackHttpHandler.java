package dev.salesmeter.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Slack's HTTP mode, apart from any HTTP server: a request to the events path, as plain values,
 * goes through Bolt, which checks its signature and age (401 otherwise), and comes back as plain
 * values. {@code app} mounts it on the HTTP server.
 *
 * <p>Bolt refuses a request signed more than 5 minutes ago but not one signed in the future; a
 * captured request whose timestamp was set ahead could be replayed until then, so this refuses
 * both.
 */
public final class SlackHttpHandler {

  /** Slack's window for a request's timestamp, both ways. */
  static final Duration TIMESTAMP_WINDOW = Duration.ofMinutes(5);

  /** A request as the HTTP server received it; header names in any case. */
  public record Incoming(
      String path,
      String rawQuery,
      Map<String, List<String>> headers,
      String body,
      String remoteAddress) {}

  /** What to answer. */
  public record Answer(
      int status, String contentType, Map<String, List<String>> headers, String body) {}

  private final App app;
  private final SlackRequestParser parser;
  private final Clock clock;

  public SlackHttpHandler(App app, Clock clock) {
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
    this.clock = clock;
  }

  public Answer handle(Incoming incoming) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(incoming.headers());
    if (signedInTheFuture(headers)) {
      return new Answer(401, "application/json", Map.of(), "{\"error\":\"invalid request\"}");
    }
    try {
      Request<?> request =
          parser.parse(
              SlackRequestParser.HttpRequest.builder()
                  .requestUri(incoming.path())
                  .queryString(QueryStringParser.toMap(incoming.rawQuery()))
                  .headers(new RequestHeaders(headers))
                  .requestBody(incoming.body())
                  .remoteAddress(incoming.remoteAddress())
                  .build());
      return answer(app.run(request));
    } catch (Exception e) {
      // Never a 500, which Slack shows as a bare "dispatch_failed": a short reply with a ref.
      return answer(SlackAdapter.unexpected(e));
    }
  }

  private static Answer answer(Response response) {
    return new Answer(
        response.getStatusCode(),
        response.getContentType() == null ? "text/plain" : response.getContentType(),
        response.getHeaders() == null ? Map.of() : response.getHeaders(),
        response.getBody() == null ? "" : response.getBody());
  }

  private boolean signedInTheFuture(Map<String, List<String>> headers) {
    List<String> values = headers.get(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
    if (values == null || values.isEmpty()) {
      return false; // Bolt refuses it
    }
    try {
      long signedAt = Long.parseLong(values.get(0).strip());
      return signedAt - clock.instant().getEpochSecond() > TIMESTAMP_WINDOW.toSeconds();
    } catch (NumberFormatException e) {
      return false; // Bolt refuses it
    }
  }
}
