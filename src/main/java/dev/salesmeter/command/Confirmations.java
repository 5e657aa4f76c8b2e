package dev.salesmeter.command;

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
}
