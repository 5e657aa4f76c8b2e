/** KPIS.md figure 3: average order value per rep, and who gathers and who hunts. */
package dev.salesmeter.figure.aov;
