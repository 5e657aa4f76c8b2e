/**
 * The event log in SQLite through Jdbi: schema migrations (Flyway), appending events with the
 * opportunity rules of KPIS.md, voids, idempotency by interaction id, and shared look-ups. Every
 * query takes the workspace key.
 */
package dev.salesmeter.store;
