package dev.salesmeter.app;

import dev.salesmeter.figure.Figures;
import dev.salesmeter.http.HttpListener;
import dev.salesmeter.scorecard.Scorecard;
import dev.salesmeter.store.EventLog;
import dev.salesmeter.store.RepRoster;
import dev.salesmeter.web.DashboardPages;
import dev.salesmeter.web.Links;
import dev.salesmeter.web.Web;
import io.javalin.config.RoutesConfig;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one public listener of a process ({@code http.port}, {@code http.bind}): Slack's events path
 * when Slack runs in HTTP mode, and in every mode the web's routes: the dashboard's links and
 * pages, and the JSON API. The dashboard's secret is read here too.
 */
final class PublicListener {
  /** The environment variable of the dashboard's signing secret (never a config key). */
  static final String SECRET = "SALESMETER_DASHBOARD_SECRET";

  private PublicListener() {}

  /**
   * The dashboard's pages and assets ({@code /dashboard…}, {@code /assets/…}), mounted beside the
   * links and the API. Each page answers 403 when {@code web.viewers()} finds nobody.
   */
  static List<Consumer<RoutesConfig>> pages(
      Web web, Figures figures, EventLog log, RepRoster roster, Clock clock) {
    DashboardPages pages = new DashboardPages(figures, new Scorecard(figures), log, roster, clock);
    return List.of(routes -> pages.mount(routes, web.viewers()));
  }

  /**
   * The signer of dashboard links, from {@code SALESMETER_DASHBOARD_SECRET}; empty when it is not
   * set (the dashboard is off). An empty or short secret stops the start: it would sign links that
   * anyone could forge.
   */
  static Optional<Links> links(Map<String, String> environment) {
    String secret = environment.get(SECRET);
    if (secret == null) {
      return Optional.empty();
    }
    String whatToDo =
        "set it to at least "
            + Links.MIN_SECRET_LENGTH
            + " random characters (e.g. openssl rand -base64 32), the same on every replica, or"
            + " unset it to run without the dashboard";
    if (secret.isBlank()) {
      throw new ConfigException(SECRET + " is empty", whatToDo);
    }
    if (secret.strip().length() < Links.MIN_SECRET_LENGTH) {
      throw new ConfigException(
          SECRET + " is only " + secret.strip().length() + " characters long", whatToDo);
    }
    return Optional.of(new Links(secret));
  }

  /**
   * Starts the listener.
   *
   * @param key the setting that chose the port, which a port in use names ({@code http.port})
   * @param slack Slack's events path, when Slack runs in HTTP mode
   * @throws ConfigException when the address cannot be listened on
   */
  static HttpListener start(
      String key,
      String bind,
      int port,
      Web web,
      List<Consumer<RoutesConfig>> pages,
      Optional<Consumer<RoutesConfig>> slack) {
    try {
      return HttpListener.start(
          "http-public",
          bind,
          port,
          HttpListener.Limits.standard(),
          routes -> {
            slack.ifPresent(route -> route.accept(routes));
            web.mount(routes, pages);
          });
    } catch (HttpListener.CannotListen e) {
      throw StartupFailures.bindFailure(key, new InetSocketAddress(bind, port), e);
    }
  }
}
