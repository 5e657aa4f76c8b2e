/** KPIS.md figure 7: customer lifetime value against the cost of acquiring a customer. */
package dev.salesmeter.figure.ltv;
