package dev.salesmeter.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.salesmeter.command.CommandSpec;
import dev.salesmeter.command.Reply;
import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.command.TypedInput;
import dev.salesmeter.core.Actor;
import dev.salesmeter.core.Platform;
import dev.salesmeter.core.RepMention;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mapping between the registry and Discord, case by case: commands and options as declared,
 * options read back from mocked JDA objects (public API only), members as actors, replies as
 * embeds, and the invite link.
 */
final class SlashCommandsTest {
  /** Discord's rule for command and option names. */
  private static final Pattern NAME = Pattern.compile("^[-_\\p{L}\\p{N}]{1,32}$");

  @TempDir static Path folder;
  static TestWorkspace team;
  static List<SlashCommandData> commands;

  @BeforeAll
  static void open() {
    team = TestWorkspace.english(folder);
    commands = SlashCommands.of(team.commands().registry());
  }

  @AfterAll
  static void close() {
    team.close();
  }

  private static CommandSpec spec(String name) {
    return team.commands().registry().find(name).orElseThrow();
  }

  private static OptionMapping option(String name, OptionType type) {
    OptionMapping option = mock(OptionMapping.class);
    when(option.getName()).thenReturn(name);
    when(option.getType()).thenReturn(type);
    return option;
  }

  @Test
  @DisplayName("every command and option has a valid name, a description Discord takes, and Dutch")
  void declarations() {
    for (SlashCommandData command : commands) {
      assertThat(command.getName()).matches(NAME).isLowerCase();
      assertThat(command.getDescription()).isNotBlank().hasSizeLessThanOrEqualTo(100);
      assertThat(command.getNameLocalizations().get(DiscordLocale.DUTCH)).matches(NAME);
      assertThat(command.getDescriptionLocalizations().get(DiscordLocale.DUTCH))
          .isNotBlank()
          .hasSizeLessThanOrEqualTo(100);
      assertThat(command.getOptions()).hasSizeLessThanOrEqualTo(25);
      boolean optionalSeen = false;
      for (OptionData option : command.getOptions()) {
        assertThat(option.getName()).matches(NAME).isLowerCase();
        assertThat(option.getDescription()).isNotBlank().hasSizeLessThanOrEqualTo(100);
        assertThat(option.getDescriptionLocalizations().get(DiscordLocale.DUTCH))
            .isNotBlank()
            .hasSizeLessThanOrEqualTo(100);
        assertThat(option.getNameLocalizations().get(DiscordLocale.DUTCH)).matches(NAME);
        assertThat(option.isRequired() && optionalSeen)
            .as("required option %s after an optional one", option.getName())
            .isFalse();
        optionalSeen |= !option.isRequired();
      }
    }
  }

  @Test
  @DisplayName("/sale: customer with autocomplete, amount a number from one cent, flags booleans")
  void sale() {
    SlashCommandData sale =
        commands.stream().filter(c -> c.getName().equals("sale")).findFirst().orElseThrow();
    List<String> types = new ArrayList<>();
    sale.getOptions().forEach(o -> types.add(o.getName() + ":" + o.getType()));
    assertThat(types)
        .containsExactly(
            "customer:STRING",
            "amount:NUMBER",
            "rep:USER",
            "date:STRING",
            "margin:NUMBER",
            "products:STRING",
            "cross-sell:BOOLEAN",
            "new:BOOLEAN");
    OptionData amount = sale.getOptions().get(1);
    assertThat(amount.getMinValue().doubleValue()).isEqualTo(0.01);
    assertThat(amount.getMaxValue().doubleValue()).isEqualTo(1e9);
    assertThat(sale.getOptions().get(0).isAutoComplete()).isTrue();
    assertThat(sale.getOptions().get(0).getMaxLength()).isEqualTo(200);
    OptionData margin = sale.getOptions().get(4);
    assertThat(margin.getMinValue().doubleValue()).isZero();
    assertThat(margin.getMaxValue().doubleValue()).isEqualTo(100.0);
  }

