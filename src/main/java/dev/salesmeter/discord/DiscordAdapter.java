package dev.salesmeter.discord;

import dev.salesmeter.command.CommandSpec;
import dev.salesmeter.command.Commands;
import dev.salesmeter.command.Reply;
import dev.salesmeter.command.Suggestions;
import dev.salesmeter.command.TypedInput;
import dev.salesmeter.command.Unexpected;
import dev.salesmeter.core.Actor;
import dev.salesmeter.core.Drawing;
import dev.salesmeter.core.Picture;
import dev.salesmeter.core.Platform;
import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.schedule.PostFailure;
import dev.salesmeter.schedule.Poster;
import java.awt.Color;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.guild.GuildJoinEvent;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Salesmeter in Discord through JDA: the registry as typed slash commands, each interaction handled
 * by the shared commands and answered with an embed. A reply with a chart is deferred at once and
 * followed up with the embed and the PNG shown in it; every other reply is the answer itself. A
 * command that is not done in time (the database held by another process) is deferred privately and
 * its reply follows up when it is done, so Discord never gives up on it. Every guild is its own
 * workspace; a direct message gets a polite refusal. Scheduled posts go out as the same embeds
 * ({@link Poster}).
 */
public final class DiscordAdapter extends ListenerAdapter implements Poster {
  private static final Logger LOG = LoggerFactory.getLogger(DiscordAdapter.class);

  /** Okabe–Ito blue, the colour of the period asked in every chart. */
  private static final Color ACCENT = new Color(0x0072B2);

  /** Discord's limits on an embed and on a message. */
  private static final int MOST_FIELDS = 25;

  private static final int MOST_CONTENT = 2000;

  /** The longest a scheduled post may take; far below the scheduler's claim on the run. */
  private static final Duration SEND_TIMEOUT = Duration.ofMinutes(2);

