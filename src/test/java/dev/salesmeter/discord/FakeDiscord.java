package dev.salesmeter.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A local Discord for tests, on 127.0.0.1: the REST calls Salesmeter makes (over HTTP) and the
 * gateway (over a WebSocket) with two servers, "Acme Sales" and "Bakker Group". It records every
 * REST request and sends interactions as Discord does.
 */
final class FakeDiscord implements AutoCloseable {
  static final String APPLICATION = "900000000000000001";
  static final String ACME = "700000000000000001";
  static final String BAKKER = "700000000000000002";
  static final String ACME_CHANNEL = "710000000000000001";
  static final String BAKKER_CHANNEL = "710000000000000002";

  /** A role with Manage Server (permission bit 5) in Acme. */
  static final String ADMINS_ROLE = "720000000000000001";

  /** A role without it, which the configuration names as managers. */
  static final String SALES_LEAD_ROLE = "720000000000000002";

  /** A person in a server: their user id, name and role ids. */
  record Person(String id, String name, List<String> roles) {}

  static final Person ANNA = new Person("800000000000000001", "Anna de Vries", List.of());
  static final Person LISA = new Person("800000000000000002", "Lisa", List.of(ADMINS_ROLE));
  static final Person MARK = new Person("800000000000000003", "Mark", List.of(SALES_LEAD_ROLE));
  static final Person BRAM = new Person("800000000000000004", "Bram", List.of());

  /** A REST request as received, and when (System.nanoTime). */
  record Request(String method, String path, String contentType, byte[] body, long at) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long DISCORD_EPOCH = 1420070400000L;

  final List<Request> requests = new CopyOnWriteArrayList<>();
  final BlockingQueue<Request> callbacks = new LinkedBlockingQueue<>();
  final BlockingQueue<Request> followUps = new LinkedBlockingQueue<>();
  final BlockingQueue<Request> registrations = new LinkedBlockingQueue<>();

  /** Messages posted to channels (not answers to interactions): scheduled posts. */
  final List<Request> channelMessages = new CopyOnWriteArrayList<>();

  final List<String> unexpected = new CopyOnWriteArrayList<>();

  /** The gateway's messages to the client, by type (op codes and dispatch names). */
  final List<String> dispatched = new CopyOnWriteArrayList<>();

  private final HttpServer rest;
  private final WebSocketServer gateway;
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong ids = new AtomicLong();
  private volatile WebSocket client;
  private final CountDownLatch listening = new CountDownLatch(1);

