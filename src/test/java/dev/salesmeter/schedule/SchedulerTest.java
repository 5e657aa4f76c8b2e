package dev.salesmeter.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.salesmeter.command.Reply;
import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.core.Platform;
import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.store.Database;
import dev.salesmeter.store.Schedule;
import dev.salesmeter.store.ScheduleStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleListener;
import org.jdbi.v3.core.Handles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * The scheduler with an injected clock and a recording platform, on the real store. The scorecard
 * is scheduled Mondays at 09:00 in Amsterdam; Monday 23 March 2026 09:00 CET is 08:00Z.
 */
@ParameterizedClass
@EnumSource(Database.Engine.class)
final class SchedulerTest {
  @Parameter Database.Engine engine;

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final WorkspaceId WORKSPACE = TestWorkspace.WORKSPACE;

  @TempDir Path folder;
  TestWorkspace team;
  ScheduleStore store;
  MovingClock clock;
  RecordingPoster slack;

  /** A platform that records what it is given, and fails when told to. */
  static final class RecordingPoster implements Poster {
    record Post(String where, Reply reply) {}

    final List<Post> posts = new CopyOnWriteArrayList<>();
    final List<Post> tells = new CopyOnWriteArrayList<>();
    final AtomicInteger failNext = new AtomicInteger();
    volatile boolean channelGone;

    @Override
    public void post(WorkspaceId workspace, String channel, Reply reply, String key)
        throws PostFailure {
      if (channelGone) {
        throw PostFailure.unreachable("channel_not_found");
      }
      if (failNext.getAndDecrement() > 0) {
        throw PostFailure.forNow("HTTP 503");
      }
      posts.add(new Post(channel, reply));
    }

    @Override
    public void tell(WorkspaceId workspace, String user, Reply reply) {
      tells.add(new Post(user, reply));
    }
  }

  @BeforeEach
  void open() {
    // Commands answer as of Monday 6 April 2026, so every week and step of these tests is past.
    team = new TestWorkspace(engine, folder, Locale.ENGLISH, LocalDateTime.of(2026, 4, 6, 12, 0));
    store = new ScheduleStore(team.database());
    team.log().settings(WORKSPACE); // the workspace exists, as after its first command
    clock = new MovingClock("2026-03-22T11:00:00Z"); // Sunday
    slack = new RecordingPoster();
  }

  @AfterEach
  void close() {
    team.close();
  }

  private Scheduler scheduler(ScheduleStore on) {
    return Schedules.scheduler(
        on, team.log(), team.commands(), Map.of(Platform.SLACK, slack), 3, clock);
  }

  /** Sets a schedule in C-sales, as lisa would with /schedule. */
  private Schedule schedule(Schedule.Routine routine, String cron, Instant at) {
    return store.set(WORKSPACE, routine, Platform.SLACK, "C-sales", cron, AMSTERDAM, "lisa", at);
  }

  private Schedule scorecardMondays() {
    return schedule(Schedule.Routine.SCORECARD, "0 9 * * 1", clock.instant());
  }

