/**
 * The local console: the embedded default when no chat tokens are configured. It reads commands
 * line by line, exactly as Slack sends them, from a terminal (with a prompt and line editing) or
 * from a script on standard input, and can fill a fresh workspace with a demo history.
 */
package dev.salesmeter.console;
