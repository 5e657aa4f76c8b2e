package dev.salesmeter.app;

import dev.salesmeter.discord.DiscordInvite;
import dev.salesmeter.slack.SlackManifest;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * The command line. With no subcommand Salesmeter starts on the configured chat platforms; with no
 * chat tokens configured (the default), it starts the local console.
 */
@Command(
    name = "salesmeter",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Sales KPIs, logged and reported from team chat.",
    subcommands = {
      Main.ConsoleCommand.class,
      Main.SlackManifestCommand.class,
      Main.DiscordInviteCommand.class,
      TransferCommands.ImportCommand.class,
      TransferCommands.ExportCommand.class,
      TransferCommands.BackupCommand.class
    })
public final class Main implements Callable<Integer> {
  /** The exit code for a configuration or start-up problem the user can fix. */
  static final int CONFIG_PROBLEM = 2;

  @Mixin ConsoleOptions options;

  /** The process environment (passed in, so tests need not change the real one). */
  private final Map<String, String> environment;

  Main(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  Map<String, String> environment() {
    return environment;
  }

  public static void main(String[] args) {
    // The console shows replies, not log lines; a server logs every command at INFO.
    // Charts are drawn in memory: no screen is needed, or wanted, on a server.
    System.setProperty("java.awt.headless", "true");
    if (System.getProperty("salesmeter.log.level") == null) {
      System.setProperty("salesmeter.log.level", "WARN");
    }
    System.exit(run(args, System.getenv()));
  }

  /**
   * Runs the command line and returns the exit code. Whatever stops the start is one line on
   * standard error, {@code salesmeter: <what> — <what to do>}, and exit code 2; never a stack
   * trace.
   */
  static int run(String[] args, Map<String, String> environment) {
    return commandLine(environment).execute(args);
  }

  static CommandLine commandLine(Map<String, String> environment) {
    CommandLine commandLine = new CommandLine(new Main(environment));
    commandLine.setExecutionExceptionHandler(
        (exception, cmd, parsed) -> {
          ConfigException problem =
              exception instanceof ConfigException known
                  ? known
                  : StartupFailures.unexpected(exception);
          cmd.getErr().println(problem.line());
          cmd.getErr().flush();
          return CONFIG_PROBLEM;
        });
    return commandLine;
  }

  @Override
  public Integer call() throws Exception {
    if (ChatRunner.configured(environment)) {
      return ChatRunner.run(Config.load(options.configFile(), environment), environment);
    }
    return ConsoleRunner.run(options, environment, "No chat tokens configured: ");
  }

  /** {@code salesmeter console}: the local console, also for scripts. */
  @Command(
      name = "console",
      mixinStandardHelpOptions = true,
      description = "Run commands typed in a terminal, or read from standard input one per line.")
  static final class ConsoleCommand implements Callable<Integer> {
    @ParentCommand Main main;

    @Override
    public Integer call() {
      return ConsoleRunner.run(main.options, main.environment);
    }
  }

  /** {@code salesmeter slack-manifest}: the Slack app manifest, from the command registry. */
  @Command(
      name = "slack-manifest",
      mixinStandardHelpOptions = true,
      description = "Print the Slack app manifest (YAML) for \"Create app from manifest\".")
  static final class SlackManifestCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      System.out.print(SlackManifest.yaml(ConsoleRunner.registryForListing()));
      return 0;
    }
  }

  /** {@code salesmeter discord-invite}: the link that adds the bot to a Discord server. */
  @Command(
      name = "discord-invite",
      mixinStandardHelpOptions = true,
      description =
          "Print the link that adds Salesmeter to a Discord server (scopes bot and"
              + " applications.commands; view channel, send messages, embed links, attach"
              + " files).")
  static final class DiscordInviteCommand implements Callable<Integer> {
    @ParentCommand Main main;

    @CommandLine.Option(
        names = "--application-id",
        description =
            "The application id (Developer Portal, General Information); by default"
                + " read from DISCORD_BOT_TOKEN.")
    String applicationId;

    @Override
    public Integer call() {
      String token = main.environment.get("DISCORD_BOT_TOKEN");
      String id =
          applicationId != null
              ? applicationId.strip()
              : token == null ? null : DiscordInvite.applicationId(token).orElse(null);
      if (id == null) {
        throw new ConfigException(
            "the application id is missing",
            "give --application-id (Developer Portal, General Information), or set"
                + " DISCORD_BOT_TOKEN to the bot's token");
      }
      try {
        System.out.println(DiscordInvite.url(id));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(
            "--application-id: " + e.getMessage(),
            "copy the application id from the Developer Portal, General Information");
      }
      return 0;
    }
  }

  /** The version in the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"salesmeter " + (version == null ? "(development)" : version)};
    }
  }
}
