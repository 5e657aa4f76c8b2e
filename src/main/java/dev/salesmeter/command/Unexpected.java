package dev.salesmeter.command;

import dev.salesmeter.core.text.Messages;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A failure nobody expected, told once: the user gets a short reply with a reference, the log one
 * line with the same reference and the whole cause chain, and the stack only at DEBUG. A database
 * that turned read-only or full fails every write the same way; sixty lines of Hikari, Jdbi and
 * SQLite frames per command would bury the one line an operator needs.
 */
public final class Unexpected {
  private static final Logger LOG = LoggerFactory.getLogger(Unexpected.class);
  private static final String REF_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Unexpected() {}

  /** A short reference a user can read out to an admin, who finds it in the log. */
  public static String newRef() {
    char[] ref = new char[6];
    for (int i = 0; i < ref.length; i++) {
      ref[i] = REF_ALPHABET.charAt(RANDOM.nextInt(REF_ALPHABET.length()));
    }
    return new String(ref);
  }

  /**
   * Every cause on one line, outermost first: {@code PoolInitializationException: Failed to
   * initialize pool ← SQLiteException: [SQLITE_NOTADB] …}. A message that repeats its cause's is
   * said once.
   */
  public static String causeChain(Throwable failure) {
    List<String> parts = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    String previous = null;
    for (Throwable each = failure; each != null && seen.add(each); each = each.getCause()) {
      String message = each.getMessage() == null ? "" : each.getMessage().strip();
      String line = message.lines().findFirst().orElse("");
      // Jdbi appends the statement and its arguments: customer names and amounts stay out of logs.
      int statement = line.indexOf(" [statement:");
      if (statement >= 0) {
        line = line.substring(0, statement);
      }
      if (previous != null && previous.contains(line) && !line.isEmpty()) {
        continue;
      }
      parts.add(each.getClass().getSimpleName() + (line.isEmpty() ? "" : ": " + line));
      previous = line;
    }
    return String.join(" ← ", parts);
  }

  /**
   * Logs a failure outside any command's handling (an adapter's own code) and returns the reply
   * that names its reference.
   *
   * @param where what was being done, for the log ("a Slack request")
   */
  public static Reply reply(String where, Throwable failure, Locale locale) {
    String ref = newRef();
    log(ref, where, failure);
    return Reply.privately(Messages.of(locale).get("error.unexpected", ref));
  }

  /** One ERROR line with the ref and the cause chain; the stack at DEBUG only. */
  public static void log(String ref, String where, Throwable failure) {
    LOG.error("ref={} {} failed: {}", ref, where, causeChain(failure));
    LOG.debug("ref={} the stack", ref, failure);
  }
}
