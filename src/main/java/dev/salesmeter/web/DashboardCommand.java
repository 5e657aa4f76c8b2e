package dev.salesmeter.web;

import dev.salesmeter.command.CommandHandler;
import dev.salesmeter.command.CommandRequest;
import dev.salesmeter.command.InvalidInput;
import dev.salesmeter.command.Parameter;
import dev.salesmeter.command.Reply;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /dashboard}: the asker's private link to the workspace's dashboard (a manager's or a
 * member's, by the asker's role), valid {@link Links#LINK_VALIDITY}; {@code /dashboard tv}
 * (managers): a read-only link for a screen, valid {@link Links#SCREEN_VALIDITY}; {@code /dashboard
 * revoke} (managers): every link and session of the workspace stops working.
 */
final class DashboardCommand implements CommandHandler {
  private enum Action {
    LINK,
    TV,
    REVOKE
  }

  private final Optional<Links> links;
  private final Epochs epochs;
  private final Optional<String> address;
  private final Optional<String> notServed;

  /**
   * @param address where people reach the public listener, without a trailing slash
   * @param notServed the message that says why this process does not serve the dashboard (a
   *     console: scripted without {@code --dashboard}, or its port was taken); empty when it does
   */
  DashboardCommand(
      Optional<Links> links, Epochs epochs, Optional<String> address, Optional<String> notServed) {
    this.links = links;
    this.epochs = epochs;
    this.address = address;
    this.notServed = notServed;
  }

  @Override
  public Reply handle(CommandRequest request) {
    Formats formats = request.formats();
    Messages messages = formats.messages();
    List<String> words =
        request
            .arguments()
            .text()
            .map(text -> Arrays.asList(text.strip().split("\\s+")))
            .orElse(List.of());
    if (words.size() > 1) {
      throw new InvalidInput("error.unexpectedWord", words.get(1));
    }
    Action action = words.isEmpty() ? Action.LINK : action(words.get(0));
    if (action != Action.LINK && !request.user().manager()) {
      return Reply.privately(messages.get("error.managersOnly", "dashboard " + words.get(0)));
    }
    if (action == Action.REVOKE) {
      epochs.revoke(request.workspace());
      return Reply.privately(messages.get("dashboard.revoked"));
    }
    if (links.isEmpty()) {
      return Reply.privately(messages.get("dashboard.off"));
    }
    if (notServed.isPresent()) {
      return Reply.privately(messages.get(notServed.get()));
    }
    if (address.isEmpty()) {
      return Reply.privately(
          messages.get(
              request.user().manager()
                  ? "dashboard.noAddressManager"
                  : "dashboard.noAddressMember"));
    }
    boolean screen = action == Action.TV;
    Duration validity = screen ? Links.SCREEN_VALIDITY : Links.LINK_VALIDITY;
    Instant expires = request.now().plus(validity).truncatedTo(ChronoUnit.SECONDS);
    Viewer.Role role =
        screen
            ? Viewer.Role.SCREEN
            : request.user().manager() ? Viewer.Role.MANAGER : Viewer.Role.MEMBER;
    Viewer viewer = new Viewer(request.workspace(), request.user().platformUserId(), role, expires);
    long epoch =
        epochs
            .current(request.workspace())
            .orElseThrow(() -> new IllegalStateException("the workspace has no row"));
    String url = address.get() + "/d/" + links.get().link(viewer, epoch);
    return Reply.privately(
        messages.get(screen ? "dashboard.screenLink" : "dashboard.link", formats.dateTime(expires))
            + "\n"
            + url);
  }

  private static Action action(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    Parameter option = Parameter.DASHBOARD_OPTION;
    if (lower.equals(option.choices().get(0)) || lower.equals(option.dutchChoices().get(0))) {
      return Action.TV;
    }
    if (lower.equals(option.choices().get(1)) || lower.equals(option.dutchChoices().get(1))) {
      return Action.REVOKE;
    }
    throw new InvalidInput("error.dashboardWhat", word);
  }
}