  @Test
  @DisplayName("/edit: the event's number required, then every field, choices for yes/no and kind")
  void edit() {
    SlashCommandData edit =
        commands.stream().filter(c -> c.getName().equals("edit")).findFirst().orElseThrow();
    List<String> types = new ArrayList<>();
    edit.getOptions().forEach(o -> types.add(o.getName() + ":" + o.getType()));
    assertThat(types)
        .containsExactly(
            "number:INTEGER",
            "amount:NUMBER",
            "customer:STRING",
            "rep:USER",
            "date:STRING",
            "margin:NUMBER",
            "source:STRING",
            "reason:STRING",
            "products:STRING",
            "label:STRING",
            "period:STRING",
            "cross-sell:STRING",
            "kind:STRING",
            "new:BOOLEAN");
    assertThat(edit.getOptions().get(0).isRequired()).isTrue();
    assertThat(edit.getNameLocalizations().get(DiscordLocale.DUTCH)).isEqualTo("wijzig");
    OptionData crossSell = edit.getOptions().get(11);
    assertThat(crossSell.getChoices())
        .extracting(choice -> choice.getAsString())
        .containsExactly("yes", "no");
    assertThat(crossSell.getChoices().get(0).getNameLocalizations().get(DiscordLocale.DUTCH))
        .isEqualTo("ja");
    assertThat(edit.getOptions().get(12).getNameLocalizations().get(DiscordLocale.DUTCH))
        .isEqualTo("soort");
  }

  private static Reply typed(String id, Map<String, Object> values) {
    return team.commands()
        .handle(
            new TypedInput(
                Platform.DISCORD,
                TestWorkspace.WORKSPACE,
                new Actor("anna", "anna", false),
                "C-1",
                id,
                "edit",
                values,
                Optional.empty()));
  }

  @Test
  @DisplayName("/edit through typed options: the same correction and the same errors as a line")
  void editTyped() {
    team.run("@anna /sale Acme 300");
    long number = team.events();
    Reply reply =
        typed(
            "typed-edit-1",
            Map.of("number", number, "amount", new BigDecimal("400"), "cross-sell", "yes"));
    assertThat(reply.text())
        .startsWith(
            "Corrected: Sale #"
                + number
                + ": €300 — Acme (anna) → Sale #"
                + (number + 2)
                + ": €400 — Acme (anna), cross-sell");
    assertThat(typed("typed-edit-2", Map.of("number", number + 2, "kind", "visit")).text())
        .startsWith("\"kind:\" does not apply to Sale #" + (number + 2));
    assertThat(typed("typed-edit-3", Map.of("amount", new BigDecimal("5"))).text())
        .startsWith("Which event?");
  }

  @Test
  @DisplayName("/schedule: what to do is a list to pick from, in English and Dutch")
  void schedule() {
    SlashCommandData schedule =
        commands.stream().filter(c -> c.getName().equals("schedule")).findFirst().orElseThrow();
    OptionData action = schedule.getOptions().get(0);
    assertThat(action.getName()).isEqualTo("action");
    assertThat(action.isAutoComplete()).isFalse();
    assertThat(action.getChoices())
        .extracting(choice -> choice.getAsString())
        .containsExactly("scorecard", "nudges", "list", "stop");
    assertThat(action.getChoices().get(0).getNameLocalizations().get(DiscordLocale.DUTCH))
        .isEqualTo("scorekaart");
    assertThat(schedule.getNameLocalizations().get(DiscordLocale.DUTCH)).isEqualTo("planning");
  }

  @Test
  @DisplayName("options are read by type: numbers exactly as typed, integers, booleans, text")
  void values() {
    OptionMapping amount = option("amount", OptionType.NUMBER);
    when(amount.getAsDouble()).thenReturn(4200.1);
    OptionMapping customer = option("customer", OptionType.STRING);
    when(customer.getAsString()).thenReturn("Bakkerij \"Jansen\"");
    OptionMapping crossSell = option("cross-sell", OptionType.BOOLEAN);
    when(crossSell.getAsBoolean()).thenReturn(true);
    Map<String, Object> values =
        SlashCommands.values(spec("sale"), List.of(amount, customer, crossSell));
    // 4200.1 as a double is 4200.09999…; the value is the shortest decimal, what was typed
    assertThat(values)
        .containsEntry("amount", new BigDecimal("4200.1"))
        .containsEntry("customer", "Bakkerij \"Jansen\"")
        .containsEntry("cross-sell", true);
    OptionMapping event = option("event", OptionType.INTEGER);
    when(event.getAsLong()).thenReturn(123L);
    assertThat(SlashCommands.values(spec("void"), List.of(event))).containsEntry("event", 123L);
  }

