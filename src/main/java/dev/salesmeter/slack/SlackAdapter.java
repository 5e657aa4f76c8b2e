package dev.salesmeter.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.webhook.WebhookResponse;
import dev.salesmeter.command.CommandInput;
import dev.salesmeter.command.CommandSpec;
import dev.salesmeter.command.Commands;
import dev.salesmeter.command.Reply;
import dev.salesmeter.command.Unexpected;
import dev.salesmeter.core.Actor;
import dev.salesmeter.core.Drawing;
import dev.salesmeter.core.Picture;
import dev.salesmeter.core.Platform;
import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.schedule.PostFailure;
import dev.salesmeter.schedule.Poster;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Salesmeter in Slack through Bolt: every command of the registry is a slash command, its text read
 * by the shared parser. The reply is the acknowledgement itself (within Slack's 3 seconds); a chart
 * is drawn and uploaded after it, into the same channel. A command that is not done in time (the
 * database held by another process) is acked with "logging…", which confirms nothing, and its reply
 * follows through the command's response URL. Scheduled posts go out through the same layout
 * ({@link Poster}).
 */
public final class SlackAdapter implements Poster {
  private static final Logger LOG = LoggerFactory.getLogger(SlackAdapter.class);
  private static final int MAX_FIELDS = 10;

  /**
   * How long a command may take before Slack is acked with "logging…" and the reply follows through
   * the response URL: well inside Slack's 3 seconds, which also count the way there and back and a
   * request's wait for a free HTTP worker.
   */
  static final Duration ACK_WITHIN = Duration.ofMillis(1_500);

  /**
   * Threads that run commands while Bolt's thread waits for the ack. Most of them wait in the
   * store's write queue when the database is held; beyond them commands queue in memory.
   */
  private static final int COMMAND_THREADS = 32;

  /**
   * How long a command may take while earlier ones are still waiting for the store: it is held, so
   * a write will not be done in {@link #ACK_WITHIN} either, and waiting that long would keep HTTP
   * workers from the requests queued behind them (which then missed Slack's 3 s: up to 4 s with 20
   * senders on 16 workers). A figure, which only reads, still answers at once; a second is long
   * enough that a merely busy queue does not turn every ack into "logging…".
   */
  private static final Duration ACK_WITHIN_WHILE_LATE = Duration.ofMillis(500);

  /**
   * @param signingSecret the app's signing secret (HTTP mode), or null over Socket Mode
   * @param apiUrl the Web API's address prefix ({@code https://slack.com/api/} unless GovSlack or a
   *     test says otherwise), or null for Slack's own
   * @param managers Slack user ids who are managers besides the workspace's admins and owners
   */
  public record Settings(
      String botToken, String signingSecret, String apiUrl, Set<String> managers) {}

  private final App app;
  private final Commands commands;
  private final Set<String> managers;
  private final Map<String, Member> members = new ConcurrentHashMap<>();
  private final Set<WorkspaceId> named = ConcurrentHashMap.newKeySet();

  /** Each workspace's language as last seen, for a "logging…" that must not wait on the store. */
  private final Map<WorkspaceId, Locale> languages = new ConcurrentHashMap<>();

  private final Duration ackWithin;

  /** Commands acked with "logging…" whose reply has not been sent yet. */
  private final AtomicInteger late = new AtomicInteger();

  private final ExecutorService commandRunner =
      Executors.newFixedThreadPool(
          COMMAND_THREADS,
          task -> {
            Thread thread = new Thread(task, "slack-commands");
            thread.setDaemon(true);
            return thread;
          });
  private final ExecutorService charts =
      Executors.newFixedThreadPool(
          2,
          task -> {
            Thread thread = new Thread(task, "slack-charts");
            thread.setDaemon(true);
            return thread;
          });

  public SlackAdapter(Commands commands, Settings settings) {
    this(commands, settings, ACK_WITHIN);
  }

  /**
   * @param ackWithin how long a command may take before Slack is acked with "logging…" (shorter in
   *     tests, so that a held database shows it at once)
   */
  SlackAdapter(Commands commands, Settings settings, Duration ackWithin) {
    this.ackWithin = ackWithin;
    this.commands = commands;
    this.managers = Set.copyOf(settings.managers());
    SlackConfig config = new SlackConfig();
    if (settings.apiUrl() != null) {
      config.setMethodsEndpointUrlPrefix(settings.apiUrl());
    }
    this.app =
        new App(
            AppConfig.builder()
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret())
                .slack(Slack.getInstance(config))
                .build());
    for (CommandSpec spec : commands.registry().all()) {
      for (String name : spec.names()) {
        app.command("/" + name, (request, context) -> handle(name, request.getPayload(), context));
      }
    }
  }

  /**
   * Errors that mean the channel or person cannot be reached: the schedule pauses instead of trying
   * again.
   */
  private static final Set<String> UNREACHABLE =
      Set.of(
          "channel_not_found",
          "not_in_channel",
          "is_archived",
          "channel_is_archived",
          "user_not_found",
          "user_disabled",
          "account_inactive",
          "cannot_dm_bot",
          "restricted_action");

  /**
   * Posts a scheduled reply to a channel: the message (chat.postMessage, in Block Kit), then its
   * picture (files.uploadV2). A picture that cannot be uploaded leaves the message standing.
   */
  @Override
  public void post(WorkspaceId workspace, String channel, Reply reply, String key)
      throws PostFailure {
    message(channel, reply);
    if (reply.chart().isPresent()) {
      try {
        FilesUploadV2Response response = upload(app.client(), channel, reply.chart().get().draw());
        if (!response.isOk()) {
          LOG.warn(
              "workspace={} the picture of a scheduled post failed: {}",
              workspace,
              response.getError());
        }
      } catch (Exception e) {
        LOG.warn("workspace={} the picture of a scheduled post failed: {}", workspace, problem(e));
      }
    }
  }

  /** Sends a reply to one user, in their direct messages with the bot. */
  @Override
  public void tell(WorkspaceId workspace, String user, Reply reply) throws PostFailure {
    try {
      message(directMessages(app.client(), user), reply);
    } catch (SlackErrorAnswer e) {
      throw failure(e.getMessage());
    } catch (IOException | SlackApiException e) {
      throw PostFailure.forNow(problem(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw PostFailure.forNow("interrupted");
    }
  }

  private void message(String channel, Reply reply) throws PostFailure {
    try {
      ChatPostMessageResponse response =
          respectingRateLimits(
              "chat.postMessage",
              () ->
                  app.client()
                      .chatPostMessage(
                          r ->
                              r.channel(channel)
                                  .text(
                                      escape(
                                          reply.title().map(t -> t + "\n").orElse("")
                                              + reply.text()))
                                  .blocks(blocks(reply))),
              false);
      if (!response.isOk()) {
        throw failure(response.getError());
      }
    } catch (IOException | SlackApiException e) {
      throw PostFailure.forNow(problem(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw PostFailure.forNow("interrupted");
    }
  }

  /** Slack answered a call with ok: false and this error. */
  private static final class SlackErrorAnswer extends IOException {
    SlackErrorAnswer(String error) {
      super(error);
    }
  }

  /** The id of the user's direct-message conversation with the bot (conversations.open). */
  private static String directMessages(MethodsClient client, String user)
      throws IOException, SlackApiException, InterruptedException {
    ConversationsOpenResponse opened =
        respectingRateLimits(
            "conversations.open", () -> client.conversationsOpen(r -> r.users(List.of(user))));
    if (!opened.isOk()) {
      throw new SlackErrorAnswer(opened.getError());
    }
    return opened.getChannel().getId();
  }

  private static PostFailure failure(String error) {
    return UNREACHABLE.contains(error) ? PostFailure.unreachable(error) : PostFailure.forNow(error);
  }

  /** The Bolt app, for HTTP mode. */
  public App app() {
    return app;
  }

  /** The app over Socket Mode (no public address needed), with the app-level token. */
  public SocketModeApp socketMode(String appToken) throws IOException {
    return new SocketModeApp(appToken, SocketModeClient.Backend.JavaWebSocket, app);
  }

  /**
   * Whether Socket Mode's WebSocket is open and answers a ping (for readiness); false at once when
   * it is closed or was never opened.
   */
  public static boolean connected(SocketModeApp socketMode) {
    try {
      SocketModeClient client = socketMode.getClient();
      return client != null && client.verifyConnection();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private Response handle(String command, SlashCommandPayload payload, SlashCommandContext ctx)
      throws IOException {
    try {
      return answer(command, payload, ctx);
    } catch (RuntimeException unexpected) {
      // The shared commands turn their own failures into replies; this catches the adapter's own
      // work around them (naming a workspace writes to the database), so Slack never gets a 500.
      Reply reply = Unexpected.reply(command + " in the Slack adapter", unexpected, Locale.ENGLISH);
      return ctx.ack(response -> response.responseType("ephemeral").text(reply.text()));
    }
  }

  /**
   * The answer to a command that reached an HTTP server but failed outside Bolt's handlers (the
   * request could not be read, Bolt itself failed): 200 with a short private reply and a reference,
   * never a 500, which Slack shows as a bare "dispatch_failed".
   */
  public static Response unexpected(Throwable failure) {
    Reply reply = Unexpected.reply("a Slack request", failure, Locale.ENGLISH);
    return Response.json(200, Map.of("response_type", "ephemeral", "text", escape(reply.text())));
  }

  private Response answer(String command, SlashCommandPayload payload, SlashCommandContext ctx) {
    long received = System.nanoTime();
    WorkspaceId workspace = new WorkspaceId(payload.getTeamId());
    CompletableFuture<Reply> answer =
        CompletableFuture.supplyAsync(() -> run(command, payload, ctx), commandRunner);
    Duration wait =
        late.get() > 0 && ACK_WITHIN_WHILE_LATE.compareTo(ackWithin) < 0
            ? ACK_WITHIN_WHILE_LATE
            : ackWithin;
    Reply reply;
    try {
      reply = answer.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException slow) {
      // Slack gives up after 3 s. "logging…" is not a confirmation: the command goes on, and its
      // reply (the confirmation, or why nothing was logged) follows through the response URL.
      late.incrementAndGet();
      answer.whenComplete(
          (lateReply, failure) -> {
            try {
              respondLater(lateReply, failure, payload, ctx);
            } finally {
              late.decrementAndGet();
            }
          });
      Messages messages = Messages.of(languages.getOrDefault(workspace, Locale.ENGLISH));
      return acknowledged(
          received,
          ctx.ack(
              response ->
                  response.responseType("ephemeral").text(messages.get("command.pending"))));
    } catch (ExecutionException failed) {
      throw failed.getCause() instanceof RuntimeException unexpected
          ? unexpected
          : new IllegalStateException(failed.getCause());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a command", interrupted);
    }
    afterReply(reply, payload, ctx);
    return acknowledged(
        received,
        ctx.ack(
            response ->
                response
                    .responseType(reply.ephemeral() ? "ephemeral" : "in_channel")
                    .text(text(reply))
                    .blocks(blocks(reply))));
  }

  /** The ack, after counting how long it took since the request came in. */
  private Response acknowledged(long received, Response ack) {
    commands.metrics().acknowledged(Platform.SLACK, Duration.ofNanos(System.nanoTime() - received));
    return ack;
  }

  /** Runs the command through the shared commands; its reply, whatever the platform does next. */
  private Reply run(String command, SlashCommandPayload payload, SlashCommandContext ctx) {
    Actor user = actor(payload, ctx);
    WorkspaceId workspace = new WorkspaceId(payload.getTeamId());
    if (payload.getTeamDomain() != null && named.add(workspace)) {
      commands.name(workspace, payload.getTeamDomain());
    }
    Reply reply =
        commands.handle(
            new CommandInput(
                Platform.SLACK,
                workspace,
                user,
                payload.getChannelId(),
                payload.getTriggerId(),
                command,
                payload.getText() == null ? "" : payload.getText()));
    languages.put(workspace, commands.settings(workspace).locale());
    return reply;
  }

  /** What follows a reply: its chart, drawn and uploaded in the background. */
  private void afterReply(Reply reply, SlashCommandPayload payload, SlashCommandContext ctx) {
    WorkspaceId workspace = new WorkspaceId(payload.getTeamId());
    reply
        .chart()
        .ifPresent(
            chart ->
                charts.submit(
                    () ->
                        upload(
                            chart,
                            reply.ephemeral(),
                            payload,
                            ctx,
                            Messages.of(languages.getOrDefault(workspace, Locale.ENGLISH)))));
  }

  /**
   * The reply of a command that was acked with "logging…", through the command's response URL
   * (valid for 30 minutes). Until it arrives nothing is confirmed: one that cannot be sent is
   * logged, and the event it would confirm is stored once all the same.
   */
  private void respondLater(
      Reply reply, Throwable failure, SlashCommandPayload payload, SlashCommandContext ctx) {
    WorkspaceId workspace = new WorkspaceId(payload.getTeamId());
    Reply answer = reply;
    if (failure != null) {
      answer =
          Unexpected.reply(
              payload.getCommand() + " in the Slack adapter in workspace " + workspace,
              failure,
              languages.getOrDefault(workspace, Locale.ENGLISH));
    }
    Reply sent = answer;
    try {
      WebhookResponse response =
          ctx.respond(
              r ->
                  r.responseType(sent.ephemeral() ? "ephemeral" : "in_channel")
                      .text(text(sent))
                      .blocks(blocks(sent)));
      if (response.getCode() != 200) {
        LOG.warn(
            "workspace={} {}: the late reply was refused by the response URL ({})",
            workspace,
            payload.getCommand(),
            response.getCode());
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "workspace={} {}: the late reply could not be sent: {}",
          workspace,
          payload.getCommand(),
          e.toString());
    }
    afterReply(sent, payload, ctx);
  }

  private static String text(Reply reply) {
    return escape(reply.title().map(t -> t + "\n").orElse("") + reply.text());
  }

  /**
   * A header, the text, the numbers as fields, the period as a context line: Block Kit that reads
   * on desktop and phone.
   */
  static List<LayoutBlock> blocks(Reply reply) {
    List<LayoutBlock> blocks = new ArrayList<>();
    reply
        .title()
        .ifPresent(
            title ->
                blocks.add(
                    HeaderBlock.builder()
                        .text(PlainTextObject.builder().text(cut(title, 150)).build())
                        .build()));
    blocks.add(
        SectionBlock.builder()
            .text(MarkdownTextObject.builder().text(cut(escape(reply.text()), 3000)).build())
            .build());
    if (!reply.fields().isEmpty()) {
      List<TextObject> fields = new ArrayList<>();
      for (Reply.Field field :
          reply.fields().subList(0, Math.min(MAX_FIELDS, reply.fields().size()))) {
        fields.add(
            MarkdownTextObject.builder()
                .text("*" + escape(field.label()) + "*\n" + cut(escape(field.value()), 1900))
                .build());
      }
      blocks.add(SectionBlock.builder().fields(fields).build());
    }
    reply
        .context()
        .ifPresent(
            context ->
                blocks.add(
                    ContextBlock.builder()
                        .elements(
                            List.of(MarkdownTextObject.builder().text(escape(context)).build()))
                        .build()));
    return blocks;
  }

  /** A Web API call, as {@link #respectingRateLimits} repeats it. */
  @FunctionalInterface
  private interface WebApiCall<T> {
    T call() throws IOException, SlackApiException;
  }

  /**
   * A Web API call, tried again when Slack answers 429 (after the Retry-After it asks for) or a 5xx
   * (after a second): at most three times, each wait at most 30 s. The SDK's async client only
   * slows later calls down after a 429; it does not repeat the one that was refused.
   */
  private static <T> T respectingRateLimits(String method, WebApiCall<T> call)
      throws IOException, SlackApiException, InterruptedException {
    return respectingRateLimits(method, call, true);
  }

  /**
   * @param afterServerErrors whether a 5xx is tried again too: not for a call that may have taken
   *     effect before Slack failed (a message could be posted twice); a 429 never took effect
   */
  private static <T> T respectingRateLimits(
      String method, WebApiCall<T> call, boolean afterServerErrors)
      throws IOException, SlackApiException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.call();
      } catch (SlackApiException e) {
        int status = e.getResponse() == null ? 0 : e.getResponse().code();
        boolean again = status == 429 || (afterServerErrors && status >= 500);
        if (!again || attempt == 3) {
          throw e;
        }
        long seconds = retryAfter(e.getResponse().header("Retry-After"));
        LOG.info("Slack answered {} to {}; trying again in {} s", status, method, seconds);
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
      }
    }
  }

  /** The seconds Slack asks to wait, at most 30; a second if it says nothing readable. */
  private static long retryAfter(String header) {
    try {
      return header == null ? 1 : Math.max(0, Math.min(30, Long.parseLong(header.strip())));
    } catch (NumberFormatException unreadable) {
      return 1;
    }
  }

  private static FilesUploadV2Response upload(MethodsClient client, String channel, Picture picture)
      throws IOException, SlackApiException, InterruptedException {
    return respectingRateLimits(
        "files.uploadV2",
        () ->
            client.filesUploadV2(
                r ->
                    r.channel(channel)
                        .filename(picture.fileName())
                        .title(picture.fileName())
                        .fileData(picture.png())));
  }

  /** What went wrong with an upload, in Slack's words where Slack gave them. */
  private static String problem(Throwable failure) {
    if (failure instanceof SlackErrorAnswer answer) {
      return answer.getMessage();
    }
    if (failure instanceof SlackFilesUploadV2Exception upload
        && upload.getCompleteResponse() != null) {
      return upload.getCompleteResponse().getError();
    }
    if (failure instanceof SlackApiException api && api.getError() != null) {
      return api.getError().getError();
    }
    return String.valueOf(failure);
  }

  /**
   * Text as Slack shows it literally: a customer named "<!channel>" must not ping a channel, nor
   * "<http://…|…>" become a disguised link.
   */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String cut(String text, int most) {
    return text.length() <= most ? text : text.substring(0, most - 1) + "…";
  }

  /** Who a Slack user is to Salesmeter: the name people know them by, and whether an admin. */
  private record Member(String name, boolean admin) {}

  /**
   * The user as an actor: named as their workspace shows them (users.info, cached per user), a
   * manager when a workspace admin or owner or one of the configured ids.
   */
  private Actor actor(SlashCommandPayload payload, SlashCommandContext ctx) {
    String id = payload.getUserId();
    Member member =
        members.computeIfAbsent(
            id,
            key -> {
              try {
                UsersInfoResponse info = ctx.client().usersInfo(r -> r.user(key));
                if (info.isOk() && info.getUser() != null) {
                  var user = info.getUser();
                  String display =
                      user.getProfile() == null ? null : user.getProfile().getDisplayName();
                  String name =
                      display != null && !display.isBlank()
                          ? display
                          : user.getRealName() != null && !user.getRealName().isBlank()
                              ? user.getRealName()
                              : payload.getUserName();
                  return new Member(name, user.isAdmin() || user.isOwner());
                }
              } catch (IOException | SlackApiException e) {
                LOG.warn(
                    "users.info failed for a user; their Slack handle is used: {}", e.toString());
              }
              return null; // not cached: asked again next time
            });
    if (member == null) {
      member = new Member(payload.getUserName(), false);
    }
    return new Actor(id, member.name(), member.admin() || managers.contains(id));
  }

  /**
   * Draws the chart and uploads it to the command's channel (files.uploadV2). The text answer
   * stands whatever happens here; a failure is told to the asker privately, with what to do when
   * the bot is not in the channel.
   */
  private void upload(
      Drawing chart,
      boolean privately,
      SlashCommandPayload payload,
      SlashCommandContext ctx,
      Messages messages) {
    String problem;
    try {
      Picture picture = chart.draw();
      // Slack has no private files in a channel: the chart of a private answer goes to the
      // asker's direct messages with the bot.
      String channel =
          privately ? directMessages(ctx.client(), payload.getUserId()) : payload.getChannelId();
      FilesUploadV2Response response = upload(ctx.client(), channel, picture);
      if (response.isOk()) {
        return;
      }
      problem = response.getError();
    } catch (Exception e) {
      problem = problem(e);
    }
    LOG.warn("chart upload failed: {}", problem);
    String text =
        "not_in_channel".equals(problem) || "channel_not_found".equals(problem)
            ? messages.get("slack.notInChannel")
            : messages.get("slack.chartFailed");
    try {
      ctx.respond(r -> r.responseType("ephemeral").text(text));
    } catch (IOException e) {
      LOG.warn("could not tell the asker that the chart failed: {}", e.toString());
    }
  }
}
