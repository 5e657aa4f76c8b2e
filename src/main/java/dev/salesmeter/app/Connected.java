package dev.salesmeter.app;

import dev.salesmeter.schedule.Poster;

/** A chat platform this process is connected to: where scheduled posts go, and how to leave. */
record Connected(Poster poster, AutoCloseable connection) {}
