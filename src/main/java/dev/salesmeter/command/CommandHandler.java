package dev.salesmeter.command;

/** What a command does: a request in, a reply out. Adapters only translate around it. */
@FunctionalInterface
public interface CommandHandler {
  Reply handle(CommandRequest request);
}
