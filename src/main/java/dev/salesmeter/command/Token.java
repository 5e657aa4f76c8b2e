package dev.salesmeter.command;

/**
 * One word of a command line.
 *
 * @param raw the word as typed, quotes included
 * @param value the word without its quotes
 * @param quoted whether the word was a quoted value (never a flag, option or amount)
 */
record Token(String raw, String value, boolean quoted) {}
