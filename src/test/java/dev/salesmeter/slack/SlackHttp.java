package dev.salesmeter.slack;

import com.slack.api.bolt.App;
import dev.salesmeter.app.SlackRoute;
import dev.salesmeter.http.HttpListener;
import java.time.Clock;

/**
 * Slack's events path on a listener with the standard limits, on a free port, as {@code app} mounts
 * it.
 */
final class SlackHttp {
  static final String EVENTS = "/slack/events";

  private SlackHttp() {}

  static HttpListener start(App app) {
    SlackHttpHandler handler = new SlackHttpHandler(app, Clock.systemUTC());
    return HttpListener.start(
        "http-public",
        "127.0.0.1",
        0,
        HttpListener.Limits.standard(),
        routes -> SlackRoute.mount(routes, EVENTS, handler));
  }
}
