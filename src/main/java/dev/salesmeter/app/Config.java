package dev.salesmeter.app;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.salesmeter.core.Percentage;
import dev.salesmeter.core.WorkspaceSettings;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Salesmeter's configuration: {@code config.yaml} (template: {@code config.example.yaml}), every
 * key overridable by an environment variable named after it ({@code database.path} ↔ {@code
 * SALESMETER_DATABASE_PATH}). Secrets never come from here, only from the environment. Every
 * problem is reported naming the key.
 */
public record Config(
    Workspace workspace,
    Database database,
    Slack slack,
    Discord discord,
    Nudges nudges,
    List<ScheduleSeed> schedules,
    PublicHttp http,
    Management management) {

  public Config {
    schedules = schedules == null ? List.of() : List.copyOf(schedules);
  }

  private static final Logger LOG = LoggerFactory.getLogger(Config.class);

  /** The stale-quote nudges: the days before the same quote is in a nudge again. */
  public record Nudges(int repeatDays) {
    public Nudges {
      if (repeatDays < 1) {
        throw new ConfigException("nudges.repeat-days must be at least 1");
      }
    }
  }

  /**
   * A schedule set at start unless that routine was ever scheduled in that channel (a change made
   * with /schedule wins).
   *
   * @param workspace the Slack team id or Discord server id
   * @param when as /schedule reads it ({@code monday 09:00}) or a cron expression; empty for the
   *     routine's default
   */
  public record ScheduleSeed(
      String workspace, String platform, String channel, String routine, String when) {
    public ScheduleSeed {
      if (workspace == null || workspace.isBlank() || channel == null || channel.isBlank()) {
        throw new ConfigException("every entry of schedules needs a workspace and a channel");
      }
      if (!Set.of("slack", "discord").contains(platform)) {
        throw new ConfigException(
            "schedules: platform must be slack or discord, not \"" + platform + "\"");
      }
    }
  }

  /** Defaults for every workspace (a Slack team, a Discord guild, the console). */
  public record Workspace(
      String locale,
      String timeZone,
      String currency,
      BigDecimal defaultMargin,
      int inactivityDays,
      int staleQuoteDays,
      List<String> managers,
      String name,
      boolean userLanguage) {

    public Workspace {
      managers = managers == null ? List.of() : List.copyOf(managers);
    }

    /** The settings these defaults give, checked key by key. */
    public WorkspaceSettings settings() {
      if (!Set.of("en", "nl").contains(locale)) {
        throw new ConfigException("workspace.locale must be en or nl, not \"" + locale + "\"");
      }
      ZoneId zone;
      try {
        zone = ZoneId.of(timeZone);
      } catch (DateTimeException e) {
        throw new ConfigException(
            "workspace.time-zone \"" + timeZone + "\" is not a time zone (e.g. Europe/Amsterdam)");
      }
      Currency money;
      try {
        money = Currency.getInstance(currency);
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new ConfigException(
            "workspace.currency \"" + currency + "\" is not an ISO 4217 code (e.g. EUR)");
      }
      if (defaultMargin == null
          || defaultMargin.signum() < 0
          || defaultMargin.compareTo(BigDecimal.valueOf(100)) > 0
          || defaultMargin.stripTrailingZeros().scale() > 2) {
        throw new ConfigException("workspace.default-margin must be a percentage from 0 to 100");
      }
      if (inactivityDays < 1) {
        throw new ConfigException("workspace.inactivity-days must be at least 1");
      }
      if (staleQuoteDays < 1) {
        throw new ConfigException("workspace.stale-quote-days must be at least 1");
      }
      return new WorkspaceSettings(
          Locale.forLanguageTag(locale),
          zone,
          money,
          Percentage.ofBasisPoints(defaultMargin.movePointRight(2).intValueExact()),
          inactivityDays,
          staleQuoteDays,
          name,
          userLanguage);
    }
  }

  /**
   * Where the event log lives: the SQLite file of {@code path}, unless a PostgreSQL {@code url} is
   * given ({@code jdbc:postgresql://host:5432/name}), with its {@code user}. The password comes
   * only from the environment ({@value #DATABASE_PASSWORD}).
   */
  public record Database(Path path, String url, String user) {
    public Database {
      url = url == null ? "" : url.strip();
      user = user == null ? "" : user.strip();
      if (!url.isEmpty() && !url.startsWith("jdbc:postgresql://")) {
        throw new ConfigException(
            "database.url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/name), not \""
                + url
                + "\"",
            "correct database.url (or SALESMETER_DATABASE_URL), or leave it empty to use the"
                + " SQLite file of database.path");
      }
    }

    /** Whether the log is on PostgreSQL (a URL is given) rather than the SQLite file. */
    public boolean postgres() {
      return !url.isEmpty();
    }

    /** The database as people read it in messages: the URL (without its query), or the file. */
    public String described() {
      return postgres() ? url.replaceAll("\\?.*", "") : String.valueOf(path);
    }
  }

  /** The environment variable that holds the PostgreSQL password (never the configuration). */
  public static final String DATABASE_PASSWORD = "SALESMETER_DATABASE_PASSWORD";

  /**
   * Slack: Socket Mode (no public address) or HTTP mode behind a load balancer, the Web API's
   * address, and the user ids who are managers besides the workspace's admins and owners. The
   * tokens and the signing secret come from the environment only.
   */
  public record Slack(String mode, Http http, String apiUrl, List<String> managers) {
    public Slack {
      managers = managers == null ? List.of() : List.copyOf(managers);
      if (!Set.of("socket", "http").contains(mode)) {
        throw new ConfigException("slack.mode must be socket or http, not \"" + mode + "\"");
      }
    }
  }

  /**
   * Discord: the REST base URL and gateway address (Discord's own unless a test says otherwise),
   * the guilds whose commands are registered at once (else globally, which Discord spreads within
   * an hour), and the role ids that make their members managers besides those with Manage Server.
   * The token comes from the environment only.
   */
  public record Discord(
      String apiUrl, String gatewayUrl, List<String> guilds, List<String> managerRoles) {
    public Discord {
      guilds = guilds == null ? List.of() : List.copyOf(guilds);
      managerRoles = managerRoles == null ? List.of() : List.copyOf(managerRoles);
      for (String id : Stream.concat(guilds.stream(), managerRoles.stream()).toList()) {
        if (!id.matches("\\d{1,20}")) {
          throw new ConfigException(
              "discord.guilds and discord.manager-roles hold Discord ids (digits), not \""
                  + id
                  + "\"");
        }
      }
    }
  }

  /**
   * Where HTTP mode listens.
   *
   * @param port an alias of {@code http.port}, kept for configurations written before it; null when
   *     not set
   */
  public record Http(Integer port, String path) {}

  /**
   * The public HTTP listener: Slack's events path in HTTP mode, the dashboard's links and pages,
   * and the JSON API.
   *
   * @param port null when not set: then {@code slack.http.port}, its alias, or 3000
   * @param bind the address to listen on; empty: every interface ({@code 0.0.0.0}) when Slack runs
   *     in HTTP mode, else only this host ({@code 127.0.0.1})
   * @param publicUrl the address people reach the listener at (a proxy's, a load balancer's), which
   *     dashboard links start with; empty: not configured
   */
  public record PublicHttp(Integer port, String bind, String publicUrl) {}

  /**
   * The management listener: {@code /healthz}, {@code /readyz} and {@code /metrics}, in every mode
   * but the scripted console.
   *
   * @param port 0 turns it off
   */
  public record Management(int port, String bind) {
    public Management {
      if (port < 0 || port > 65535) {
        throw new ConfigException("management.port must be 0 (off) or a port from 1 to 65535");
      }
    }

    public boolean enabled() {
      return port != 0;
    }
  }

  /** The public listener's port: {@code http.port}, else its alias {@code slack.http.port}. */
  public int httpPort() {
    Integer port = http.port() != null ? http.port() : slack.http().port();
    int resolved = port == null ? 3000 : port;
    if (resolved < 0 || resolved > 65535) {
      throw new ConfigException("http.port must be a port from 1 to 65535, not " + resolved);
    }
    return resolved;
  }

  /**
   * Where people reach the public listener, checked: an http or https URL with a host and nothing
   * after it but an optional slash; without the slash. Empty when not configured.
   */
  public Optional<String> publicUrl() {
    String value = http.publicUrl() == null ? "" : http.publicUrl().strip();
    if (value.isEmpty()) {
      return Optional.empty();
    }
    URI url;
    try {
      url = new URI(value);
    } catch (URISyntaxException e) {
      throw new ConfigException(
          "http.public-url \"" + value + "\" is not a URL", PUBLIC_URL_EXAMPLE);
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new ConfigException(
          "http.public-url \"" + value + "\" must start with https:// or http://",
          PUBLIC_URL_EXAMPLE);
    }
    if (url.getHost() == null || url.getRawUserInfo() != null) {
      throw new ConfigException(
          "http.public-url \"" + value + "\" must name a host, and no user", PUBLIC_URL_EXAMPLE);
    }
    if (url.getRawQuery() != null
        || url.getRawFragment() != null
        || !(url.getRawPath().isEmpty() || url.getRawPath().equals("/"))) {
      throw new ConfigException(
          "http.public-url \""
              + value
              + "\" must be the address alone, without a path, query or fragment (the dashboard"
              + " is served at the root)",
          PUBLIC_URL_EXAMPLE);
    }
    return Optional.of(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
  }

  /** What a wrong public URL's line says to do. */
  private static final String PUBLIC_URL_EXAMPLE =
      "write the address people open, e.g. https://sales.example.com or http://10.0.0.5:3000";

  /** The public listener's address (see {@link PublicHttp#bind()}). */
  public String httpBind() {
    if (!http.bind().isBlank()) {
      return http.bind().strip();
    }
    return slack.mode().equals("http") ? "0.0.0.0" : "127.0.0.1";
  }

  /** Every key with its default: the keys environment variables may override. */
  private static final Map<String, String> DEFAULTS =
      Map.ofEntries(
          Map.entry("workspace.locale", "en"),
          Map.entry("workspace.time-zone", "Europe/Amsterdam"),
          Map.entry("workspace.currency", "EUR"),
          Map.entry("workspace.default-margin", "25"),
          Map.entry("workspace.inactivity-days", "365"),
          Map.entry("workspace.stale-quote-days", "7"),
          Map.entry("workspace.managers", ""),
          Map.entry("workspace.name", ""),
          Map.entry("workspace.user-language", "false"),
          Map.entry("database.path", "salesmeter.db"),
          Map.entry("database.url", ""),
          Map.entry("database.user", ""),
          Map.entry("slack.mode", "socket"),
          Map.entry("slack.http.port", ""),
          Map.entry("slack.http.path", "/slack/events"),
          Map.entry("slack.api-url", "https://slack.com/api/"),
          Map.entry("slack.managers", ""),
          Map.entry("discord.api-url", "https://discord.com/api/v10/"),
          Map.entry("discord.gateway-url", "wss://gateway.discord.gg/"),
          Map.entry("discord.guilds", ""),
          Map.entry("discord.manager-roles", ""),
          Map.entry("nudges.repeat-days", "3"),
          Map.entry("http.port", ""),
          Map.entry("http.bind", ""),
          Map.entry("http.public-url", ""),
          Map.entry("management.port", "8081"),
          Map.entry("management.bind", "127.0.0.1"));

  /** Secrets Salesmeter reads from the environment that carry its prefix: never a config key. */
  private static final Set<String> SECRETS = Set.of(PublicListener.SECRET, DATABASE_PASSWORD);

  /** The one key that holds a list of entries (file only: no environment variable). */
  private static final String SCHEDULES = "schedules";

  private static final Set<String> LIST_KEYS =
      Set.of("workspace.managers", "slack.managers", "discord.guilds", "discord.manager-roles");

  /**
   * Reads the configuration.
   *
   * @param file the YAML file; when it does not exist, the defaults and environment apply
   * @param environment the process environment (passed in, so tests need not change the real one)
   */
  public static Config load(Path file, Map<String, String> environment) {
    ObjectMapper yaml =
        new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(
                com.fasterxml.jackson.databind.PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // "port: 3000.5" is a mistake, not port 3000.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    DEFAULTS.forEach((key, value) -> put(tree, key, value));
    if (Files.exists(file)) {
      try {
        JsonNode fromFile = yaml.readTree(file.toFile());
        if (fromFile != null && !fromFile.isMissingNode() && !fromFile.isNull()) {
          if (!fromFile.isObject()) {
            throw new ConfigException(file + " must hold keys such as database.path");
          }
          merge(tree, (ObjectNode) fromFile, "");
        }
      } catch (JsonProcessingException e) {
        throw new ConfigException(
            file + " is not valid YAML at " + where(e.getLocation()) + ": " + yamlProblem(e),
            "fix that line: a key ends with a colon, nesting is by spaces (no tabs), and a value"
                + " holding \": \" or \" #\" goes in quotes");
      } catch (IOException e) {
        throw new ConfigException(
            file + " cannot be read (" + e + ")",
            "check that it is a file the user running Salesmeter may read, or give another with"
                + " --config");
      }
    }
    warnAboutUnknownVariables(environment);
    DEFAULTS
        .keySet()
        .forEach(
            key -> {
              String value = environment.get(environmentName(key));
              if (value != null) {
                put(tree, key, value);
              }
            });
    Config config;
    try {
      config = yaml.treeToValue(tree, Config.class);
    } catch (JsonMappingException e) {
      String key =
          e.getPath().stream()
              .map(
                  ref ->
                      ref.getFieldName() == null ? "[" + ref.getIndex() + "]" : ref.getFieldName())
              .collect(Collectors.joining("."));
      if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
        throw new ConfigException(
            key + " must be " + kind(mismatch.getTargetType()) + ", not " + given(e, tree));
      }
      throw new ConfigException(
          "config key " + key + " is wrong: " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new ConfigException("the configuration cannot be read: " + firstLine(e.getMessage()));
    }
    if (config.database() == null
        || (!config.database().postgres()
            && (config.database().path() == null
                || config.database().path().toString().isBlank()))) {
      throw new ConfigException("database.path is missing: give the SQLite file to use");
    }
    config.workspace().settings();
    if (config.http().port() != null
        && config.slack().http().port() != null
        && !config.http().port().equals(config.slack().http().port())) {
      throw new ConfigException(
          "http.port and slack.http.port (its older name) differ: set only http.port");
    }
    config.httpPort();
    config.publicUrl();
    return config;
  }

  /** {@code slack.api-url} → {@code SALESMETER_SLACK_API_URL}. */
  public static String environmentName(String key) {
    return "SALESMETER_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** A type as the person writing the file knows it. */
  private static String kind(Class<?> type) {
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class) {
      return "a number";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (type == String.class || type == Path.class) {
      return "text";
    }
    return "a section of keys";
  }

  /** The value that was given, as it was written ({@code "abc"}, {@code 3.5}, a list). */
  private static String given(JsonMappingException e, JsonNode tree) {
    if (e instanceof InvalidFormatException format && format.getValue() != null) {
      Object value = format.getValue();
      return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
    }
    JsonNode node = tree;
    for (JsonMappingException.Reference ref : e.getPath()) {
      node = ref.getFieldName() != null ? node.path(ref.getFieldName()) : node.path(ref.getIndex());
    }
    if (node.isTextual()) {
      return "\"" + node.asText() + "\"";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isObject()) {
      return "a section of keys";
    }
    return node.isMissingNode() ? "nothing" : node.toString();
  }

  private static String where(JsonLocation location) {
    return location == null || location.getLineNr() < 1
        ? "an unknown place"
        : "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /** What the YAML parser found wrong, without its multi-line excerpt of the file. */
  private static String yamlProblem(JsonProcessingException e) {
    for (Throwable each = e; each != null; each = each.getCause()) {
      if (each instanceof MarkedYAMLException marked && marked.getProblem() != null) {
        return marked.getProblem();
      }
    }
    return firstLine(e.getOriginalMessage());
  }

  /** Every valid key and section name ({@code workspace}, {@code slack.http}). */
  private static Set<String> knownNames() {
    Set<String> names = new TreeSet<>(DEFAULTS.keySet());
    names.add(SCHEDULES);
    for (String key : DEFAULTS.keySet()) {
      for (int dot = key.indexOf('.'); dot > 0; dot = key.indexOf('.', dot + 1)) {
        names.add(key.substring(0, dot));
      }
    }
    return names;
  }

  /** An unknown key in the file, with the closest valid one. */
  private static ConfigException unknownKey(String key) {
    return new ConfigException(
        "unknown config key " + key,
        ClosestName.to(key, knownNames())
            .map(closest -> "did you mean " + closest + "?")
            .orElse("config.example.yaml lists every key"));
  }

  /**
   * A {@code SALESMETER_} variable that matches no key is most likely a typo, but deployments set
   * variables for other purposes too: a warning with the closest name, and the start goes on.
   */
  private static void warnAboutUnknownVariables(Map<String, String> environment) {
    Set<String> known =
        Stream.concat(DEFAULTS.keySet().stream().map(Config::environmentName), SECRETS.stream())
            .collect(Collectors.toSet());
    environment.keySet().stream()
        .filter(name -> name.startsWith("SALESMETER_") && !known.contains(name))
        .sorted()
        .forEach(
            name ->
                LOG.warn(
                    "{} matches no configuration key and is ignored; {}",
                    name,
                    ClosestName.to(name, known)
                        .map(closest -> "did you mean " + closest + "?")
                        .orElse("config.example.yaml lists every key")));
  }

  private static void put(ObjectNode tree, String key, String value) {
    String[] path = key.split("\\.");
    ObjectNode node = tree;
    for (int i = 0; i < path.length - 1; i++) {
      node =
          node.has(path[i]) && node.get(path[i]).isObject()
              ? (ObjectNode) node.get(path[i])
              : node.putObject(path[i]);
    }
    String leaf = path[path.length - 1];
    if (LIST_KEYS.contains(key)) {
      ArrayNode list = node.putArray(leaf);
      Arrays.stream(value.split(","))
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .forEach(list::add);
    } else {
      node.put(leaf, value);
    }
  }

  private static void merge(ObjectNode into, ObjectNode from, String prefix) {
    from.fields()
        .forEachRemaining(
            entry -> {
              String key = prefix + entry.getKey();
              JsonNode value = entry.getValue();
              if (value.isObject()) {
                JsonNode existing = into.get(entry.getKey());
                if (existing == null) {
                  throw unknownKey(key);
                }
                if (!existing.isObject()) {
                  throw new ConfigException(
                      key
                          + " must be "
                          + (existing.isArray() ? "a list" : "a single value")
                          + ", not a section of keys");
                }
                merge((ObjectNode) existing, (ObjectNode) value, key + ".");
              } else {
                if (!DEFAULTS.containsKey(key) && !key.equals(SCHEDULES)) {
                  throw unknownKey(key);
                }
                if (value.isNull()) {
                  throw new ConfigException("config key " + key + " has no value");
                }
                into.set(entry.getKey(), value);
              }
            });
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
