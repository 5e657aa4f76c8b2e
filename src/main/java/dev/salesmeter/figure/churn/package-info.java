/** KPIS.md figure 6: churn — customers' active spells, and the ones that ended in a period. */
package dev.salesmeter.figure.churn;
