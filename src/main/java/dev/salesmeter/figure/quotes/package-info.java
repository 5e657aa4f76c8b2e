/** KPIS.md figure 2: the quote win rate of a period's quoted opportunities, and stale quotes. */
package dev.salesmeter.figure.quotes;
