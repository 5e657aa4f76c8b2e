package dev.salesmeter.web;

import dev.salesmeter.command.CommandHandler;
import dev.salesmeter.command.CommandRequest;
import dev.salesmeter.command.InvalidInput;
import dev.salesmeter.command.Parameter;
import dev.salesmeter.command.Reply;
import dev.salesmeter.core.RepMention;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.store.ApiToken;
import dev.salesmeter.store.EventLog;
import dev.salesmeter.store.Rep;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /apitoken} (managers): {@code create NAME} makes a token for the JSON API and shows it
 * once, privately; {@code list} (or nothing) names the live tokens with when and by whom each was
 * made and when it was last used; {@code revoke NAME} stops one.
 */
final class ApiTokenCommand implements CommandHandler {
  private enum Task {
    CREATE,
    LIST,
    REVOKE
  }

  private final BearerTokens tokens;
  private final EventLog log;

  ApiTokenCommand(BearerTokens tokens, EventLog log) {
    this.tokens = tokens;
    this.log = log;
  }

  @Override
  public Reply handle(CommandRequest request) {
    List<String> words =
        new ArrayList<>(
            request
                .arguments()
                .text()
                .map(text -> Arrays.asList(text.strip().split("\\s+")))
                .orElse(List.of()));
    Task task = words.isEmpty() ? Task.LIST : task(words.remove(0));
    if (task == Task.LIST) {
      if (!words.isEmpty()) {
        throw new InvalidInput("error.unexpectedWord", words.get(0));
      }
      return list(request);
    }
    if (words.isEmpty()) {
      throw new InvalidInput("error.apiTokenNameMissing");
    }
    String name = String.join(" ", words);
    if (!BearerTokens.NAME.matcher(name).matches()) {
      throw new InvalidInput("error.apiTokenName", name);
    }
    Messages messages = request.formats().messages();
    if (task == Task.REVOKE) {
      if (!tokens.revoke(request.workspace(), name)) {
        throw new InvalidInput("error.apiTokenUnknown", name);
      }
      return Reply.privately(messages.get("apitoken.revoked", name));
    }
    BearerTokens.Created created =
        tokens
            .create(request.workspace(), name, request.user().platformUserId())
            .orElseThrow(() -> new InvalidInput("error.apiTokenTaken", name));
    return Reply.privately(messages.get("apitoken.created", name) + "\n" + created.secret());
  }

  private Reply list(CommandRequest request) {
    Formats formats = request.formats();
    Messages messages = formats.messages();
    List<ApiToken> live = tokens.live(request.workspace());
    if (live.isEmpty()) {
      return Reply.privately(messages.get("apitoken.none"));
    }
    List<String> lines = new ArrayList<>();
    for (ApiToken token : live) {
      String used =
          token
              .lastUsedAt()
              .map(at -> messages.get("apitoken.lastUsed", formats.when(at, request.now())))
              .orElse(messages.get("apitoken.neverUsed"));
      lines.add(
          messages.get(
              "apitoken.line",
              token.name(),
              formats.date(LocalDate.ofInstant(token.createdAt(), formats.zone())),
              maker(request, token.createdBy()),
              used));
    }
    return new Reply(
        Optional.of(messages.get("apitoken.listTitle")),
        String.join("\n", lines),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        true);
  }

  /** Who made a token, by the name the workspace knows them by, else their user id. */
  private String maker(CommandRequest request, String userId) {
    return log.rep(request.workspace(), new RepMention(Optional.of(userId), userId))
        .map(Rep::displayName)
        .orElse(userId);
  }

  private static Task task(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    Parameter task = Parameter.API_TOKEN_TASK;
    for (int i = 0; i < task.choices().size(); i++) {
      if (lower.equals(task.choices().get(i)) || lower.equals(task.dutchChoices().get(i))) {
        return Task.values()[i];
      }
    }
    throw new InvalidInput("error.apiTokenWhat", word);
  }
}
