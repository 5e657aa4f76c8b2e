package dev.salesmeter.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.PeriodPhrase;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.Drilldown;
import dev.salesmeter.figure.Figure;
import dev.salesmeter.figure.FigureAnswer;
import dev.salesmeter.figure.FigureQuery;
import dev.salesmeter.figure.FigureResult;
import dev.salesmeter.figure.Figures;
import dev.salesmeter.scorecard.Scorecard;
import dev.salesmeter.store.EventLog;
import dev.salesmeter.store.Rep;
import dev.salesmeter.store.RepRoster;
import dev.salesmeter.web.DashboardView.Choice;
import dev.salesmeter.web.DashboardView.FigureCard;
import dev.salesmeter.web.DashboardView.Form;
import dev.salesmeter.web.DashboardView.Line;
import dev.salesmeter.web.DashboardView.ScorecardView;
import dev.salesmeter.web.DashboardView.Section;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dashboard in the browser: one page per workspace with the scorecard of a chosen week and
 * every figure for a chosen period (the team's or one rep's), each figure's chart data as its own
 * JSON request, the events behind each number, and the scripts and styles it needs. The workspace
 * is always the viewer's, from their session; nothing in a request names it.
 *
 * <ul>
 *   <li>{@code GET /dashboard?period=…&rep=…&week=…[&tv]}: the page; a period or rep it cannot read
 *       is said next to its field (400), with the form;
 *   <li>{@code GET /dashboard/charts/{figure}?period=…&rep=…}: the figure's chart as {@link
 *       ChartData};
 *   <li>{@code GET /dashboard/drill/{figure}?period=…&rep=…[&format=csv&table=n]}: what the
 *       figure's number is made of (not for screens: 403);
 *   <li>{@code GET /assets/{name}}: the scripts and the style sheet ({@link Assets}).
 * </ul>
 */
public final class DashboardPages {
  /** A period or rep longer than this is not read (and is shortened where it is echoed). */
  private static final int LONGEST_INPUT = 100;

  private static final int ECHOED = 40;
  private static final int QUARTERS_OFFERED = 8;
  private static final int YEARS_OFFERED = 5;

  /**
   * Computes a page's figures side by side: three threads, as many as the store has connections for
   * reading besides its writer's. Idle threads end, so a process without visitors holds none.
   */
  private static final ExecutorService FIGURES = figurePool();

  private final List<Figure<?>> figures;
  private final Scorecard scorecard;
  private final EventLog log;
  private final RepRoster roster;
  private final Results results;
  private final Clock clock;
  private final Assets assets = new Assets();
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param log the workspace's settings (language, time zone, currency)
   * @param roster the workspace's reps, for the rep filter
   * @param results where the figures' results are kept until the workspace's next event
   * @param clock the time of each question ("this month", a running period)
   */
  public DashboardPages(
      Figures figures,
      Scorecard scorecard,
      EventLog log,
      RepRoster roster,
      Results results,
      Clock clock) {
    this(figures.all(), scorecard, log, roster, results, clock);
  }

  /** With other figures: tests stand a figure's drill-down in. */
  DashboardPages(
      List<Figure<?>> figures,
      Scorecard scorecard,
      EventLog log,
      RepRoster roster,
      Results results,
      Clock clock) {
    this.figures = List.copyOf(figures);
    this.scorecard = scorecard;
    this.log = log;
    this.roster = roster;
    this.results = results;
    this.clock = clock;
  }

  public void mount(RoutesConfig routes, Viewers viewers) {
    routes.get("/dashboard", ctx -> viewer(ctx, viewers).ifPresent(v -> page(ctx, v)));
    routes.get(
        "/dashboard/charts/{figure}", ctx -> viewer(ctx, viewers).ifPresent(v -> chart(ctx, v)));
    routes.get(
        "/dashboard/drill/{figure}", ctx -> viewer(ctx, viewers).ifPresent(v -> drill(ctx, v)));
    routes.get("/assets/{name}", this::asset);
  }

