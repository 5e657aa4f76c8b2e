package dev.salesmeter.command;

/**
 * Input a user can correct: the message key and its arguments name what was wrong. It becomes an
 * ephemeral reply with the command's example; nothing is stored.
 */
public final class InvalidInput extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final transient Object[] args;

  public InvalidInput(String key, Object... args) {
    super(key, null, false, false);
    this.key = key;
    this.args = args.clone();
  }

  public String key() {
    return key;
  }

  public Object[] args() {
    return args.clone();
  }
}
