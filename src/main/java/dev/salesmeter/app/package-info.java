/**
 * The process: configuration (config.yaml with environment overrides), wiring of every service with
 * plain constructors, and the command line.
 */
package dev.salesmeter.app;
