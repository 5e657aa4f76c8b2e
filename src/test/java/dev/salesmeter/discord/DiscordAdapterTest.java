package dev.salesmeter.discord;

import static dev.salesmeter.discord.FakeDiscord.ACME;
import static dev.salesmeter.discord.FakeDiscord.ANNA;
import static dev.salesmeter.discord.FakeDiscord.BAKKER;
import static dev.salesmeter.discord.FakeDiscord.BRAM;
import static dev.salesmeter.discord.FakeDiscord.LISA;
import static dev.salesmeter.discord.FakeDiscord.MARK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.core.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real JDA against a local Discord: login, command registration, interactions in and replies
 * out, in two servers. Acme's commands are registered as guild commands (it is configured);
 * Bakker's are not.
 */
final class DiscordAdapterTest {
  private static final Logger LOG = LoggerFactory.getLogger(DiscordAdapterTest.class);

  @TempDir static Path folder;
  static TestWorkspace team;
  static FakeDiscord discord;
  static DiscordConnection connection;
  static JsonNode registered;

  @BeforeAll
  static void connect() throws Exception {
    team = TestWorkspace.english(folder);
    discord = new FakeDiscord();
    DiscordAdapter adapter =
        new DiscordAdapter(
            team.commands(),
            team.suggestions(),
            new DiscordAdapter.Settings(Set.of(ACME), Set.of(FakeDiscord.SALES_LEAD_ROLE)));
    connection =
        DiscordConnection.start(
            "Bot-token.test.x", discord.apiUrl(), discord.gatewayUrl(), adapter);
    // Acme's registration comes when its GUILD_CREATE was understood: JDA is ready for it.
    FakeDiscord.Request registration = discord.registrations.poll(30, TimeUnit.SECONDS);
    assertThat(registration)
        .as(
            "Acme's commands were registered; the fake got %s and the gateway sent %s",
            discord.requests.stream().map(r -> r.method() + " " + r.path()).toList(),
            discord.dispatched)
        .isNotNull();
    registered = FakeDiscord.json(registration.text());
    assertThat(registration.path())
        .isEqualTo("/applications/" + FakeDiscord.APPLICATION + "/guilds/" + ACME + "/commands");
  }

  @AfterAll
  static void close() throws Exception {
    connection.close();
    discord.close();
    team.close();
  }

  @Test
  @DisplayName("registration carries every command, typed, with Dutch names and descriptions")
  void registration() throws Exception {
    List<String> names = new ArrayList<>();
    registered.forEach(command -> names.add(command.path("name").asText()));
    List<String> expected = new ArrayList<>();
    team.commands().registry().all().forEach(spec -> expected.add(spec.name()));
    assertThat(names).containsExactlyElementsOf(expected);
    JsonNode sale = command("sale");
    assertThat(sale.path("name_localizations").path("nl").asText()).isEqualTo("verkoop");
    assertThat(sale.path("description_localizations").path("nl").asText()).isNotBlank();
    JsonNode customer = option(sale, "customer");
    assertThat(customer.path("type").asInt()).isEqualTo(3); // string
    assertThat(customer.path("required").asBoolean()).isTrue();
    assertThat(customer.path("autocomplete").asBoolean()).isTrue();
    assertThat(customer.path("name_localizations").path("nl").asText()).isEqualTo("klant");
    JsonNode amount = option(sale, "amount");
    assertThat(amount.path("type").asInt()).isEqualTo(10); // number
    assertThat(amount.path("min_value").asDouble()).isEqualTo(0.01);
    assertThat(amount.path("max_value").asDouble()).isEqualTo(1_000_000_000.0);
    assertThat(option(sale, "rep").path("type").asInt()).isEqualTo(6); // user
    assertThat(option(sale, "cross-sell").path("type").asInt()).isEqualTo(5); // boolean
    assertThat(option(sale, "date").path("autocomplete").asBoolean()).isFalse();
    assertThat(option(command("kpi"), "figure").path("autocomplete").asBoolean()).isTrue();
    assertThat(option(command("void"), "event").path("type").asInt()).isEqualTo(4); // integer
    // Required options come first, as Discord demands.
    assertThat(sale.path("options").get(0).path("name").asText()).isEqualTo("customer");
    assertThat(sale.path("options").get(1).path("name").asText()).isEqualTo("amount");
    // Only Acme is configured: Bakker got no guild commands, and nothing went global.
    assertThat(discord.registrations).isEmpty();
    assertThat(discord.unexpected).isEmpty();
  }

