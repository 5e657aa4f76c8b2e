/**
 * The figures of KPIS.md: the {@link dev.salesmeter.figure.Figure} contract, the registry of all
 * figures, and one sub-package per figure with its query, its result and its words.
 */
package dev.salesmeter.figure;