  /** The viewer, or a 403 that names no workspace (in both languages: whose is unknown). */
  private static Optional<Viewer> viewer(Context ctx, Viewers viewers) {
    Optional<Viewer> viewer = viewers.of(ctx);
    if (viewer.isEmpty()) {
      noStore(ctx);
      ctx.status(403)
          .contentType("text/plain; charset=utf-8")
          .result(
              Messages.SUPPORTED.stream()
                      .map(locale -> Messages.of(locale).get("dashboard.forbidden"))
                      .reduce((a, b) -> a + "\n" + b)
                      .orElseThrow()
                  + "\n");
    }
    return viewer;
  }

  /** What a request asks, read in the viewer's workspace, with what could not be read. */
  private record Question(
      Period period,
      String periodText,
      Optional<String> periodError,
      Optional<Rep> rep,
      String repId,
      Optional<String> repError,
      Period week,
      String weekText,
      Optional<String> weekError) {
    boolean valid() {
      return periodError.isEmpty() && repError.isEmpty() && weekError.isEmpty();
    }

    /** The query string of the period and rep, for the chart, drill-down and page links. */
    String periodAndRep() {
      return "period=" + encode(periodText) + (repId.isEmpty() ? "" : "&rep=" + encode(repId));
    }
  }

  /** The request's workspace settings, clock and reps, read once per request. */
  private record Asked(
      Viewer viewer,
      WorkspaceSettings settings,
      Formats formats,
      Instant now,
      LocalDate today,
      long lastEvent,
      List<Rep> reps,
      Question question) {
    FigureQuery query(Period period) {
      return new FigureQuery(viewer.workspace(), settings, period, question.rep(), now);
    }
  }

  private Asked asked(Context ctx, Viewer viewer) {
    WorkspaceSettings settings = log.settings(viewer.workspace());
    Formats formats = Formats.of(settings);
    // Asked at the whole minute, as the page says ("as of 17:00"), so that its results can be kept.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
    LocalDate today = LocalDate.ofInstant(now, settings.zone());
    List<Rep> reps = roster.after(viewer.workspace(), 0);
    long lastEvent = results.lastEvent(viewer.workspace());
    return new Asked(
        viewer,
        settings,
        formats,
        now,
        today,
        lastEvent,
        reps,
        question(ctx, formats, today, reps));
  }

  private static Question question(Context ctx, Formats formats, LocalDate today, List<Rep> reps) {
    Messages messages = formats.messages();
    String from = param(ctx, "from");
    String to = param(ctx, "to");
    String periodText = from.isEmpty() && to.isEmpty() ? param(ctx, "period") : from + ".." + to;
    if (periodText.isEmpty()) {
      periodText = messages.get("dashboard.thisMonth");
    }
    Optional<Period> period = read(periodText, today);
    Optional<String> periodError =
        period.isPresent()
            ? Optional.empty()
            : Optional.of(messages.get("error.periodInvalid", echo(periodText)));

    String repId = param(ctx, "rep");
    Optional<Rep> rep = reps.stream().filter(r -> r.platformUserId().equals(repId)).findFirst();
    Optional<String> repError =
        repId.isEmpty() || rep.isPresent()
            ? Optional.empty()
            : Optional.of(messages.get("error.unknownRep", echo(repId)));

    String weekText = param(ctx, "week");
    Period week = Scorecard.lastFullWeek(today);
    Optional<String> weekError = Optional.empty();
    if (!weekText.isEmpty()) {
      Optional<Period> asked = read(weekText, today);
      if (asked.isEmpty() || asked.get().unit() != Period.Unit.WEEK) {
        weekError = Optional.of(messages.get("error.notAWeek", echo(weekText)));
      } else if (asked.get().start().isAfter(today)) {
        weekError = Optional.of(messages.get("error.weekFuture", formats.period(asked.get())));
      } else {
        week = asked.get();
      }
    }
    return new Question(
        period.orElse(Period.month(today.getYear(), today.getMonthValue())),
        shortened(periodText),
        periodError,
        rep,
        shortened(repId),
        repError,
        week,
        shortened(weekText),
        weekError);
  }

  private static Optional<Period> read(String text, LocalDate today) {
    return text.length() > LONGEST_INPUT ? Optional.empty() : PeriodPhrase.read(text, today);
  }

  // ---- the page

