package dev.salesmeter.command;

import dev.salesmeter.store.AppendResult;
import dev.salesmeter.store.LoggedEvent;

/** The reply to one's own logging: what was understood, its number, and how to undo it. */
final class Confirmations {
  private Confirmations() {}

  static Reply of(CommandRequest request, LoggedEvent event) {
    EventDescriptions describe =
        new EventDescriptions(request.formats(), request.settings().zone(), request.now());
    var messages = request.formats().messages();
    String voidCommand = messages.get("command.void.name");
    String text =
        event.repeated()
            ? messages.get("reply.repeated", describe.full(event))
            : messages.get(
                "reply.logged",
                describe.kind(event),
                event.number(),
                describe.body(event),
                voidCommand);
    return Reply.privately(text);
  }

  /**
   * The confirmation of a logged event; for a lead that opened a second opportunity beside an open
   * one, it names the open one, so that a duplicate is seen and undone.
   */
  static Reply of(CommandRequest request, AppendResult.Logged logged) {
    Reply reply = of(request, logged.event());
    if (logged.alsoOpen().isEmpty() || logged.event().repeated()) {
      return reply;
    }
    AppendResult.OpenOpportunity open = logged.alsoOpen().get();
    var formats = request.formats();
    var messages = formats.messages();
    String note =
        messages.get(
            "reply.alsoOpen",
            logged.event().customer().orElseThrow().name(),
            messages.get("kind." + open.kind().code()),
            open.number(),
            formats.dateTime(open.openedAt()),
            messages.get("command.void.name"),
            logged.event().number());
    return Reply.privately(reply.text() + "\n" + note);
  }
}
