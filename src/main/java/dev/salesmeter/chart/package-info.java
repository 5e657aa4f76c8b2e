/** The common look of every picture (theme, fonts, number formats) and PNG encoding. */
package dev.salesmeter.chart;