  /**
   * How long a command may take before the interaction is deferred and its reply follows up: well
   * inside Discord's 3 seconds, which also count the way there and back.
   */
  static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);

  /** Threads that run commands off JDA's event thread; beyond them commands queue in memory. */
  private static final int COMMAND_THREADS = 16;

  /**
   * @param guilds the guilds whose commands are registered as guild commands (at once); with none,
   *     the commands are registered globally
   * @param managerRoles role ids whose members are managers besides those with Manage Server
   */
  public record Settings(Set<String> guilds, Set<String> managerRoles) {
    public Settings {
      guilds = Set.copyOf(guilds);
      managerRoles = Set.copyOf(managerRoles);
    }
  }

  private final Commands commands;
  private final Suggestions suggestions;
  private final Settings settings;
  private final List<SlashCommandData> slashCommands;
  private volatile JDA jda;
  private final Duration answerWithin;
  private final ExecutorService commandRunner =
      Executors.newFixedThreadPool(
          COMMAND_THREADS,
          task -> {
            Thread thread = new Thread(task, "discord-commands");
            thread.setDaemon(true);
            return thread;
          });
  private final ScheduledExecutorService deferrals =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "discord-deferrals");
            thread.setDaemon(true);
            return thread;
          });
  private final ExecutorService charts =
      Executors.newFixedThreadPool(
          2,
          task -> {
            Thread thread = new Thread(task, "discord-charts");
            thread.setDaemon(true);
            return thread;
          });

  public DiscordAdapter(Commands commands, Suggestions suggestions, Settings settings) {
    this(commands, suggestions, settings, ANSWER_WITHIN);
  }

  /**
   * @param answerWithin how long a command may take before it is deferred (shorter in tests, so
   *     that a held database shows it at once)
   */
  DiscordAdapter(
      Commands commands, Suggestions suggestions, Settings settings, Duration answerWithin) {
    this.answerWithin = answerWithin;
    this.commands = commands;
    this.suggestions = suggestions;
    this.settings = settings;
    this.slashCommands = SlashCommands.of(commands.registry());
  }

  @Override
  public void onReady(ReadyEvent event) {
    jda = event.getJDA();
    if (settings.guilds().isEmpty()) {
      event
          .getJDA()
          .updateCommands()
          .addCommands(slashCommands)
          .queue(
              done -> LOG.info("registered {} global commands", done.size()),
              failure ->
                  LOG.error("could not register the global commands: {}", failure.toString()));
    }
  }

  @Override
  public void onGuildReady(GuildReadyEvent event) {
    welcome(event.getGuild());
  }

  @Override
  public void onGuildJoin(GuildJoinEvent event) {
    welcome(event.getGuild());
  }

  /** Names the guild's workspace and, for a configured guild, registers its commands. */
  private void welcome(Guild guild) {
    commands.name(workspace(guild), guild.getName());
    if (settings.guilds().contains(guild.getId())) {
      guild
          .updateCommands()
          .addCommands(slashCommands)
          .queue(
              done -> LOG.info("registered {} commands in guild {}", done.size(), guild.getId()),
              failure ->
                  LOG.error(
                      "could not register the commands in guild {}: {}",
                      guild.getId(),
                      failure.toString()));
    }
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    try {
      answer(event);
    } catch (RuntimeException unexpected) {
      // The shared commands turn their own failures into replies; this is the adapter's.
      Reply reply =
          Unexpected.reply(
              "/" + event.getName() + " in the Discord adapter", unexpected, Locale.ENGLISH);
      if (!event.isAcknowledged()) {
        event.reply(reply.text()).setEphemeral(true).queue(null, failure -> failed(event, failure));
      }
    }
  }

  private void answer(SlashCommandInteractionEvent event) {
    long received = System.nanoTime();
    Optional<Locale> language = language(event.getUserLocale());
    if (!event.isFromGuild() || event.getMember() == null) {
      Messages messages = Messages.of(language.orElse(Locale.ENGLISH));
      event.reply(messages.get("discord.directMessage")).setEphemeral(true).queue();
      return;
    }
    Guild guild = event.getGuild();
    Optional<CommandSpec> spec = commands.registry().find(event.getName());
    TypedInput input =
        new TypedInput(
            Platform.DISCORD,
            workspace(guild),
            actor(event.getMember()),
            event.getChannelId() == null ? "" : event.getChannelId(),
            event.getId(),
            event.getName(),
            spec.map(s -> SlashCommands.values(s, event.getOptions())).orElse(Map.of()),
            language);
    // The command runs off JDA's event thread, so one held database never stalls the others.
    // Whichever comes first answers the interaction: the reply, or a private deferral once the
    // command has taken too long (then the reply follows up when it is done).
    AtomicBoolean responded = new AtomicBoolean();
    ScheduledFuture<?> deferral =
        deferrals.schedule(
            () -> {
              if (responded.compareAndSet(false, true)) {
                event
                    .deferReply(true)
                    .queue(
                        hook -> firstResponse(received, "deferred while the store was busy"),
                        failure -> failed(event, failure));
              }
            },
            answerWithin.toMillis(),
            TimeUnit.MILLISECONDS);
    CompletableFuture.supplyAsync(() -> commands.handle(input), commandRunner)
        .whenComplete(
            (reply, failure) -> {
              deferral.cancel(false);
              Reply answer = reply != null ? reply : unexpected(event, failure);
              try {
                if (responded.compareAndSet(false, true)) {
                  respond(event, answer, guild, language, received);
                } else {
                  followUpLate(event.getHook(), answer, guild, language);
                }
              } catch (RuntimeException unsent) {
                LOG.error("/{}: the reply could not be sent", event.getName(), unsent);
              }
            });
  }

  /** The reply of a command that failed outside the shared commands' own catch-all. */
  private static Reply unexpected(SlashCommandInteractionEvent event, Throwable failure) {
    return Unexpected.reply(
        "/" + event.getName() + " in the Discord adapter", failure, Locale.ENGLISH);
  }

  /** The first response: the reply itself, or a deferral when a chart follows. */
  private void respond(
      SlashCommandInteractionEvent event,
      Reply reply,
      Guild guild,
      Optional<Locale> language,
      long received) {
    if (reply.chart().isPresent()) {
      Messages messages = Messages.of(commands.settings(workspace(guild), language).locale());
      event
          .deferReply(reply.ephemeral())
          .queue(hook -> firstResponse(received, "deferred"), failure -> failed(event, failure));
      charts.execute(() -> followUp(event.getHook(), reply, reply.chart().get(), messages));
    } else {
      event
          .reply(message(reply, Optional.empty()))
          .setEphemeral(reply.ephemeral())
          .queue(hook -> firstResponse(received, "answered"), failure -> failed(event, failure));
    }
  }

  /**
   * The reply of a command that was deferred because it took too long; JDA holds it until the
   * deferral is through. The deferral was private, so the reply is too.
   */
  private void followUpLate(
      InteractionHook hook, Reply reply, Guild guild, Optional<Locale> language) {
    if (reply.chart().isPresent()) {
      Messages messages = Messages.of(commands.settings(workspace(guild), language).locale());
      charts.execute(() -> followUp(hook, reply, reply.chart().get(), messages));
    } else {
      hook.sendMessage(message(reply, Optional.empty()))
          .queue(null, failure -> LOG.warn("late follow-up failed: {}", failure.toString()));
    }
  }

  @Override
  public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
    if (!event.isFromGuild()) {
      event.replyChoices(List.of()).queue();
      return;
    }
    WorkspaceId workspace = workspace(event.getGuild());
    WorkspaceSettings seen = commands.settings(workspace, language(event.getUserLocale()));
    List<Command.Choice> choices =
        suggestions
            .suggest(
                workspace,
                seen,
                event.getName(),
                event.getFocusedOption().getName(),
                event.getFocusedOption().getValue())
            .stream()
            // A choice's name and value are at most 100 characters; a longer name is typed.
            .filter(suggestion -> suggestion.length() <= 100)
            .map(suggestion -> new Command.Choice(suggestion, suggestion))
            .toList();
    event.replyChoices(choices).queue();
  }

  /** Errors that mean the channel or person cannot be reached: the schedule pauses. */
  private static final Set<ErrorResponse> UNREACHABLE =
      Set.of(
          ErrorResponse.UNKNOWN_CHANNEL,
          ErrorResponse.MISSING_ACCESS,
          ErrorResponse.MISSING_PERMISSIONS,
          ErrorResponse.UNKNOWN_USER,
          ErrorResponse.CANNOT_SEND_TO_USER);

  /** Posts a scheduled reply to a channel: the embed with its picture attached and shown. */
  @Override
  public void post(WorkspaceId workspace, String channel, Reply reply, String key)
      throws PostFailure {
    JDA session = session();
    if (!channel.matches("\\d{1,20}")) {
      throw PostFailure.unreachable("not a Discord channel id: " + channel);
    }
    Guild guild = session.getGuildById(workspace.value());
    if (guild == null) {
      // An outage makes a server unavailable for a while; a server that removed the bot is gone.
      boolean unavailable =
          workspace.value().matches("\\d{1,20}")
              && session.isUnavailable(Long.parseUnsignedLong(workspace.value()));
      throw unavailable
          ? PostFailure.forNow("the server is unavailable")
          : PostFailure.unreachable("not_in_server");
    }
    GuildMessageChannel target = guild.getChannelById(GuildMessageChannel.class, channel);
    if (target == null) {
      throw PostFailure.unreachable("channel_not_found");
    }
    if (!target.canTalk()) {
      throw PostFailure.unreachable("missing_access");
    }
    // The nonce makes Discord drop a repeat of the same post sent again within minutes.
    send(
        () ->
            target
                .sendMessage(message(reply, reply.picture()))
                .setNonce(key)
                .timeout(SEND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .complete());
  }

  /** Sends a reply to one person, in their direct messages with the bot. */
  @Override
  public void tell(WorkspaceId workspace, String user, Reply reply) throws PostFailure {
    JDA session = session();
    send(
        () ->
            session
                .openPrivateChannelById(user)
                .flatMap(channel -> channel.sendMessage(message(reply, Optional.empty())))
                .timeout(SEND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .complete());
  }

  private JDA session() throws PostFailure {
    JDA session = jda;
    if (session == null || session.getStatus() != JDA.Status.CONNECTED) {
      throw PostFailure.forNow("not connected to Discord");
    }
    return session;
  }

  /** Runs a blocking send, sorting its failure into "for now" and "unreachable". */
  private static void send(Runnable sending) throws PostFailure {
    try {
      sending.run();
    } catch (ErrorResponseException e) {
      String problem = e.getErrorResponse().name().toLowerCase(Locale.ROOT);
      throw UNREACHABLE.contains(e.getErrorResponse())
          ? PostFailure.unreachable(problem)
          : PostFailure.forNow(problem);
    } catch (RuntimeException e) {
      throw PostFailure.forNow(e.toString());
    }
  }

  /**
   * A reply as a message: its embed, or plain text where it has nothing to lay out; with a picture,
   * always an embed, the picture attached and shown in it.
   */
  private static MessageCreateData message(Reply reply, Optional<Picture> picture) {
    MessageEmbed embed = embed(reply);
    MessageCreateBuilder message = new MessageCreateBuilder();
    if (picture.isPresent()) {
      MessageEmbed base = embed != null ? embed : textOnly(reply);
      message
          .setEmbeds(
              new EmbedBuilder(base).setImage("attachment://" + picture.get().fileName()).build())
          .setFiles(FileUpload.fromData(picture.get().png(), picture.get().fileName()));
    } else if (embed == null) {
      message.setContent(plain(reply));
    } else {
      message.setEmbeds(embed);
    }
    return message.build();
  }

  /** Draws the chart and posts the answer with it; without the chart if drawing fails. */
  private void followUp(InteractionHook hook, Reply reply, Drawing chart, Messages messages) {
    hook.setEphemeral(reply.ephemeral());
    Picture picture;
    try {
      picture = chart.draw();
    } catch (RuntimeException e) {
      // Whatever went wrong, the asker sees the numbers, not "thinking…" until Discord gives up.
      LOG.error("a chart could not be drawn", e);
      MessageEmbed embed = embed(reply);
      hook.sendMessageEmbeds(embed != null ? embed : textOnly(reply))
          .setContent(messages.get("discord.chartFailed"))
          .queue(null, failure -> LOG.warn("follow-up failed: {}", failure.toString()));
      return;
    }
    hook.sendMessage(message(reply, Optional.of(picture)))
        .queue(null, failure -> LOG.warn("follow-up with a chart failed: {}", failure.toString()));
  }

  /**
   * The reply as an embed: its title, its text, its numbers as inline fields, the period in the
   * footer. A short reply without any of these (an error, a confirmation) is plain text: null.
   */
  static MessageEmbed embed(Reply reply) {
    boolean plain =
        reply.title().isEmpty()
            && reply.fields().isEmpty()
            && reply.context().isEmpty()
            && plain(reply).length() <= MOST_CONTENT;
    if (plain) {
      return null;
    }
    EmbedBuilder embed = new EmbedBuilder().setColor(ACCENT);
    reply.title().ifPresent(title -> embed.setTitle(cut(title, MessageEmbed.TITLE_MAX_LENGTH)));
    embed.setDescription(
        cut(MarkdownSanitizer.escape(reply.text()), MessageEmbed.DESCRIPTION_MAX_LENGTH));
    for (Reply.Field field :
        reply.fields().subList(0, Math.min(MOST_FIELDS, reply.fields().size()))) {
      embed.addField(
          cut(MarkdownSanitizer.escape(field.label()), MessageEmbed.TITLE_MAX_LENGTH),
          cut(MarkdownSanitizer.escape(field.value()), MessageEmbed.VALUE_MAX_LENGTH),
          true);
    }
    reply.context().ifPresent(context -> embed.setFooter(cut(context, 2048)));
    return embed.build();
  }

  /** The reply's text as a plain message, shown literally. */
  private static String plain(Reply reply) {
    return MarkdownSanitizer.escape(reply.text());
  }

  /** An embed of the text alone, to show a picture in. */
  private static MessageEmbed textOnly(Reply reply) {
    return new EmbedBuilder()
        .setColor(ACCENT)
        .setDescription(cut(plain(reply), MessageEmbed.DESCRIPTION_MAX_LENGTH))
        .build();
  }

  private static String cut(String text, int most) {
    return text.length() <= most ? text : text.substring(0, most - 1) + "…";
  }

  /**
   * The member as an actor: named as the server shows them, a manager with Manage Server or one of
   * the configured roles.
   */
  Actor actor(Member member) {
    boolean manager =
        member.hasPermission(Permission.MANAGE_SERVER)
            || member.getRoles().stream()
                .map(Role::getId)
                .anyMatch(settings.managerRoles()::contains);
    return new Actor(member.getId(), member.getEffectiveName(), manager);
  }

  private static WorkspaceId workspace(Guild guild) {
    return new WorkspaceId(guild.getId());
  }

  /** The user's Discord language, where Discord says it. */
  private static Optional<Locale> language(DiscordLocale locale) {
    return locale == null || locale == DiscordLocale.UNKNOWN
        ? Optional.empty()
        : Optional.of(Locale.forLanguageTag(locale.getLocale()));
  }

  private void firstResponse(long received, String how) {
    commands
        .metrics()
        .acknowledged(Platform.DISCORD, Duration.ofNanos(System.nanoTime() - received));
    LOG.info("interaction {} in {} ms", how, (System.nanoTime() - received) / 1_000_000);
  }

  private static void failed(SlashCommandInteractionEvent event, Throwable failure) {
    LOG.warn("could not answer /{}: {}", event.getName(), failure.toString());
  }
}
