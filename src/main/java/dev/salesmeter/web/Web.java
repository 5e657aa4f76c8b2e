package dev.salesmeter.web;

import dev.salesmeter.command.CommandSpec;
import dev.salesmeter.command.Syntax;
import dev.salesmeter.command.Unexpected;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.Figures;
import dev.salesmeter.store.ApiTokens;
import dev.salesmeter.store.Database;
import dev.salesmeter.store.EventLog;
import dev.salesmeter.store.LinkEpochs;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The web routes of the public listener: {@code GET /d/{token}} opens a signed link, {@code
 * /api/v1/…} is the JSON API, and the dashboard's pages ({@code /dashboard…}, {@code /assets/…})
 * are mounted beside them. Every response of the listener carries the security headers set here
 * once, so pages, API answers and error pages alike get them.
 */
public final class Web {
  /** The pages' Content-Security-Policy: nothing but this origin's own scripts, styles, data. */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  private static final Locale DUTCH = Locale.forLanguageTag("nl");

  private final Optional<Links> links;
  private final Epochs epochs;
  private final Viewers viewers;
  private final BearerTokens tokens;
  private final Api api;
  private final boolean secureCookies;
  private final EventLog log;
  private final Clock clock;

  /**
   * @param links the signer of dashboard links; empty when {@code SALESMETER_DASHBOARD_SECRET} is
   *     not set: then no link opens and every page answers 403, while the API still works
   * @param secureCookies whether the session cookie is sent over HTTPS only (the public URL is
   *     https)
   */
  public Web(
      Database database,
      Figures figures,
      EventLog log,
      Optional<Links> links,
      boolean secureCookies,
      Clock clock) {
    this.links = links;
    this.epochs = new Epochs(new LinkEpochs(database), clock);
    this.viewers =
        links
            .<Viewers>map(signer -> new SignedSessions(signer, epochs, clock))
            .orElse(request -> Optional.empty());
    this.tokens = new BearerTokens(new ApiTokens(database), clock);
    this.api = new Api(figures, log, tokens, new ResultJson(), clock);
    this.secureCookies = secureCookies;
    this.log = log;
    this.clock = clock;
  }

  /** Who is looking at a page: the pages answer 403 when nobody is. */
  public Viewers viewers() {
    return viewers;
  }

  /** The signer of links, when the dashboard is on. */
  public Optional<Links> links() {
    return links;
  }

  public Epochs epochs() {
    return epochs;
  }

  public BearerTokens tokens() {
    return tokens;
  }

  /**
   * {@code /dashboard} and {@code /apitoken}, for the registry ({@code app} adds them as it adds
   * {@code /schedule}).
   *
   * @param address where people reach the public listener ({@code http.public-url}), without a
   *     trailing slash; empty when not configured
   * @param notServed the message key that says why this process does not serve the dashboard (a
   *     console); empty when it does
   */
  public List<CommandSpec> commands(Optional<String> address, Optional<String> notServed) {
    return List.of(
        new CommandSpec(
            "dashboard",
            "dashboard",
            Syntax.DASHBOARD,
            Set.of(),
            Set.of(),
            false,
            false,
            new DashboardCommand(links, epochs, address, notServed)),
        new CommandSpec(
            "apitoken",
            "apitoken",
            Syntax.API_TOKEN,
            Set.of(),
            Set.of(),
            false,
            true,
            new ApiTokenCommand(tokens, log)));
  }

  /**
   * Adds the web routes and the headers every response carries.
   *
   * @param pages the dashboard's pages and assets, each added to the same routes
   */
  public void mount(RoutesConfig routes, List<Consumer<RoutesConfig>> pages) {
    routes.before(Web::securityHeaders);
    routes.get("/d/{token}", this::open);
    api.routes(routes);
    pages.forEach(page -> page.accept(routes));
    routes.error(
        404,
        ctx -> {
          if (ctx.path().startsWith("/api")) {
            api.notFound(ctx);
          } else {
            page(ctx, 404, "web.notFound");
          }
        });
    routes.exception(
        Exception.class,
        (failure, ctx) -> {
          String ref = Unexpected.newRef();
          Unexpected.log(ref, ctx.method() + " " + ctx.path(), failure);
          ctx.status(500)
              .contentType("text/plain; charset=utf-8")
              .result("Something went wrong (ref " + ref + ").\n");
        });
  }

  /** The headers of every web response: no referrer, no sniffing, and the pages' policy. */
  static void securityHeaders(Context ctx) {
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  }

  /**
   * Opens a signed link: its signature, expiry and the workspace's current epoch are checked, a
   * session cookie with the same viewer is set, and the browser is sent on to the dashboard at an
   * address without the token (which so leaves the address bar and the history).
   */
  private void open(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    if (links.isEmpty()) {
      page(ctx, 503, "web.off");
      return;
    }
    Instant now = clock.instant();
    Optional<Links.Signed> link =
        links
            .get()
            .readLink(ctx.pathParam("token"), now)
            .filter(signed -> epochs.isCurrent(signed.viewer().workspace(), signed.epoch()));
    if (link.isEmpty()) {
      page(ctx, 403, "web.forbidden");
      return;
    }
    Viewer viewer = link.get().viewer();
    long maxAge = Math.max(1, Duration.between(now, viewer.expires()).getSeconds());
    ctx.header(
        "Set-Cookie",
        SignedSessions.COOKIE
            + "="
            + links.get().session(link.get())
            + "; Max-Age="
            + maxAge
            + "; Path=/; HttpOnly; SameSite=Strict"
            + (secureCookies ? "; Secure" : ""));
    ctx.redirect(
        viewer.role() == Viewer.Role.SCREEN ? "/dashboard?tv" : "/dashboard", HttpStatus.SEE_OTHER);
  }

  /**
   * A short page in English and Dutch at once: where it answers, the workspace is unknown (or must
   * not be told), so it says nothing of any workspace.
   */
  static void page(Context ctx, int status, String key) {
    StringBuilder html =
        new StringBuilder(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>Salesmeter</title></head><body>\n");
    for (Locale locale : List.of(Locale.ENGLISH, DUTCH)) {
      Messages messages = Messages.of(locale);
      String lang = locale.getLanguage();
      html.append("<h1 lang=\"")
          .append(lang)
          .append("\">")
          .append(messages.get(key + ".title"))
          .append("</h1>\n<p lang=\"")
          .append(lang)
          .append("\">")
          .append(messages.get(key + ".text"))
          .append("</p>\n");
    }
    html.append("</body></html>\n");
    ctx.status(status).contentType("text/html; charset=utf-8").result(html.toString());
  }
}
