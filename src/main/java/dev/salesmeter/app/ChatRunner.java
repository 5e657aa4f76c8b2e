package dev.salesmeter.app;

import dev.salesmeter.command.CommandRegistry;
import dev.salesmeter.command.Commands;
import dev.salesmeter.command.Suggestions;
import dev.salesmeter.core.Platform;
import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.figure.Figures;
import dev.salesmeter.http.HttpListener;
import dev.salesmeter.http.Management;
import dev.salesmeter.http.MicrometerMetrics;
import dev.salesmeter.schedule.Poster;
import dev.salesmeter.schedule.Scheduler;
import dev.salesmeter.schedule.Schedules;
import dev.salesmeter.store.Database;
import dev.salesmeter.store.EventLog;
import dev.salesmeter.store.RepRoster;
import dev.salesmeter.store.ScheduleStore;
import dev.salesmeter.web.Links;
import dev.salesmeter.web.Web;
import io.javalin.config.RoutesConfig;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Salesmeter on the chat platforms whose tokens are set (Slack, Discord or both), on one database,
 * with the scheduler posting to them, until the process is stopped.
 */
final class ChatRunner {
  /** How often the scheduler looks for due runs. */
  private static final Duration TICK = Duration.ofSeconds(20);

  private ChatRunner() {}

  /** Whether a chat platform's token is set: else the console starts. */
  static boolean configured(Map<String, String> environment) {
    return environment.get("SLACK_BOT_TOKEN") != null
        || environment.get("DISCORD_BOT_TOKEN") != null;
  }

  static int run(Config config, Map<String, String> environment) throws Exception {
    WorkspaceSettings defaults = config.workspace().settings();
    checkSecrets(config, environment);
    Optional<Links> links = PublicListener.links(environment);
    Optional<String> publicUrl = config.publicUrl();
    Clock clock = Clock.system(defaults.zone());
    Deque<AutoCloseable> running = new ArrayDeque<>();
    try (Database database = StartupFailures.openDatabase(config.database(), environment)) {
      EventLog log = new EventLog(database, defaults, clock);
      Figures figures = Figures.standard(database);
      Web web =
          new Web(
              database,
              figures,
              log,
              links,
              publicUrl.filter(url -> url.startsWith("https://")).isPresent(),
              clock);
      CommandRegistry registry =
          ConsoleRunner.registry(database, figures, log, web.commands(publicUrl, Optional.empty()));
      MicrometerMetrics metrics = new MicrometerMetrics();
      metrics.gauge(
          "salesmeter.write.queue", "writes waiting for the one writer", database::writesWaiting);
      RepRoster roster = new RepRoster(database);
      Commands commands = new Commands(registry, log, roster, clock, metrics);
      ScheduleStore schedules = new ScheduleStore(database);
      seed(config, schedules, log, clock);
      Map<Platform, Poster> posters = new EnumMap<>(Platform.class);
      List<Management.Connection> connections = new ArrayList<>();
      Optional<Consumer<RoutesConfig>> slackRoute = Optional.empty();
      try {
        if (environment.get("SLACK_BOT_TOKEN") != null) {
          Connected slack = SlackRunner.start(config, environment, commands, clock);
          running.push(slack.connection());
          posters.put(Platform.SLACK, slack.poster());
          connections.addAll(slack.readiness());
          slackRoute = slack.route();
        }
        if (environment.get("DISCORD_BOT_TOKEN") != null) {
          Connected discord =
              DiscordRunner.start(
                  config, environment, commands, new Suggestions(registry, log, figures, clock));
          running.push(discord.connection());
          posters.put(Platform.DISCORD, discord.poster());
          connections.addAll(discord.readiness());
        }
        HttpListener listener =
            PublicListener.start(
                "http.port",
                config.httpBind(),
                config.httpPort(),
                web,
                PublicListener.pages(web, database, figures, log, clock),
                slackRoute);
        running.push(listener);
        if (slackRoute.isPresent()) {
          System.err.printf(
              "Salesmeter in Slack (HTTP mode) on %s:%d%s; database %s.%n",
              config.httpBind(),
              listener.port(),
              config.slack().http().path(),
              config.database().described());
        }
        System.err.printf(
            "Dashboard and JSON API on %s:%d (%s).%n",
            config.httpBind(),
            listener.port(),
            links.isEmpty()
                ? "the dashboard is off: " + PublicListener.SECRET + " is not set"
                : publicUrl
                    .map(url -> "links start with " + url)
                    .orElse("http.public-url is not set: /dashboard cannot hand out links"));
        if (config.management().enabled()) {
          running.push(management(config, database, connections, metrics));
        }
        Scheduler scheduler =
            Schedules.scheduler(
                schedules, log, commands, posters, config.nudges().repeatDays(), clock);
        running.push(scheduler.start(TICK));
        Thread.currentThread().join();
      } finally {
        while (!running.isEmpty()) {
          running.pop().close();
        }
      }
    }
    return 0;
  }