  @Test
  @DisplayName("a read-only database: each schedule's failed round is one log line, no stack")
  void readOnlyDatabase() {
    scorecardMondays();
    schedule(Schedule.Routine.NUDGES, "0 10 * * 1-5", clock.instant());
    Scheduler scheduler = scheduler(store);
    // The database refuses every write on the connections the store takes from now on.
    team.database()
        .jdbi()
        .getConfig(Handles.class)
        .addListener(
            new HandleListener() {
              @Override
              public void handleCreated(Handle handle) {
                handle.execute(
                    engine == Database.Engine.SQLITE
                        ? "PRAGMA query_only = ON"
                        : "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
              }
            });
    Logger logger = (Logger) LoggerFactory.getLogger(Scheduler.class);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    Level before = logger.getLevel();
    logger.setLevel(Level.INFO);
    logger.addAppender(lines);
    try {
      clock.set("2026-03-23T09:00:20Z"); // both due
      assertThat(scheduler.runDue()).isZero();
    } finally {
      logger.detachAppender(lines);
      logger.setLevel(before);
    }
    assertThat(lines.list)
        .hasSize(2)
        .allSatisfy(
            line -> {
              assertThat(line.getLevel()).isEqualTo(Level.ERROR);
              assertThat(line.getThrowableProxy()).isNull();
              assertThat(line.getFormattedMessage())
                  .containsAnyOf("readonly", "read-only transaction");
            });
    assertThat(slack.posts).isEmpty();
  }

  @Test
  @DisplayName("at the hour: one post of last week's scorecard, then nothing until next week")
  void onTimeOnce() {
    team.log("@anna /sale Acme 4200 date:2026-03-17");
    scorecardMondays();
    Scheduler scheduler = scheduler(store);
    clock.set("2026-03-23T07:59:00Z"); // 08:59 CET
    assertThat(scheduler.runDue()).isZero();
    clock.set("2026-03-23T08:00:20Z");
    assertThat(scheduler.runDue()).isEqualTo(1);
    assertThat(slack.posts).hasSize(1);
    Reply posted = slack.posts.get(0).reply();
    assertThat(slack.posts.get(0).where()).isEqualTo("C-sales");
    assertThat(posted.title()).contains("Scorecard — week 12, 2026 (16–22 Mar)");
    assertThat(posted.text()).doesNotContain("late");
    assertThat(posted.chart()).isPresent(); // the picture goes with the post
    clock.advance(Duration.ofHours(1));
    assertThat(scheduler.runDue()).isZero();
    clock.set("2026-03-30T07:00:10Z"); // Monday 09:00 CEST, summer time now
    assertThat(scheduler.runDue()).isEqualTo(1);
    assertThat(slack.posts.get(1).reply().title())
        .contains("Scorecard — week 13, 2026 (23–29 Mar)");
  }

  @Test
  @DisplayName("the scheduled post is /scorecard of the same week, word for word")
  void sameAsOnDemand() {
    team.log("@anna /sale Acme 4200 date:2026-03-17");
    scorecardMondays();
    clock.set("2026-03-23T08:00:20Z");
    scheduler(store).runDue();
    Reply posted = slack.posts.get(0).reply();
    Reply asked = team.run("/scorecard 2026-W12");
    assertThat(posted.title()).isEqualTo(asked.title());
    assertThat(posted.text()).isEqualTo(asked.text());
    assertThat(posted.fields()).isEqualTo(asked.fields());
    assertThat(posted.context()).isEqualTo(asked.context());
  }

  @Test
  @DisplayName("down at the hour: one late post when it comes back, none after a restart")
  void lateAfterRestart() {
    scorecardMondays();
    clock.set("2026-03-23T10:30:00Z"); // Monday 11:30: started two and a half hours late
    assertThat(scheduler(store).runDue()).isEqualTo(1);
    assertThat(slack.posts.get(0).reply().text())
        .startsWith("Posted late: Salesmeter was not running when this was due (23 Mar 2026 09:00");
    // a restart: a new scheduler on the same database
    clock.advance(Duration.ofMinutes(5));
    assertThat(scheduler(store).runDue()).isZero();
    assertThat(slack.posts).hasSize(1);
  }

  @Test
  @DisplayName("down for two weeks: only the last week due is posted, never an older one")
  void neverAnOlderWeek() {
    clock.set("2026-03-01T11:00:00Z");
    scorecardMondays();
    clock.set("2026-03-18T12:00:00Z"); // Wednesday: Mondays 9 and 16 March were missed
    assertThat(scheduler(store).runDue()).isEqualTo(1);
    assertThat(slack.posts.get(0).reply().title()).contains("Scorecard — week 11, 2026 (9–15 Mar)");
    assertThat(scheduler(store).runDue()).isZero();
  }

  @Test
  @DisplayName("a schedule set after the hour waits for the next one")
  void notBeforeItWasSet() {
    clock.set("2026-03-25T11:00:00Z"); // Wednesday
    scorecardMondays();
    assertThat(scheduler(store).runDue()).isZero();
    assertThat(slack.posts).isEmpty();
  }

  @Test
  @DisplayName("two schedulers on one SQLite file race for the same run: exactly one post")
  void racing() throws Exception {
    scorecardMondays();
    clock.set("2026-03-23T08:00:20Z");
    try (Database second = Database.open(folder.resolve("salesmeter.db"))) {
      Scheduler one = scheduler(store);
      Scheduler other = scheduler(new ScheduleStore(second));
      CyclicBarrier start = new CyclicBarrier(2);
      ExecutorService both = Executors.newFixedThreadPool(2);
      List<Future<Integer>> posted = new ArrayList<>();
      for (Scheduler scheduler : List.of(one, other)) {
        posted.add(
            both.submit(
                () -> {
                  start.await();
                  return scheduler.runDue();
                }));
      }
      int total = posted.get(0).get() + posted.get(1).get();
      both.shutdown();
      assertThat(total).isEqualTo(1);
      assertThat(slack.posts).hasSize(1);
    }
  }

  @Test
  @DisplayName("a claim that ran out is another's: its first owner can no longer finish the run")
  void expiredClaim() {
    Schedule schedule = scorecardMondays();
    Instant due = Instant.parse("2026-03-23T08:00:00Z");
    Instant nine = Instant.parse("2026-03-23T08:00:10Z");
    ScheduleStore.Claim first =
        store
            .claim(schedule.id(), "2026-W12", due, "A", nine, nine.plus(Scheduler.CLAIM), false)
            .orElseThrow();
    // while A holds it, B cannot claim it
    assertThat(store.claim(schedule.id(), "2026-W12", due, "B", nine, nine, false)).isEmpty();
    Instant later = nine.plus(Scheduler.CLAIM).plusSeconds(1);
    ScheduleStore.Claim second =
        store
            .claim(schedule.id(), "2026-W12", due, "B", later, later.plus(Scheduler.CLAIM), false)
            .orElseThrow();
    assertThat(second.attempt()).isEqualTo(2);
    assertThat(store.extend(first, later.plusSeconds(60))).isFalse();
    assertThat(store.done(first, later)).isFalse();
    assertThat(store.done(second, later)).isTrue();
    // done is done, whoever asks later
    Instant hourLater = later.plusSeconds(3600);
    assertThat(store.claim(schedule.id(), "2026-W12", due, "C", hourLater, hourLater, false))
        .isEmpty();
  }

  @Test
  @DisplayName("a stopped schedule's run cannot be claimed, even by a round that read it active")
  void stoppedNotClaimed() {
    Schedule schedule = scorecardMondays();
    store.stop(schedule.id());
    Instant nine = Instant.parse("2026-03-23T08:00:10Z");
    assertThat(
            store.claim(
                schedule.id(), "2026-W12", nine, "A", nine, nine.plus(Scheduler.CLAIM), false))
        .isEmpty();
  }

  @Test
  @DisplayName("nudges have one schedule per workspace: setting them elsewhere moves them")
  void oneNudgeSchedule() {
    schedule(Schedule.Routine.NUDGES, "0 10 * * 1-5", clock.instant());
    store.set(
        WORKSPACE,
        Schedule.Routine.NUDGES,
        Platform.SLACK,
        "C-other",
        "0 10 * * 1-5",
        AMSTERDAM,
        "lisa",
        clock.instant());
    assertThat(store.schedules(WORKSPACE)).extracting(Schedule::channel).containsExactly("C-other");
  }

  @Test
  @DisplayName(
      "a platform failing twice then succeeding: one post, two retries logged, backing off")
  void retries() {
    Schedule schedule = scorecardMondays();
    Logger logger = (Logger) LoggerFactory.getLogger(Scheduler.class);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    logger.addAppender(logs);
    Level level = logger.getLevel();
    logger.setLevel(Level.INFO);
    try {
      slack.failNext.set(2);
      Scheduler scheduler = scheduler(store);
      clock.set("2026-03-23T08:00:20Z");
      assertThat(scheduler.runDue()).isZero(); // attempt 1 fails: next in 30 s
      clock.advance(Duration.ofSeconds(29));
      assertThat(scheduler.runDue()).isZero(); // too early: not even tried
      clock.advance(Duration.ofSeconds(1));
      assertThat(scheduler.runDue()).isZero(); // attempt 2 fails: next in 60 s
      clock.advance(Duration.ofSeconds(59));
      assertThat(scheduler.runDue()).isZero();
      clock.advance(Duration.ofSeconds(1));
      assertThat(scheduler.runDue()).isEqualTo(1); // attempt 3
      assertThat(slack.posts).hasSize(1);
      ScheduleStore.Run run = store.run(schedule.id(), "2026-W12").orElseThrow();
      assertThat(run.attempts()).isEqualTo(3);
      assertThat(run.doneAt()).isPresent();
      List<String> warnings =
          logs.list.stream()
              .filter(event -> event.getLevel() == Level.WARN)
              .map(ILoggingEvent::getFormattedMessage)
              .toList();
      assertThat(warnings).hasSize(2);
      assertThat(warnings.get(0)).contains("attempt 1 failed (HTTP 503); trying again in 30 s");
      assertThat(warnings.get(1)).contains("attempt 2 failed (HTTP 503); trying again in 60 s");
    } finally {
      logger.detachAppender(logs);
      logger.setLevel(level);
    }
  }

  @Test
  @DisplayName("a channel that is gone pauses the schedule; its manager is told once")
  void channelGone() {
    Schedule schedule = scorecardMondays();
    slack.channelGone = true;
    Scheduler scheduler = scheduler(store);
    clock.set("2026-03-23T08:00:20Z");
    assertThat(scheduler.runDue()).isZero();
    assertThat(store.schedules(WORKSPACE).get(0).state()).isEqualTo(Schedule.State.PAUSED);
    assertThat(slack.tells).hasSize(1);
    assertThat(slack.tells.get(0).where()).isEqualTo("lisa");
    assertThat(slack.tells.get(0).reply().text())
        .isEqualTo(
            "I paused the weekly scorecard: I can no longer post in its channel"
                + " (channel_not_found). Schedule it again with /schedule scorecard here, in a"
                + " channel I can post to.");
    clock.set("2026-03-30T07:00:10Z");
    assertThat(scheduler.runDue()).isZero();
    assertThat(slack.tells).hasSize(1);
    // set again, it runs again
    slack.channelGone = false;
    schedule(Schedule.Routine.SCORECARD, "0 9 * * 1", Instant.parse("2026-03-30T06:00:00Z"));
    assertThat(scheduler.runDue()).isEqualTo(1);
    assertThat(store.schedules(WORKSPACE).get(0).id()).isEqualTo(schedule.id());
  }

  @Test
  @DisplayName(
      "nudges: each rep one message with their stale quotes, the same quote not within 3 days")
  void nudges() {
    // stale-quote days: 7. Anna's quote to Acme is untouched since 20 March, Bram's since 18 March;
    // Anna's quote to Beta is from 30 March, fresh on 1 April.
    team.log("@anna /quote Acme 1200 date:2026-03-20");
    team.log("@anna /quote Beta 800 date:2026-03-30");
    team.log("@bram /quote Gamma 5000 date:2026-03-18");
    clock.set("2026-03-31T12:00:00Z");
    schedule(Schedule.Routine.NUDGES, "0 10 * * 1-5", clock.instant());
    Scheduler scheduler = scheduler(store);
    clock.set("2026-04-01T08:00:30Z"); // Wednesday 10:00 CEST
    assertThat(scheduler.runDue()).isEqualTo(1);
    assertThat(slack.tells).extracting(RecordingPoster.Post::where).containsExactly("anna", "bram");
    String anna = slack.tells.get(0).reply().text();
    assertThat(anna)
        .startsWith("1 of your quotes has had no follow-up for a while:")
        // noon on 20 March (11:00Z) to 08:00Z on 1 April: 11 days and 21 hours
        .contains("• Acme — €1,200, last touched 20 Mar 2026 (11 days ago)")
        .doesNotContain("Beta");
    assertThat(slack.tells.get(1).reply().text()).contains("Gamma — €5,000");
    assertThat(slack.posts).isEmpty();
    // Thursday and Friday: the same quotes were nudged within 3 days
    clock.set("2026-04-02T08:00:30Z");
    assertThat(scheduler.runDue()).isEqualTo(1);
    clock.set("2026-04-03T08:00:30Z");
    assertThat(scheduler.runDue()).isEqualTo(1);
    assertThat(slack.tells).hasSize(2);
    // Bram follows up on Gamma; on Saturday no run (weekdays); on Monday 6 April Anna's Acme
    // is due again (5 days since the nudge), Bram's Gamma is no longer stale.
    team.log("@bram /followup Gamma date:2026-04-03");
    clock.set("2026-04-06T08:00:30Z");
    assertThat(scheduler.runDue()).isEqualTo(1);
    assertThat(slack.tells).hasSize(3);
    assertThat(slack.tells.get(2).where()).isEqualTo("anna");
  }
}
