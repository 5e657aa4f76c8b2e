package dev.salesmeter.store;

/** A salesperson (or manager) known in a workspace. */
public record Rep(long id, String platformUserId, String displayName) {}
