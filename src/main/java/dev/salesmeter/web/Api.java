package dev.salesmeter.web;

import dev.salesmeter.command.Commands;
import dev.salesmeter.command.InvalidInput;
import dev.salesmeter.command.PeriodParser;
import dev.salesmeter.command.Term;
import dev.salesmeter.command.TextValues;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.RepMention;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.Figure;
import dev.salesmeter.figure.FigureQuery;
import dev.salesmeter.figure.FigureResult;
import dev.salesmeter.figure.Figures;
import dev.salesmeter.figure.leaderboard.LeaderboardFigure;
import dev.salesmeter.scorecard.Scorecard;
import dev.salesmeter.store.ApiToken;
import dev.salesmeter.store.EventLog;
import dev.salesmeter.store.Rep;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON API, read-only, for a workspace's own tools (a BI report, a spreadsheet, a TV screen):
 *
 * <ul>
 *   <li>{@code GET /api/v1/figures/{figure}?period=…&rep=…} (and {@code by=revenue|sales} for the
 *       leaderboard): a figure's typed result;
 *   <li>{@code GET /api/v1/scorecard?week=…}: the weekly scorecard's.
 * </ul>
 *
 * <p>The workspace comes only from the bearer token ({@code /apitoken}). Figure names, periods and
 * reps read exactly as in chat ({@code /kpi revenue last month @anna}), through the same parsers
 * and with the same error texts, in the workspace's language. docs/api.md documents it.
 */
public final class Api {
  private static final String JSON = "application/json; charset=utf-8";

  private final Figures figures;
  private final Scorecard scorecard;
  private final EventLog log;
  private final BearerTokens tokens;
  private final ResultJson json;
  private final Clock clock;

  public Api(Figures figures, EventLog log, BearerTokens tokens, ResultJson json, Clock clock) {
    this.figures = figures;
    this.scorecard = new Scorecard(figures);
    this.log = log;
    this.tokens = tokens;
    this.json = json;
    this.clock = clock;
  }

  /** Adds the API's routes. */
  public void routes(RoutesConfig routes) {
    routes.get("/api/v1/figures/{figure}", this::figure);
    routes.get("/api/v1/scorecard", this::scorecard);
  }

  private void figure(Context ctx) {
    Optional<ApiToken> token = authenticate(ctx);
    if (token.isEmpty()) {
      return;
    }
    WorkspaceSettings settings = log.settings(token.get().workspace());
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, settings.zone());
    String word = ctx.pathParam("figure");
    try {
      Figure<?> figure =
          figures
              .find(word)
              .orElseThrow(
                  () ->
                      new InvalidInput(
                          "error.unknownFigure",
                          word,
                          String.join(", ", figures.all().stream().map(Figure::name).toList())));
      Period period =
          parameter(ctx, "period")
              .map(v -> PeriodParser.parse(TextValues.name(v, Term.PERIOD), today))
              .orElse(Period.month(today.getYear(), today.getMonthValue()));
      Optional<Rep> rep = Optional.empty();
      Optional<String> repName = parameter(ctx, "rep");
      if (repName.isPresent()) {
        String name = TextValues.name(repName.get(), Term.REP);
        rep =
            log.rep(token.get().workspace(), new RepMention(Optional.of(name), name))
                .or(() -> log.rep(token.get().workspace(), RepMention.byName(name)));
        if (rep.isEmpty()) {
          throw new InvalidInput("error.unknownRep", name);
        }
      }
      FigureQuery query = new FigureQuery(token.get().workspace(), settings, period, rep, now);
      FigureResult result;
      Optional<String> by = parameter(ctx, "by");
      if (figure instanceof LeaderboardFigure leaderboard) {
        LeaderboardFigure.Ranking ranking =
            by.map(
                    v ->
                        LeaderboardFigure.Ranking.fromWord(v.strip())
                            .orElseThrow(() -> new InvalidInput("error.apiRanking", v)))
                .orElse(LeaderboardFigure.Ranking.REVENUE);
        result = leaderboard.compute(query, ranking);
      } else if (by.isPresent()) {
        throw new InvalidInput("error.apiByOnlyLeaderboard");
      } else {
        result = figure.compute(query);
      }
      ok(ctx, json.write(result, settings));
    } catch (InvalidInput invalid) {
      badRequest(ctx, invalid, settings, "/api/v1/figures/revenue?period=last%20month&rep=anna");
    }
  }

  private void scorecard(Context ctx) {
    Optional<ApiToken> token = authenticate(ctx);
    if (token.isEmpty()) {
      return;
    }
    WorkspaceSettings settings = log.settings(token.get().workspace());
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, settings.zone());
    try {
      Optional<String> phrase = parameter(ctx, "week");
      Period week =
          phrase
              .map(v -> PeriodParser.parse(TextValues.name(v, Term.PERIOD), today))
              .orElseGet(() -> Scorecard.lastFullWeek(today));
      if (week.unit() != Period.Unit.WEEK) {
        throw new InvalidInput("error.notAWeek", phrase.orElseThrow());
      }
      if (week.start().isAfter(today)) {
        throw new InvalidInput("error.weekFuture", Formats.of(settings).period(week));
      }
      FigureQuery query =
          new FigureQuery(token.get().workspace(), settings, week, Optional.empty(), now);
      ok(ctx, json.write(scorecard.compute(query), settings));
    } catch (InvalidInput invalid) {
      badRequest(ctx, invalid, settings, "/api/v1/scorecard?week=2026-W12");
    }
  }

  /** 404 for a path under /api that is no endpoint: JSON, as a client of the API reads. */
  void notFound(Context ctx) {
    ctx.status(404).contentType(JSON);
    ctx.result(
        json.write(
            error(
                Messages.of(Locale.ENGLISH).get("api.notFound"),
                "/api/v1/figures/revenue?period=last%20month")));
  }

  /** The request's token, or a 401 answered; nothing of any workspace is said without one. */
  private Optional<ApiToken> authenticate(Context ctx) {
    Optional<ApiToken> token = tokens.authenticate(ctx.header("Authorization"));
    if (token.isEmpty()) {
      ctx.status(401).contentType(JSON).header("WWW-Authenticate", "Bearer");
      ctx.result(
          json.write(
              error(
                  Messages.of(Locale.ENGLISH).get("api.unauthorized"),
                  "curl -H \"Authorization: Bearer smt_…\" https://…/api/v1/figures/revenue")));
    }
    return token;
  }

  /** A query parameter given once, or empty; given twice is refused rather than guessed. */
  private static Optional<String> parameter(Context ctx, String name) {
    var values = ctx.queryParams(name);
    if (values.size() > 1) {
      throw new InvalidInput("error.apiParameterTwice", name);
    }
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  private static void ok(Context ctx, String body) {
    ctx.status(200).contentType(JSON).result(body);
  }

  private void badRequest(
      Context ctx, InvalidInput invalid, WorkspaceSettings settings, String example) {
    Formats formats = Formats.of(settings);
    Messages messages = formats.messages();
    Object[] args =
        Arrays.stream(invalid.args())
            .map(
                arg ->
                    arg instanceof Term term
                        ? messages.get(term.key())
                        : arg instanceof String text ? Commands.quoted(text) : arg)
            .toArray();
    ctx.status(400).contentType(JSON);
    ctx.result(json.write(error(messages.get(invalid.key(), args), example)));
  }

  private static Map<String, String> error(String message, String example) {
    Map<String, String> error = new LinkedHashMap<>();
    error.put("error", message);
    error.put("example", example);
    return error;
  }
}
