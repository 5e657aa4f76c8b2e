/** KPIS.md figure 5: the share of sales to existing customers against new ones. */
package dev.salesmeter.figure.repeat;
