package dev.salesmeter.transfer;

/**
 * A problem with one cell of an imported file, where an editor shows it.
 *
 * @param line the file's line, the header being line 1
 * @param column the column's header as the file writes it
 * @param problem what is wrong, in the workspace's language
 */
record BadRow(long line, String column, String problem) {}
