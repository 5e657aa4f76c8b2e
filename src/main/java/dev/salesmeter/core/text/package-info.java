/**
 * Every user-facing word, in English and Dutch ({@code messages.properties} and {@code
 * messages_nl.properties} beside this package), and the locale's way of writing money, percentages
 * and dates.
 */
package dev.salesmeter.core.text;