  @Test
  @DisplayName("a rep is the Discord user, named as the server shows them")
  void rep() {
    User user = mock(User.class);
    when(user.getId()).thenReturn("42");
    when(user.getEffectiveName()).thenReturn("bram_x");
    Member member = mock(Member.class);
    when(member.getEffectiveName()).thenReturn("Bram (Sales)");
    OptionMapping rep = option("rep", OptionType.USER);
    when(rep.getAsUser()).thenReturn(user);
    when(rep.getAsMember()).thenReturn(member);
    assertThat(SlashCommands.values(spec("sale"), List.of(rep)))
        .containsEntry("rep", new RepMention(Optional.of("42"), "Bram (Sales)"));
    // a user who left the server: their own name
    when(rep.getAsMember()).thenReturn(null);
    assertThat(SlashCommands.values(spec("sale"), List.of(rep)))
        .containsEntry("rep", new RepMention(Optional.of("42"), "bram_x"));
  }

  @Test
  @DisplayName("an option the command does not declare is passed on, for the shared error")
  void undeclared() {
    OptionMapping stale = option("colour", OptionType.STRING);
    when(stale.getAsString()).thenReturn("red");
    assertThat(SlashCommands.values(spec("lead"), List.of(stale))).containsEntry("colour", "red");
  }

  @Test
  @DisplayName("managers: Manage Server, or one of the configured roles; everyone else a rep")
  void managers() {
    DiscordAdapter adapter =
        new DiscordAdapter(
            team.commands(),
            team.suggestions(),
            new DiscordAdapter.Settings(Set.of(), Set.of("555")));
    Role salesLead = mock(Role.class);
    when(salesLead.getId()).thenReturn("555");
    Role other = mock(Role.class);
    when(other.getId()).thenReturn("666");
    Member admin = member("1", "Lisa", true, List.of());
    Member lead = member("2", "Mark", false, List.of(other, salesLead));
    Member rep = member("3", "Anna", false, List.of(other));
    assertThat(adapter.actor(admin)).isEqualTo(new Actor("1", "Lisa", true));
    assertThat(adapter.actor(lead)).isEqualTo(new Actor("2", "Mark", true));
    assertThat(adapter.actor(rep)).isEqualTo(new Actor("3", "Anna", false));
  }

  private static Member member(String id, String name, boolean manageServer, List<Role> roles) {
    Member member = mock(Member.class);
    when(member.getId()).thenReturn(id);
    when(member.getEffectiveName()).thenReturn(name);
    when(member.hasPermission(Permission.MANAGE_SERVER)).thenReturn(manageServer);
    when(member.getRoles()).thenReturn(roles);
    return member;
  }

  @Test
  @DisplayName("a figure is an embed: title, escaped text, inline fields, the period as footer")
  void embed() {
    List<Reply.Field> fields = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      fields.add(new Reply.Field("Rep " + i, "€" + i));
    }
    Reply reply =
        new Reply(
            Optional.of("Revenue — March 2026"),
            "Best: *Anna* with __most__ sales",
            fields,
            Optional.of("1–31 Mar 2026"),
            Optional.empty(),
            false);
    MessageEmbed embed = DiscordAdapter.embed(reply);
    assertThat(embed.getTitle()).isEqualTo("Revenue — March 2026");
    assertThat(embed.getDescription()).isEqualTo("Best: \\*Anna\\* with \\_\\_most\\_\\_ sales");
    assertThat(embed.getFields()).hasSize(25);
    assertThat(embed.getFields().get(0).isInline()).isTrue();
    assertThat(embed.getFooter().getText()).isEqualTo("1–31 Mar 2026");
    // a short answer with nothing to lay out is plain text
    assertThat(DiscordAdapter.embed(Reply.privately("Lead #1 logged"))).isNull();
    // a long one still fits: an embed's description holds 4096 characters
    MessageEmbed long_ = DiscordAdapter.embed(Reply.privately("x".repeat(10_000)));
    assertThat(long_.getDescription()).hasSize(4096).endsWith("…");
  }

  @Test
  @DisplayName(
      "the invite asks for bot and applications.commands and the four permissions scheduled posts"
          + " need")
  void invite() {
    // view channel (1 << 10) + send messages (1 << 11) + embed links (1 << 14)
    // + attach files (1 << 15) = 52224
    assertThat(DiscordInvite.url("1234567890"))
        .isEqualTo(
            "https://discord.com/oauth2/authorize?client_id=1234567890"
                + "&scope=bot+applications.commands&permissions=52224");
    // a token's first part is the application id in base64: "MTIzNDU2" is "123456"
    assertThat(DiscordInvite.applicationId("MTIzNDU2.Gx1y2z.secret")).contains("123456");
    assertThat(DiscordInvite.applicationId("not-a-token")).isEmpty();
    assertThat(DiscordInvite.applicationId("aGVsbG8.x.y")).isEmpty(); // "hello"
  }
}
