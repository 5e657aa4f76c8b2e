package dev.salesmeter.app;

/** A configuration problem, worded for the person starting Salesmeter: it names the key. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