  /** The management listener: {@code /healthz}, {@code /readyz}, {@code /metrics}. */
  static HttpListener management(
      Config config,
      Database database,
      List<Management.Connection> connections,
      MicrometerMetrics metrics) {
    Management management = new Management(database::probeWrite, connections, metrics);
    HttpListener listener;
    try {
      listener =
          HttpListener.start(
              "http-management",
              config.management().bind(),
              config.management().port(),
              HttpListener.Limits.standard(),
              management::routes);
    } catch (HttpListener.CannotListen e) {
      throw StartupFailures.bindFailure(
          "management.port",
          new InetSocketAddress(config.management().bind(), config.management().port()),
          e);
    }
    System.err.printf(
        "Health, readiness and metrics on http://%s:%d/ (healthz, readyz, metrics).%n",
        config.management().bind(), listener.port());
    return listener;
  }

  /**
   * Every secret the configured platforms need, before anything is opened: an empty one (a
   * deployment that sets {@code SLACK_SIGNING_SECRET=} from a missing secret) stops the start.
   */
  static void checkSecrets(Config config, Map<String, String> environment) {
    if (environment.get("SLACK_BOT_TOKEN") != null) {
      requireSecret(
          environment,
          "SLACK_BOT_TOKEN",
          "set it to the bot token (xoxb-…, the Slack app's Install App page), or unset it to run"
              + " without Slack");
      if (config.slack().mode().equals("http")) {
        requireSecret(
            environment,
            "SLACK_SIGNING_SECRET",
            "slack.mode is http: set it to the signing secret (the Slack app's Basic Information,"
                + " App Credentials)");
      } else {
        requireSecret(
            environment,
            "SLACK_APP_TOKEN",
            "slack.mode is socket: set it to an app-level token with connections:write (xapp-…),"
                + " or use slack.mode http");
      }
    }
    if (environment.get("DISCORD_BOT_TOKEN") != null) {
      requireSecret(
          environment,
          "DISCORD_BOT_TOKEN",
          "set it to the bot's token (Developer Portal, Bot, Reset Token), or unset it to run"
              + " without Discord");
    }
  }

  private static void requireSecret(Map<String, String> environment, String name, String whatToDo) {
    String value = environment.get(name);
    if (value == null) {
      throw new ConfigException(name + " is not set", whatToDo);
    }
    if (value.isBlank()) {
      throw new ConfigException(name + " is empty", whatToDo);
    }
  }

  /** The schedules of the configuration that were never set (see {@link Schedules#seed}). */
  private static void seed(Config config, ScheduleStore schedules, EventLog log, Clock clock) {
    for (Config.ScheduleSeed seed : config.schedules()) {
      try {
        Schedules.seed(
            schedules,
            log,
            new WorkspaceId(seed.workspace()),
            Platform.valueOf(seed.platform().toUpperCase(Locale.ROOT)),
            seed.channel(),
            seed.routine(),
            seed.when(),
            clock);
      } catch (IllegalArgumentException e) {
        throw new ConfigException("schedules: " + e.getMessage(), ConfigException.FIX_THE_KEY);
      }
    }
  }
}