  FakeDiscord() throws IOException {
    rest = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    rest.createContext("/api/v10/", this::rest);
    rest.start();
    gateway =
        new WebSocketServer(new InetSocketAddress("127.0.0.1", 0)) {
          @Override
          public void onOpen(WebSocket connection, ClientHandshake handshake) {
            client = connection;
            connection.send(
                "{\"op\":10,\"s\":null,\"t\":null,\"d\":{\"heartbeat_interval\":41250}}");
          }

          @Override
          public void onMessage(WebSocket connection, String message) {
            gatewayMessage(connection, message);
          }

          @Override
          public void onClose(WebSocket connection, int code, String reason, boolean remote) {}

          @Override
          public void onError(WebSocket connection, Exception e) {}

          @Override
          public void onStart() {
            listening.countDown();
          }
        };
    gateway.setReuseAddr(true);
    gateway.start();
    // Until the server socket is bound, getPort() says 0, and JDA would dial port 0.
    try {
      if (!listening.await(10, TimeUnit.SECONDS)) {
        throw new IOException("the fake gateway did not start");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  String apiUrl() {
    return "http://127.0.0.1:" + rest.getAddress().getPort() + "/api/v10/";
  }

  String gatewayUrl() {
    return "ws://127.0.0.1:" + gateway.getPort() + "/";
  }

  /** A new id as Discord makes them: time-based, so JDA reckons an interaction's age right. */
  String snowflake() {
    return Long.toString(
        ((System.currentTimeMillis() - DISCORD_EPOCH) << 22) + ids.incrementAndGet());
  }

  /**
   * Sends a slash command from a person in a server, as Discord does.
   *
   * @param options the command's options as Discord sends them, a JSON array
   * @param resolved the users that USER options name, as Discord resolves them ({@code {}} if none)
   * @return the interaction's id
   */
  String slashCommand(
      String guild, Person person, String locale, String command, String options, String resolved) {
    return interaction(2, guild, person, locale, command, options, resolved);
  }

  /** Sends an autocomplete request: the user is typing the focused option. */
  String autocomplete(String guild, Person person, String command, String options) {
    return interaction(4, guild, person, "en-US", command, options, "{}");
  }

  /** An interaction of a type (2: a command, 4: autocomplete) in a server's channel. */
  private String interaction(
      int type,
      String guild,
      Person person,
      String locale,
      String command,
      String options,
      String resolved) {
    String id = snowflake();
    dispatch(
        "INTERACTION_CREATE",
        """
        {"id":"%s","application_id":"%s","type":%d,"token":"token-%s","version":1,
         "guild_id":"%s","guild":{"id":"%s","locale":"en-US","features":[]},
         "channel_id":"%s","channel":%s,"member":%s,
         "data":{"id":"%s","name":"%s","type":1,"options":%s,"resolved":%s},
         "locale":"%s","guild_locale":"en-US","app_permissions":"51200","context":0,
         "authorizing_integration_owners":{"0":"%s"},"entitlements":[]}
        """
            .formatted(
                id,
                APPLICATION,
                type,
                id,
                guild,
                guild,
                channel(guild),
                channelJson(guild),
                member(person),
                snowflake(),
                command,
                options,
                resolved,
                locale,
                guild));
    return id;
  }

  /** Sends a slash command typed in a direct message to the bot. */
  String directMessage(Person person, String command) {
    String id = snowflake();
    String dm = "730000000000000001";
    dispatch(
        "INTERACTION_CREATE",
        """
        {"id":"%s","application_id":"%s","type":2,"token":"token-%s","version":1,
         "channel_id":"%s","channel":{"id":"%s","type":1,"last_message_id":null,
          "recipients":[%s]},
         "user":%s,"data":{"id":"%s","name":"%s","type":1,"options":[]},
         "locale":"nl","app_permissions":"51200","context":1,
         "authorizing_integration_owners":{"0":"%s"},"entitlements":[]}
        """
            .formatted(
                id,
                APPLICATION,
                id,
                dm,
                dm,
                user(person),
                user(person),
                snowflake(),
                command,
                person.id()));
    return id;
  }

  /** The next callback (a reply or a deferral) of the interaction, or fails after 10 s. */
  Request callback(String interaction) throws InterruptedException {
    return next(callbacks, "/interactions/" + interaction + "/");
  }

  /** The next follow-up of the interaction, or fails after 10 s. */
  Request followUp(String interaction) throws InterruptedException {
    return next(followUps, "/token-" + interaction);
  }

  private static Request next(BlockingQueue<Request> queue, String pathPart)
      throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < until) {
      Request request = queue.poll(100, TimeUnit.MILLISECONDS);
      if (request != null && request.path().contains(pathPart)) {
        return request;
      }
      if (request != null) {
        queue.add(request); // another interaction's; leave it for its own test
      }
    }
    throw new AssertionError("nothing came for " + pathPart);
  }

  static JsonNode json(String text) throws IOException {
    return JSON.readTree(text);
  }

  private void gatewayMessage(WebSocket connection, String message) {
    JsonNode payload;
    try {
      payload = JSON.readTree(message);
    } catch (IOException e) {
      unexpected.add("gateway: " + message);
      return;
    }
    switch (payload.path("op").asInt(-1)) {
      case 1 -> connection.send("{\"op\":11,\"s\":null,\"t\":null,\"d\":null}");
      case 2 -> {
        dispatched.add("IDENTIFY received");
        dispatch(
            "READY",
            """
            {"v":10,"user":%s,"guilds":[{"id":"%s","unavailable":true},
             {"id":"%s","unavailable":true}],"session_id":"session-1",
             "resume_gateway_url":"%s","private_channels":[],
             "application":{"id":"%s","flags":0}}
            """
                .formatted(botUser(), ACME, BAKKER, gatewayUrl(), APPLICATION));
        dispatch("GUILD_CREATE", guild(ACME, "Acme Sales"));
        dispatch("GUILD_CREATE", guild(BAKKER, "Bakker Group"));
      }
      default -> {}
    }
  }

  private void dispatch(String type, String data) {
    dispatched.add(type);
    client.send(
        "{\"op\":0,\"s\":%d,\"t\":\"%s\",\"d\":%s}"
            .formatted(sequence.incrementAndGet(), type, data));
  }

  private static String botUser() {
    return "{\"id\":\"%s\",\"username\":\"Salesmeter\",\"discriminator\":\"0000\",\"avatar\":null,\"bot\":true,\"global_name\":null}"
        .formatted(APPLICATION);
  }

  private static String user(Person person) {
    return "{\"id\":\"%s\",\"username\":\"%s\",\"discriminator\":\"0\",\"avatar\":null,\"global_name\":\"%s\"}"
        .formatted(person.id(), person.name().toLowerCase().replace(' ', '.'), person.name());
  }

  static String member(Person person) {
    String roles =
        String.join(",", person.roles().stream().map(role -> "\"" + role + "\"").toList());
    return """
        {"user":%s,"roles":[%s],"joined_at":"2025-01-06T09:00:00.000000+00:00",
         "nick":null,"avatar":null,"deaf":false,"mute":false,"flags":0,"pending":false,
         "permissions":"%s"}
        """
        .formatted(user(person), roles, person.roles().contains(ADMINS_ROLE) ? "51232" : "51200");
  }

  /** A USER option's resolved data, as Discord sends it beside the option's id. */
  static String resolved(Person person) {
    String member = member(person).replaceFirst("\"user\":\\{[^}]*},", "");
    return "{\"users\":{\"%s\":%s},\"members\":{\"%s\":%s}}"
        .formatted(person.id(), user(person), person.id(), member);
  }

  private static String channel(String guild) {
    return guild.equals(ACME) ? ACME_CHANNEL : BAKKER_CHANNEL;
  }

  private static String channelJson(String guild) {
    return """
        {"id":"%s","type":0,"guild_id":"%s","name":"sales","position":0,"nsfw":false,
         "permission_overwrites":[],"topic":null,"last_message_id":null,"parent_id":null,
         "rate_limit_per_user":0}
        """
        .formatted(channel(guild), guild);
  }

  private static String role(String id, String name, String permissions, int position) {
    return """
        {"id":"%s","name":"%s","permissions":"%s","position":%d,"color":0,
         "colors":{"primary_color":0,"secondary_color":null,"tertiary_color":null},
         "hoist":false,"managed":false,"mentionable":false,"flags":0,"icon":null,
         "unicode_emoji":null}
        """
        .formatted(id, name, permissions, position);
  }

  private static String guild(String id, String name) {
    return """
        {"id":"%s","name":"%s","icon":null,"splash":null,"discovery_splash":null,
         "owner_id":"800000000000000099","afk_channel_id":null,"afk_timeout":300,
         "verification_level":0,"default_message_notifications":0,"explicit_content_filter":0,
         "mfa_level":0,"nsfw_level":0,"premium_tier":0,"premium_subscription_count":0,
         "features":[],"preferred_locale":"en-US","member_count":4,"large":false,
         "unavailable":false,"joined_at":"2025-01-06T09:00:00.000000+00:00",
         "system_channel_id":null,"rules_channel_id":null,"description":null,"banner":null,
         "vanity_url_code":null,"max_members":500000,
         "roles":[%s,%s,%s],"channels":[%s],"threads":[],"guild_scheduled_events":[],
         "emojis":[],"stickers":[],"voice_states":[],"members":[%s],"presences":[],
         "stage_instances":[],"soundboard_sounds":[]}
        """
        .formatted(
            id,
            name,
            role(id, "@everyone", "52224", 0), // view channel, send, embed links, attach files
            role(ADMINS_ROLE, "Admins", "32", 2),
            role(SALES_LEAD_ROLE, "Sales lead", "0", 1),
            channelJson(id),
            member(new Person(APPLICATION, "Salesmeter", List.of())));
  }

  private void rest(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath().substring("/api/v10".length());
    byte[] body = exchange.getRequestBody().readAllBytes();
    Request request =
        new Request(
            method,
            path,
            exchange.getRequestHeaders().getFirst("Content-Type"),
            body,
            System.nanoTime());
    requests.add(request);
    if (method.equals("GET") && path.equals("/users/@me")) {
      answer(exchange, 200, botUser());
    } else if (method.equals("PUT") && path.startsWith("/applications/" + APPLICATION)) {
      registrations.add(request);
      ArrayNode commands = (ArrayNode) JSON.readTree(body);
      for (JsonNode command : commands) {
        ((ObjectNode) command).put("id", snowflake());
        ((ObjectNode) command).put("application_id", APPLICATION);
        ((ObjectNode) command).put("version", snowflake());
        ((ObjectNode) command).put("type", 1);
      }
      answer(exchange, 200, JSON.writeValueAsString(commands));
    } else if (method.equals("POST") && path.startsWith("/interactions/")) {
      callbacks.add(request);
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    } else if (method.equals("POST") && path.matches("/channels/\\d+/messages")) {
      channelMessages.add(request);
      answer(exchange, 200, message());
    } else if (method.equals("POST") && path.equals("/users/@me/channels")) {
      String recipient = JSON.readTree(body).path("recipient_id").asText();
      answer(
          exchange,
          200,
          "{\"id\":\"74%s\",\"type\":1,\"last_message_id\":null,\"recipients\":[%s]}"
              .formatted(
                  recipient.substring(2), user(new Person(recipient, "Someone", List.of()))));
    } else if (path.startsWith("/webhooks/" + APPLICATION + "/")) {
      followUps.add(request);
      answer(exchange, 200, message());
    } else {
      unexpected.add(method + " " + path);
      answer(exchange, 404, "{\"message\":\"Unknown\",\"code\":0}");
    }
  }

  private String message() {
    return """
        {"id":"%s","type":0,"channel_id":"%s","author":%s,"content":"","timestamp":
         "2026-11-26T09:00:00.000000+00:00","edited_timestamp":null,"tts":false,
         "mention_everyone":false,"mentions":[],"mention_roles":[],"attachments":[],
         "embeds":[],"pinned":false,"flags":0,"components":[]}
        """
        .formatted(snowflake(), ACME_CHANNEL, botUser());
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() throws Exception {
    rest.stop(0);
    gateway.stop(1000);
  }
}
