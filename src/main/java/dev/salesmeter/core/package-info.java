/**
 * The platform-neutral sales domain: workspaces, reps, customers, events, money and periods as
 * records and value types. Nothing here knows about chat platforms, storage or charts.
 */
package dev.salesmeter.core;