  private void page(Context ctx, Viewer viewer) {
    Asked asked = asked(ctx, viewer);
    Question question = asked.question();
    boolean tv = ctx.queryParamMap().containsKey("tv");
    Optional<ScorecardView> scorecardView = Optional.empty();
    List<FigureCard> cards = List.of();
    if (question.valid()) {
      // The figures read the database independently: computed side by side, the page takes about
      // as long as its slowest figure rather than the sum of them all.
      Future<ScorecardView> scorecardSoon = FIGURES.submit(() -> scorecard(asked));
      boolean drill = viewer.mayDrillDown() && !tv;
      List<Future<FigureCard>> cardsSoon =
          figures.stream().map(figure -> FIGURES.submit(() -> card(asked, figure, drill))).toList();
      scorecardView = Optional.of(done(scorecardSoon));
      cards = cardsSoon.stream().map(DashboardPages::done).toList();
    }
    Formats formats = asked.formats();
    // Where the question could not be read, it is about nothing yet.
    String heading =
        question.valid()
            ? formats.period(question.period())
                + question.rep().map(rep -> " · " + rep.displayName()).orElse("")
            : "";
    DashboardView view =
        new DashboardView(
            formats.messages(),
            formats.locale().getLanguage(),
            asked.settings().name(),
            heading,
            formats.messages().get("dashboard.updated", formats.dateTime(asked.now())),
            form(asked, tv),
            scorecardView,
            cards,
            tv,
            assets.urls());
    noStore(ctx);
    ctx.status(question.valid() ? 200 : 400).html(render("dashboard.jte", view));
  }

  private FigureCard card(Asked asked, Figure<?> figure, boolean drill) {
    Computed<?> computed = computed(figure, asked.query(asked.question().period()), asked);
    String name = figure.name();
    String query = asked.question().periodAndRep();
    return new FigureCard(
        name,
        asked.formats().messages().get("dashboard.figure." + name),
        new KeyNumbers(asked.formats()).of(computed.result()),
        Arrays.asList(computed.answer().text().split("\n")),
        computed.answer().chart().isPresent()
            ? Optional.of("/dashboard/charts/" + name + "?" + query)
            : Optional.empty(),
        drill ? Optional.of("/dashboard/drill/" + name + "?" + query) : Optional.empty());
  }

  /** A figure's result and its answer in words (whose chart is drawn only when asked for). */
  private record Computed<R extends FigureResult>(R result, FigureAnswer answer) {}

  private <R extends FigureResult> Computed<R> computed(
      Figure<R> figure, FigureQuery query, Asked asked) {
    R result = results.of(figure, query, asked.lastEvent());
    return new Computed<>(result, figure.render(result, asked.formats()));
  }

  /**
   * The scorecard in its own words: its text's first paragraph introduces it, each further one is a
   * section with its heading; a line "Revenue: €20,190 — ▲ …" is split at its dash so the number
   * can stand out.
   */
  private ScorecardView scorecard(Asked asked) {
    FigureAnswer answer =
        scorecard.render(
            results.of(
                scorecard,
                new FigureQuery(
                    asked.viewer().workspace(),
                    asked.settings(),
                    asked.question().week(),
                    Optional.empty(),
                    asked.now()),
                asked.lastEvent()),
            asked.formats());
    List<String> intro = new ArrayList<>();
    List<Section> sections = new ArrayList<>();
    for (String paragraph : answer.text().split("\n\n")) {
      List<String> lines = paragraph.lines().toList();
      if (intro.isEmpty() && sections.isEmpty()) {
        intro.addAll(lines);
      } else if (!lines.isEmpty()) {
        sections.add(
            new Section(
                lines.get(0),
                lines.subList(1, lines.size()).stream().map(DashboardPages::line).toList()));
      }
    }
    return new ScorecardView(answer.title(), intro, sections);
  }

  private static Line line(String text) {
    int dash = text.indexOf(" — ");
    return dash < 0
        ? new Line(text, "")
        : new Line(text.substring(0, dash), text.substring(dash + " — ".length()));
  }