  @Test
  @DisplayName("a /sale is stored and confirmed to the rep only")
  void sale() throws Exception {
    long before = team.events(new WorkspaceId(ACME));
    long sent = System.nanoTime();
    String id =
        discord.slashCommand(
            ACME,
            ANNA,
            "en-US",
            "sale",
            "[{\"name\":\"customer\",\"type\":3,\"value\":\"Acme Bakeries\"},"
                + "{\"name\":\"amount\",\"type\":10,\"value\":4200.5},"
                + "{\"name\":\"cross-sell\",\"type\":5,\"value\":true}]",
            "{}");
    FakeDiscord.Request callback = discord.callback(id);
    LOG.info("interaction to first response: {} ms", (callback.at() - sent) / 1_000_000);
    JsonNode reply = FakeDiscord.json(callback.text());
    assertThat(reply.path("type").asInt()).isEqualTo(4); // a message, not a deferral
    assertThat(reply.path("data").path("flags").asInt() & 64).isEqualTo(64); // ephemeral
    assertThat(reply.path("data").path("content").asText())
        .contains("Sale #")
        .contains("Acme Bakeries")
        .contains("4,200.50");
    assertThat(team.events(new WorkspaceId(ACME))).isEqualTo(before + 1);
  }

  @Test
  @DisplayName("a /kpi is deferred at once, then followed up with an embed showing the PNG")
  void figureWithChart() throws Exception {
    reply(
        discord.slashCommand(
            ACME,
            LISA,
            "en-US",
            "sale",
            "[{\"name\":\"customer\",\"type\":3,\"value\":\"Chart Co\"},"
                + "{\"name\":\"amount\",\"type\":10,\"value\":1000},"
                + "{\"name\":\"date\",\"type\":3,\"value\":\"2026-03-02\"}]",
            "{}"));
    long sent = System.nanoTime();
    String id =
        discord.slashCommand(
            ACME,
            ANNA,
            "en-US",
            "kpi",
            "[{\"name\":\"figure\",\"type\":3,\"value\":\"revenue\"},"
                + "{\"name\":\"period\",\"type\":3,\"value\":\"march 2026\"}]",
            "{}");
    FakeDiscord.Request callback = discord.callback(id);
    LOG.info("interaction to first response (deferral): {} ms", (callback.at() - sent) / 1_000_000);
    JsonNode deferral = FakeDiscord.json(callback.text());
    assertThat(deferral.path("type").asInt()).isEqualTo(5);
    assertThat(deferral.path("data").path("flags").asInt() & 64).isZero(); // the channel sees it
    FakeDiscord.Request followUp = discord.followUp(id);
    assertThat(followUp.at()).isGreaterThan(callback.at());
    assertThat(followUp.contentType()).startsWith("multipart/form-data");
    String body = new String(followUp.body(), StandardCharsets.ISO_8859_1);
    assertThat(body).contains("\u0089PNG"); // the file part holds the PNG's bytes
    String payload = new String(followUp.body(), StandardCharsets.UTF_8);
    assertThat(payload)
        .contains("Revenue — March 2026")
        .contains("attachment://")
        .contains(".png")
        .contains("\"footer\"");
  }

  @Test
  @DisplayName("autocomplete offers the server's customers by prefix and despite a typo")
  void customerSuggestions() throws Exception {
    reply(
        discord.slashCommand(
            ACME,
            LISA,
            "en-US",
            "lead",
            "[{\"name\":\"customer\",\"type\":3,\"value\":\"Zeeland Zuivel\"}]",
            "{}"));
    JsonNode byPrefix = choices(ACME, "zee");
    assertThat(byPrefix.findValuesAsText("value")).contains("Zeeland Zuivel");
    JsonNode byTypo = choices(ACME, "Zeelamd");
    assertThat(byTypo.findValuesAsText("value")).contains("Zeeland Zuivel");
    // Another server's customers are never offered.
    assertThat(choices(BAKKER, "zee").findValuesAsText("value")).doesNotContain("Zeeland Zuivel");
  }

  @Test
  @DisplayName("a rep using a manager command is refused; Manage Server and a configured role pass")
  void managersOnly() throws Exception {
    String target =
        "[{\"name\":\"amount\",\"type\":10,\"value\":50000},"
            + "{\"name\":\"period\",\"type\":3,\"value\":\"Q2 2026\"}]";
    long before = team.events(new WorkspaceId(ACME));
    JsonNode refused = reply(discord.slashCommand(ACME, ANNA, "en-US", "target", target, "{}"));
    assertThat(refused.path("data").path("flags").asInt() & 64).isEqualTo(64);
    assertThat(refused.path("data").path("content").asText()).contains("managers");
    assertThat(team.events(new WorkspaceId(ACME))).isEqualTo(before);
    JsonNode admin = reply(discord.slashCommand(ACME, LISA, "en-US", "target", target, "{}"));
    assertThat(admin.path("data").path("content").asText()).doesNotContain("managers");
    JsonNode salesLead = reply(discord.slashCommand(ACME, MARK, "en-US", "target", target, "{}"));
    assertThat(salesLead.path("data").path("content").asText()).doesNotContain("managers");
    assertThat(team.events(new WorkspaceId(ACME))).isEqualTo(before + 2);
  }

