package dev.salesmeter.core;

/** Where a command came from, and so where a scheduled post of its workspace goes. */
public enum Platform {
  CONSOLE,
  SLACK,
  DISCORD
}
