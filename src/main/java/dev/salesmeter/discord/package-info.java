/**
 * The Discord adapter: JDA, typed slash commands with autocomplete, every command of the registry.
 */
package dev.salesmeter.discord;
