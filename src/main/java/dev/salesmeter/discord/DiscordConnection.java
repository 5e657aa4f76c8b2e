package dev.salesmeter.discord;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Executors;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.messages.MessageRequest;

/**
 * A JDA session for the adapter, with no intents beyond the guilds one JDA always asks for (not
 * privileged): it tells which servers the bot is in, their names and roles. Slash commands need no
 * other.
 */
public final class DiscordConnection implements AutoCloseable {
  private final JDA jda;

  private DiscordConnection(JDA jda) {
    this.jda = jda;
  }

  /**
   * Logs in and connects; returns at once, the adapter hears when the session is ready.
   *
   * @param apiUrl the REST base URL ({@code https://discord.com/api/v10/} unless a test says
   *     otherwise)
   * @param gatewayUrl the gateway's address ({@code wss://gateway.discord.gg/})
   */
  public static DiscordConnection start(
      String token, String apiUrl, String gatewayUrl, DiscordAdapter adapter) {
    // Text from users (a customer named "@everyone") must never ping anyone.
    MessageRequest.setDefaultMentions(List.<Message.MentionType>of());
    String base = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
    JDA jda =
        JDABuilder.createLight(token, EnumSet.noneOf(GatewayIntent.class))
            .setRestConfig(new RestConfig().setBaseUrl(base))
            .setSessionController(
                new ConcurrentSessionController() {
                  @Override
                  public String getGateway() {
                    return gatewayUrl;
                  }
                })
            // A bot that only gets slash commands receives little; plain frames keep it simple.
            .setCompression(Compression.NONE)
            // Interactions are handled on a small pool, not one by one on the gateway's thread:
            // one that waits for a busy database does not hold up the others' 3 seconds.
            .setEventPool(Executors.newFixedThreadPool(4, DiscordConnection::eventThread), true)
            .addEventListeners(adapter)
            .build();
    return new DiscordConnection(jda);
  }

  private static Thread eventThread(Runnable task) {
    Thread thread = new Thread(task, "discord-events");
    thread.setDaemon(true);
    return thread;
  }

  /** Whether the gateway session is up (for readiness): not while connecting or resuming. */
  public boolean connected() {
    return jda.getStatus() == JDA.Status.CONNECTED;
  }

  /** The session, for tests that wait until it is ready. */
  public JDA jda() {
    return jda;
  }

  @Override
  public void close() throws InterruptedException {
    jda.shutdown();
    if (!jda.awaitShutdown(Duration.ofSeconds(5))) {
      jda.shutdownNow();
    }
  }
}
