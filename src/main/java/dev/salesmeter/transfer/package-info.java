/**
 * History in and out: a CRM export or a spreadsheet read into events ({@code import}, formats
 * {@code events} and {@code deals}), every event written out ({@code export}, CSV or JSON Lines),
 * and a consistent copy of the database ({@code backup}). Files are read and checked here, row by
 * row through the command language's own value rules, into typed events; the store appends them in
 * one transaction.
 */
package dev.salesmeter.transfer;
