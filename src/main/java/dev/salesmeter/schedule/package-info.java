/**
 * Routines that post without anyone typing a command — the weekly scorecard, the stale-quote nudges
 * — on cron schedules in each workspace's time zone, each run exactly once through a run record in
 * the database; and the {@code /schedule} command that sets them.
 */
package dev.salesmeter.schedule;
