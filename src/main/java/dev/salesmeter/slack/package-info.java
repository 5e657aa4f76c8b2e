/** The Slack adapter: Bolt, Socket Mode or HTTP, every command of the registry. */
package dev.salesmeter.slack;
