package dev.salesmeter.app;

/**
 * A problem that stops the start, worded for the person starting Salesmeter: what is wrong (naming
 * the key, the file or the port) and what to do about it. {@link #line()} is all they see.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What to do about a key's value, when a message names only the problem. */
  static final String FIX_THE_KEY =
      "correct it in the configuration file or its SALESMETER_ variable (config.example.yaml"
          + " documents every key)";

  private final String remedy;

  /** A wrong configuration value: the message names the key. */
  public ConfigException(String problem) {
    this(problem, FIX_THE_KEY);
  }

  public ConfigException(String problem, String remedy) {
    super(problem);
    this.remedy = remedy;
  }

  /** What to do about it. */
  public String remedy() {
    return remedy;
  }

  /** The one line printed to standard error: {@code salesmeter: <what> — <what to do>}. */
  public String line() {
    return "salesmeter: " + getMessage() + " — " + remedy;
  }
}
