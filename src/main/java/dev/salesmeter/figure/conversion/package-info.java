/** KPIS.md figure 1: the lead funnel, as a cohort of the leads received in a period. */
package dev.salesmeter.figure.conversion;
