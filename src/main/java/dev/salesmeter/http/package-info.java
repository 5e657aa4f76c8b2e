/**
 * The one embedded HTTP server, Javalin on Jetty 12: listeners with the limits the open internet
 * needs (body size, slow clients, a bounded worker pool), and the management endpoints ({@code
 * /healthz}, {@code /readyz}, {@code /metrics}). {@code app} mounts Slack's events path on the
 * public listener; this package knows nothing of Slack.
 */
package dev.salesmeter.http;
