/** KPIS.md figure 4: the share of sales flagged as cross-sell, by count and by revenue. */
package dev.salesmeter.figure.crosssell;
