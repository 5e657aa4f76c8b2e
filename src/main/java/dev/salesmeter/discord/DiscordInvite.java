package dev.salesmeter.discord;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;

/**
 * The link that adds Salesmeter to a server: the {@code bot} and {@code applications.commands}
 * scopes and only the permissions it uses. Answers to slash commands need none (they go through the
 * interaction); scheduled posts need to see the channel (without View Channel, Discord refuses the
 * post even with Send Messages), send the message, lay it out as an embed and attach its picture.
 * Salesmeter never reads messages, so it asks for no Read Message History.
 */
public final class DiscordInvite {
  static final EnumSet<Permission> PERMISSIONS =
      EnumSet.of(
          Permission.VIEW_CHANNEL,
          Permission.MESSAGE_SEND,
          Permission.MESSAGE_EMBED_LINKS,
          Permission.MESSAGE_ATTACH_FILES);

  private DiscordInvite() {}

  /** The invite link of the application with this id. */
  public static String url(String applicationId) {
    if (!applicationId.matches("\\d{1,20}")) {
      throw new IllegalArgumentException(
          "a Discord application id is a number, such as 1234567890123456789");
    }
    return "https://discord.com/oauth2/authorize?client_id="
        + applicationId
        + "&scope=bot+applications.commands&permissions="
        + Permission.getRaw(PERMISSIONS);
  }

  /**
   * The application id a bot token belongs to: its first part is the bot user's id in base64, and a
   * bot's user id is its application's id.
   */
  public static Optional<String> applicationId(String botToken) {
    int dot = botToken.indexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    try {
      String id =
          new String(
              Base64.getUrlDecoder().decode(botToken.substring(0, dot)), StandardCharsets.UTF_8);
      return id.matches("\\d{1,20}") ? Optional.of(id) : Optional.empty();
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }
}
