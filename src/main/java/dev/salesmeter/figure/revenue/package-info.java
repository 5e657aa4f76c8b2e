/** KPIS.md figure 8: revenue in a period against its target, with the pace. */
package dev.salesmeter.figure.revenue;
