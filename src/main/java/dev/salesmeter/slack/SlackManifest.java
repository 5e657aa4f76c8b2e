package dev.salesmeter.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.salesmeter.command.CommandRegistry;
import dev.salesmeter.command.CommandSpec;
import dev.salesmeter.core.text.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Slack app manifest, generated from the command registry so that the two never drift: every
 * command under its English and its Dutch name, with its description and usage hint; only the
 * scopes Salesmeter uses; Socket Mode on.
 */
public final class SlackManifest {
  /** Slack's limit on a command's description. */
  private static final int DESCRIPTION = 100;

  private SlackManifest() {}

  public static String yaml(CommandRegistry registry) {
    List<Map<String, Object>> commands = new ArrayList<>();
    for (CommandSpec spec : registry.all()) {
      commands.add(command(spec, spec.name(), Locale.ENGLISH));
      if (!spec.dutchName().equals(spec.name())) {
        // A word both languages use (/dashboard) is one command: Slack refuses a name twice.
        commands.add(command(spec, spec.dutchName(), Locale.forLanguageTag("nl")));
      }
    }
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put(
        "display_information",
        ordered(
            "name",
            "Salesmeter",
            "description",
            "Sales KPIs, logged and reported from team chat."));
    Map<String, Object> features = new LinkedHashMap<>();
    features.put("bot_user", ordered("display_name", "Salesmeter", "always_online", true));
    features.put("slash_commands", commands);
    manifest.put("features", features);
    manifest.put(
        "oauth_config",
        Map.of(
            "scopes",
            Map.of(
                "bot",
                List.of("commands", "chat:write", "files:write", "users:read", "im:write"))));
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("org_deploy_enabled", false);
    settings.put("socket_mode_enabled", true);
    settings.put("token_rotation_enabled", false);
    manifest.put("settings", settings);
    try {
      return new ObjectMapper(
              new YAMLFactory()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
          .writeValueAsString(manifest);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A map that keeps its keys in the order given: the file must come out the same every time. */
  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static Map<String, Object> command(CommandSpec spec, String name, Locale locale) {
    Messages messages = Messages.of(locale);
    String summary = messages.get(spec.helpKey("summary"));
    String usage = messages.get(spec.helpKey("usage"));
    Map<String, Object> command = new LinkedHashMap<>();
    command.put("command", "/" + name);
    command.put(
        "description",
        summary.length() <= DESCRIPTION ? summary : summary.substring(0, DESCRIPTION - 1) + "…");
    command.put("usage_hint", usage.replaceFirst("^/\\S+\\s*", ""));
    command.put("should_escape", false);
    return command;
  }
}
