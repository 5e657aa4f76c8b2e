package dev.salesmeter.discord;

import dev.salesmeter.command.CommandRegistry;
import dev.salesmeter.command.CommandSpec;
import dev.salesmeter.command.Parameter;
import dev.salesmeter.core.Money;
import dev.salesmeter.core.RepMention;
import dev.salesmeter.core.text.Messages;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * The command registry as Discord slash commands, and Discord's typed options back as the values
 * {@link dev.salesmeter.command.TypedArguments} reads. Each parameter of a command becomes a typed
 * option: amounts and percentages numbers, event numbers integers, reps Discord users, flags
 * booleans, customers, periods, weeks, figures and commands text with autocomplete (free text still
 * allowed), dates text with examples. Names and descriptions carry Dutch localisations.
 */
final class SlashCommands {
  /** Discord's limit on a description. */
  private static final int MOST_DESCRIPTION = 100;

  /** The longest text option: the shared limit of a name (a customer, a label, a period). */
  private static final int MOST_TEXT = 200;

  /** A comma-separated list of up to 20 products. */
  private static final int MOST_LIST = 1000;

  private static final Locale DUTCH = Locale.forLanguageTag("nl");

  private SlashCommands() {}

  /** Every command of the registry, typed, in English with Dutch localisations. */
  static List<SlashCommandData> of(CommandRegistry registry) {
    Messages english = Messages.of(Locale.ENGLISH);
    Messages dutch = Messages.of(DUTCH);
    return registry.all().stream()
        .map(
            spec -> {
              SlashCommandData data =
                  net.dv8tion.jda.api.interactions.commands.build.Commands.slash(
                          spec.name(), description(english, spec.helpKey("summary")))
                      .setNameLocalization(DiscordLocale.DUTCH, spec.dutchName())
                      .setDescriptionLocalization(
                          DiscordLocale.DUTCH, description(dutch, spec.helpKey("summary")))
                      // A direct message gets a polite refusal rather than no command at all.
                      .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM);
              spec.parameters().stream()
                  // Discord wants the required options first; the registry's order is kept else.
                  .sorted(Comparator.comparing(parameter -> !parameter.required()))
                  .map(parameter -> option(parameter, english, dutch))
                  .forEach(data::addOptions);
              return data;
            })
        .toList();
  }

  private static OptionData option(Parameter parameter, Messages english, Messages dutch) {
    String key = "parameter." + parameter.name();
    OptionData option =
        new OptionData(
                typeOf(parameter.type()),
                parameter.name(),
                description(english, key),
                parameter.required(),
                suggested(parameter))
            .setNameLocalization(DiscordLocale.DUTCH, parameter.dutchName())
            .setDescriptionLocalization(DiscordLocale.DUTCH, description(dutch, key));
    for (int i = 0; i < parameter.choices().size(); i++) {
      option.addChoices(
          new Command.Choice(parameter.choices().get(i), parameter.choices().get(i))
              .setNameLocalization(DiscordLocale.DUTCH, parameter.dutchChoices().get(i)));
    }
    switch (parameter.type()) {
      case AMOUNT ->
          option.setRequiredRange(0.01, Money.ofCents(Money.MAX_CENTS).units().doubleValue());
      case PERCENT -> option.setRequiredRange(0.0, 100.0);
      case EVENT_NUMBER -> option.setMinValue(1);
      case LIST -> option.setMaxLength(MOST_LIST);
      case CUSTOMER, PERIOD, TEXT, CHOICE, DATE -> option.setMaxLength(MOST_TEXT);
      case USER, FLAG -> {}
    }
    return option;
  }

  private static OptionType typeOf(Parameter.Type type) {
    return switch (type) {
      case AMOUNT, PERCENT -> OptionType.NUMBER;
      case EVENT_NUMBER -> OptionType.INTEGER;
      case USER -> OptionType.USER;
      case FLAG -> OptionType.BOOLEAN;
      case CUSTOMER, PERIOD, TEXT, CHOICE, DATE, LIST -> OptionType.STRING;
    };
  }

  /**
   * Whether Discord asks us for suggestions while the option is typed. A choice whose words the
   * grammar fixes is a list to pick from instead.
   */
  static boolean suggested(Parameter parameter) {
    return parameter.choices().isEmpty()
        && (parameter.type() == Parameter.Type.CUSTOMER
            || parameter.type() == Parameter.Type.PERIOD
            || parameter.type() == Parameter.Type.CHOICE);
  }

  private static String description(Messages messages, String key) {
    String text = messages.get(key);
    return text.length() <= MOST_DESCRIPTION
        ? text
        : text.substring(0, MOST_DESCRIPTION - 1).strip() + "…";
  }

  /**
   * The options of an interaction as the shared reader takes them, by parameter name. An option the
   * command does not declare (a stale registration) is passed on by name, so the shared reader
   * refuses it with the error a typed line gets.
   */
  static Map<String, Object> values(CommandSpec spec, List<OptionMapping> options) {
    Map<String, Parameter.Type> types = new HashMap<>();
    spec.parameters().forEach(parameter -> types.put(parameter.name(), parameter.type()));
    Map<String, Object> values = new HashMap<>();
    for (OptionMapping option : options) {
      Parameter.Type type = types.get(option.getName());
      values.put(option.getName(), type == null ? option.getAsString() : value(type, option));
    }
    return values;
  }

  private static Object value(Parameter.Type type, OptionMapping option) {
    return switch (type) {
      // Discord sends a number as a double; its shortest decimal form is what the user typed.
      case AMOUNT, PERCENT -> new BigDecimal(Double.toString(option.getAsDouble()));
      case EVENT_NUMBER -> option.getAsLong();
      case FLAG -> option.getAsBoolean();
      case USER -> rep(option.getAsUser(), option.getAsMember());
      case CUSTOMER, PERIOD, TEXT, CHOICE, DATE, LIST -> option.getAsString();
    };
  }

  /** A Discord user as a rep: known by id, named as the server shows them. */
  static RepMention rep(User user, Member member) {
    String name = member != null ? member.getEffectiveName() : user.getEffectiveName();
    return new RepMention(Optional.of(user.getId()), name);
  }
}
