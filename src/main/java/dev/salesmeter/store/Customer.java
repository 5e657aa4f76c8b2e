package dev.salesmeter.store;

/** A customer of a workspace, with the name as first logged. */
public record Customer(long id, String name) {}