  @Test
  @DisplayName("two servers are two workspaces: a sale in one is not seen in the other")
  void serversIsolated() throws Exception {
    long acme = team.events(new WorkspaceId(ACME));
    reply(
        discord.slashCommand(
            BAKKER,
            BRAM,
            "en-US",
            "sale",
            "[{\"name\":\"customer\",\"type\":3,\"value\":\"Only Bakker\"},"
                + "{\"name\":\"amount\",\"type\":10,\"value\":777}]",
            "{}"));
    assertThat(team.events(new WorkspaceId(BAKKER))).isEqualTo(1);
    assertThat(team.events(new WorkspaceId(ACME))).isEqualTo(acme);
    assertThat(choices(ACME, "only").findValuesAsText("value")).isEmpty();
  }

  @Test
  @DisplayName("a manager logs a sale for a rep named as a Discord user")
  void forARep() throws Exception {
    JsonNode reply =
        reply(
            discord.slashCommand(
                ACME,
                LISA,
                "en-US",
                "sale",
                "[{\"name\":\"customer\",\"type\":3,\"value\":\"Rep Co\"},"
                    + "{\"name\":\"amount\",\"type\":10,\"value\":300},"
                    + "{\"name\":\"rep\",\"type\":6,\"value\":\""
                    + BRAM.id()
                    + "\"}]",
                FakeDiscord.resolved(BRAM)));
    assertThat(reply.path("data").path("content").asText()).contains("Bram");
  }

  @Test
  @DisplayName("bad input gets the shared error, privately, and stores nothing")
  void badInput() throws Exception {
    long before = team.events(new WorkspaceId(ACME));
    JsonNode zero =
        reply(
            discord.slashCommand(
                ACME,
                ANNA,
                "en-US",
                "sale",
                "[{\"name\":\"customer\",\"type\":3,\"value\":\"Acme\"},"
                    + "{\"name\":\"amount\",\"type\":10,\"value\":0}]",
                "{}"));
    assertThat(zero.path("data").path("flags").asInt() & 64).isEqualTo(64);
    assertThat(zero.path("data").path("content").asText()).contains("more than zero");
    JsonNode hostile =
        reply(
            discord.slashCommand(
                ACME,
                ANNA,
                "en-US",
                "lead",
                "[{\"name\":\"customer\",\"type\":3,\"value\":\"Evil\\u202Ename\"}]",
                "{}"));
    assertThat(hostile.path("data").path("content").asText()).contains("control");
    JsonNode badDate =
        reply(
            discord.slashCommand(
                ACME,
                ANNA,
                "en-US",
                "lead",
                "[{\"name\":\"customer\",\"type\":3,\"value\":\"Acme\"},"
                    + "{\"name\":\"date\",\"type\":3,\"value\":\"2099-01-01\"}]",
                "{}"));
    assertThat(badDate.path("data").path("content").asText()).contains("future");
    assertThat(team.events(new WorkspaceId(ACME))).isEqualTo(before);
  }

  @Test
  @DisplayName("a command in a direct message gets a polite refusal in the user's language")
  void directMessage() throws Exception {
    JsonNode reply = reply(discord.directMessage(ANNA, "sale"));
    assertThat(reply.path("data").path("flags").asInt() & 64).isEqualTo(64);
    assertThat(reply.path("data").path("content").asText()).contains("privéberichten");
  }

  private static JsonNode reply(String interaction) throws Exception {
    return FakeDiscord.json(discord.callback(interaction).text());
  }

  private static JsonNode choices(String guild, String typed) throws Exception {
    String id =
        discord.autocomplete(
            guild,
            ANNA,
            "sale",
            "[{\"name\":\"customer\",\"type\":3,\"value\":\"" + typed + "\",\"focused\":true}]");
    JsonNode answer = reply(id);
    assertThat(answer.path("type").asInt()).isEqualTo(8);
    return answer.path("data").path("choices");
  }

  private static JsonNode command(String name) {
    for (JsonNode command : registered) {
      if (command.path("name").asText().equals(name)) {
        return command;
      }
    }
    throw new AssertionError("no command " + name);
  }

  private static JsonNode option(JsonNode command, String name) {
    for (JsonNode option : command.path("options")) {
      if (option.path("name").asText().equals(name)) {
        return option;
      }
    }
    throw new AssertionError("no option " + name + " in " + command.path("name"));
  }
}
