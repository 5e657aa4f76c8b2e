/**
 * The commands: one registry that declares each command once (names in English and Dutch, options,
 * flags, help, handler), the text grammar of COMMANDS.md that Slack and the console share, {@link
 * dev.salesmeter.command.CommandRequest} in and {@link dev.salesmeter.command.Reply} out, and the
 * handlers that log events.
 */
package dev.salesmeter.command;
