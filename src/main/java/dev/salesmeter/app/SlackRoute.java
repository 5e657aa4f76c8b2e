package dev.salesmeter.app;

import dev.salesmeter.slack.SlackHttpHandler;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Slack's events path on the HTTP server: translates between Javalin's request and the Slack
 * adapter's plain one, so that neither {@code http} nor {@code slack} knows the other.
 */
public final class SlackRoute {
  private SlackRoute() {}

  public static void mount(RoutesConfig routes, String path, SlackHttpHandler handler) {
    routes.post(path, ctx -> answer(ctx, handler));
  }

  private static void answer(Context ctx, SlackHttpHandler handler) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String name : Collections.list(ctx.req().getHeaderNames())) {
      headers.put(name, Collections.list(ctx.req().getHeaders(name)));
    }
    SlackHttpHandler.Answer answer =
        handler.handle(
            new SlackHttpHandler.Incoming(
                ctx.path(),
                ctx.queryString(),
                headers,
                // Slack signs the bytes; read them as UTF-8 whatever the request claims.
                new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8),
                ctx.ip()));
    answer.headers().forEach((name, values) -> values.forEach(v -> ctx.res().addHeader(name, v)));
    ctx.status(answer.status()).contentType(answer.contentType()).result(answer.body());
  }
}