  private static Form form(Asked asked, boolean tv) {
    Question question = asked.question();
    Period period = question.period();
    LocalDate today = asked.today();
    Messages messages = asked.formats().messages();
    List<Choice> reps = new ArrayList<>();
    reps.add(new Choice("", messages.get("dashboard.team"), question.rep().isEmpty()));
    asked.reps().stream()
        .sorted((a, b) -> a.displayName().compareToIgnoreCase(b.displayName()))
        .forEach(
            rep ->
                reps.add(
                    new Choice(
                        rep.platformUserId(),
                        rep.displayName(),
                        rep.platformUserId().equals(question.repId()))));
    List<Choice> quarters = new ArrayList<>();
    Period quarter = Period.quarter(today.getYear(), today.get(IsoFields.QUARTER_OF_YEAR));
    for (int i = 0; i < QUARTERS_OFFERED; i++) {
      int number = quarter.start().get(IsoFields.QUARTER_OF_YEAR);
      int year = quarter.start().getYear();
      quarters.add(
          new Choice(
              year + "-Q" + number,
              "Q" + number + " " + year,
              question.periodError().isEmpty() && period.equals(quarter)));
      quarter = quarter.previous();
    }
    List<Choice> years = new ArrayList<>();
    for (int year = today.getYear(); year > today.getYear() - YEARS_OFFERED; year--) {
      years.add(
          new Choice(
              Integer.toString(year),
              Integer.toString(year),
              question.periodError().isEmpty() && period.equals(Period.year(year))));
    }
    LocalDate monthShown =
        period.unit() == Period.Unit.MONTH ? period.start() : today.withDayOfMonth(1);
    String isoWeek =
        String.format(
            Locale.ROOT,
            "%d-W%02d",
            question.week().start().get(IsoFields.WEEK_BASED_YEAR),
            question.week().start().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    boolean range = period.unit() == Period.Unit.DAYS;
    String here =
        "/dashboard?"
            + question.periodAndRep()
            + (question.weekText().isEmpty() ? "" : "&week=" + encode(question.weekText()));
    return new Form(
        question.periodText(),
        question.periodError(),
        question.repId(),
        question.repError(),
        reps,
        question.weekText(),
        question.weekError(),
        quarters,
        years,
        String.format(Locale.ROOT, "%d-%02d", monthShown.getYear(), monthShown.getMonthValue()),
        isoWeek,
        range ? period.start().toString() : "",
        range ? period.end().toString() : "",
        tv ? here : here + "&tv");
  }

  // ---- the charts' data

  private void chart(Context ctx, Viewer viewer) {
    noStore(ctx);
    Optional<Figure<?>> figure = figure(ctx);
    Asked asked = asked(ctx, viewer);
    Messages messages = asked.formats().messages();
    if (figure.isEmpty()) {
      json(ctx, 404, new Problem(messages.get("dashboard.unknownFigure", echo(figureName(ctx)))));
      return;
    }
    Question question = asked.question();
    if (question.periodError().isPresent() || question.repError().isPresent()) {
      json(ctx, 400, new Problem(question.periodError().or(question::repError).orElseThrow()));
      return;
    }
    Computed<?> computed = computed(figure.get(), asked.query(question.period()), asked);
    json(
        ctx,
        200,
        computed.answer().chart().isPresent()
            ? ChartData.of(computed.result(), asked.formats(), asked.settings().currency())
            : ChartData.NONE);
  }

  /** An error as JSON, for a script. */
  record Problem(String error) {}

  private void json(Context ctx, int status, Object body) {
    try {
      ctx.status(status)
          .contentType("application/json; charset=utf-8")
          .result(json.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- the drill-down

  private void drill(Context ctx, Viewer viewer) {
    noStore(ctx);
    if (!viewer.mayDrillDown()) {
      // Refused before the question is read: a screen's link never reaches the events.
      text(
          ctx,
          403,
          Formats.of(log.settings(viewer.workspace())).messages().get("dashboard.drillForbidden"));
      return;
    }
    Asked asked = asked(ctx, viewer);
    Messages messages = asked.formats().messages();
    Optional<Figure<?>> figure = figure(ctx);
    if (figure.isEmpty()) {
      text(ctx, 404, messages.get("dashboard.unknownFigure", echo(figureName(ctx))));
      return;
    }
    Question question = asked.question();
    if (question.periodError().isPresent() || question.repError().isPresent()) {
      text(ctx, 400, question.periodError().or(question::repError).orElseThrow());
      return;
    }
    String name = figure.get().name();
    Drilldown drill = figure.get().drill(asked.query(question.period()));
    DrillTables tables = new DrillTables(asked.formats());
    String base = "/dashboard/drill/" + name + "?" + question.periodAndRep();
    if ("csv".equals(ctx.queryParam("format"))) {
      csv(ctx, asked, name, drill, tables);
      return;
    }
    String heading =
        messages.get(
            "dashboard.drill.title",
            messages.get("dashboard.figure." + name)
                + " — "
                + asked.formats().period(question.period())
                + question.rep().map(rep -> " · " + rep.displayName()).orElse(""));
    DrillView view =
        new DrillView(
            messages,
            asked.formats().locale().getLanguage(),
            heading,
            "/dashboard?" + question.periodAndRep(),
            tables.views(drill, i -> base + "&format=csv&table=" + i),
            assets.urls());
    ctx.html(render("drill.jte", view));
  }

  private static void csv(
      Context ctx, Asked asked, String name, Drilldown drill, DrillTables tables) {
    Messages messages = asked.formats().messages();
    int index;
    try {
      index = Integer.parseInt(Optional.ofNullable(ctx.queryParam("table")).orElse("0"));
    } catch (NumberFormatException e) {
      index = -1;
    }
    if (index < 0 || index >= drill.tables().size()) {
      text(ctx, 404, messages.get("dashboard.drill.empty"));
      return;
    }
    Drilldown.Table table = drill.tables().get(index);
    Period period = asked.question().period();
    String file =
        String.join(
                "-",
                name,
                table.key(),
                period.start().toString(),
                period.end().toString(),
                asked.question().repId())
            .replaceAll("[^A-Za-z0-9._-]+", "_")
            .replaceAll("-$", "");
    // A byte-order mark, so that spreadsheets read the file as UTF-8 (€, ë) and not as the
    // machine's code page.
    ctx.status(200)
        .contentType("text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"")
        .result(("\uFEFF" + tables.csv(table)).getBytes(StandardCharsets.UTF_8));
  }

  // ---- the assets

  private void asset(Context ctx) {
    Optional<Assets.Asset> asset = assets.find(ctx.pathParam("name"));
    if (asset.isEmpty()) {
      ctx.status(404).contentType("text/plain; charset=utf-8").result("404 Not Found\n");
      return;
    }
    ctx.header("Cache-Control", "public, max-age=31536000, immutable")
        .contentType(asset.get().contentType())
        .result(asset.get().bytes());
  }

  // ---- helpers

  private static ExecutorService figurePool() {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            3,
            3,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread = new Thread(task, "dashboard-figures-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** A computed part of the page; its failure is the request's. */
  private static <T> T done(Future<T> soon) {
    try {
      return soon.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while computing the dashboard", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private Optional<Figure<?>> figure(Context ctx) {
    String name = figureName(ctx);
    return figures.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  private static String figureName(Context ctx) {
    return ctx.pathParam("figure");
  }

  private String render(String template, Object model) {
    StringOutput out = new StringOutput();
    templates.render(template, model, out);
    return out.toString();
  }

  /** A query parameter, stripped; empty where it is missing. */
  private static String param(Context ctx, String name) {
    String value = ctx.queryParam(name);
    return value == null ? "" : value.strip();
  }

  /** Input too long to be read is shown back as it is echoed: it is wrong either way. */
  private static String shortened(String input) {
    return input.length() > LONGEST_INPUT ? echo(input) : input;
  }

  /** Input echoed in an error: shortened, so that a 10 kB value does not fill the page. */
  private static String echo(String input) {
    return input.length() <= ECHOED ? input : input.substring(0, ECHOED) + "…";
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Pages hold a workspace's figures: no cache keeps them. */
  private static void noStore(Context ctx) {
    ctx.header("Cache-Control", "no-store");
  }

  private static void text(Context ctx, int status, String message) {
    ctx.status(status).contentType("text/plain; charset=utf-8").result(message + "\n");
  }
}
