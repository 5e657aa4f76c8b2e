package dev.salesmeter.command;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One command, declared once: its names, what its words mean, which options and flags it takes, who
 * may use it, and its handler. Help texts live in the messages under {@code
 * command.<name>.summary}, {@code .usage} and {@code .example}.
 *
 * @param takesRep whether {@code @rep} may name whose work it is (or whom a target is for)
 * @param managersOnly whether only managers may use it
 */
public record CommandSpec(
    String name,
    String dutchName,
    Syntax syntax,
    Set<OptionKey> options,
    Set<Flag> flags,
    boolean takesRep,
    boolean managersOnly,
    CommandHandler handler) {

  public CommandSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dutchName, "dutchName");
    Objects.requireNonNull(syntax, "syntax");
    options = Set.copyOf(options);
    flags = Set.copyOf(flags);
    Objects.requireNonNull(handler, "handler");
  }

  /** Whether the word names this command, in English or Dutch, with or without the slash. */
  public boolean isCalled(String word) {
    String bare = word.startsWith("/") ? word.substring(1) : word;
    String lower = bare.toLowerCase(Locale.ROOT);
    return lower.equals(name) || lower.equals(dutchName);
  }

  /** The name a speaker of the locale types. */
  public String nameIn(Locale locale) {
    return "nl".equals(locale.getLanguage()) ? dutchName : name;
  }

  /** The message key of a help text of this command: summary, usage or example. */
  public String helpKey(String part) {
    return "command." + name + "." + part;
  }

  public List<String> names() {
    return List.of(name, dutchName);
  }
}
