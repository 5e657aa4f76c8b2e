/**
 * KPIS.md figure 9: reps ranked by a figure for a period, with the change against the one before.
 */
package dev.salesmeter.figure.leaderboard;
