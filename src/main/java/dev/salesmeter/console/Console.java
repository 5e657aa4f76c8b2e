package dev.salesmeter.console;

import dev.salesmeter.command.CommandInput;
import dev.salesmeter.command.Commands;
import dev.salesmeter.command.Reply;
import dev.salesmeter.core.Actor;
import dev.salesmeter.core.CustomerName;
import dev.salesmeter.core.Drawing;
import dev.salesmeter.core.Picture;
import dev.salesmeter.core.Platform;
import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.core.text.Messages;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs console lines as commands. A line {@code @anna /sale Acme 300} runs as the user anna (a rep,
 * unless configured as a manager); any other line runs as the console's own user, a manager. Each
 * reply is printed followed by a blank line. Lines starting with {@code #} are comments. A name
 * after {@code @} is checked as a mention is, and a script line must be UTF-8: what fails either is
 * answered in one line, and nothing runs for it.
 *
 * <p>Like the chat adapters, the console survives every failure of one reply: the text is printed
 * first; a chart that cannot be drawn or saved leaves one line saying why in its place; anything
 * unexpected becomes "Something went wrong (ref …)" with the cause logged under that ref, and the
 * next line runs.
 */
public final class Console {
  /** The console's workspace key. */
  public static final WorkspaceId WORKSPACE = new WorkspaceId("console");

  /** The console's own user, a manager. */
  public static final String OWN_USER = "manager";

  /** The most characters a {@code @name} may have. */
  static final int MAX_NAME = 80;

  /**
   * What a name must not contain: control characters (NUL among them), line and paragraph
   * separators, and text-direction marks, which would corrupt every reply that shows the name.
   */
  private static final Pattern FORBIDDEN_IN_NAME =
      Pattern.compile("[\\p{Cc}\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]");

  private final Commands commands;
  private final Set<String> managers;
  private final Messages messages;
  private final Path charts;

  /**
   * @param managers the names of console users who are managers besides the console's own user
   * @param locale the console workspace's language, for the console's own messages
   * @param charts the folder a reply's chart is written to (created when the first one comes)
   */
  public Console(Commands commands, Set<String> managers, Locale locale, Path charts) {
    this.commands = commands;
    this.managers = managers.stream().map(CustomerName::fold).collect(Collectors.toSet());
    this.messages = Messages.of(locale);
    this.charts = charts;
  }

  /** Runs one line and returns the reply, or nothing for a blank line or a comment. */
  public Optional<Reply> run(String line) {
    String text = line.replace("\uFEFF", "").strip(); // a script saved with a byte-order mark
    if (text.isEmpty() || text.startsWith("#")) {
      return Optional.empty();
    }
    Actor user = new Actor(OWN_USER, OWN_USER, true);
    if (text.startsWith("@")) {
      int space = text.indexOf(' ');
      String name = space < 0 ? text.substring(1) : text.substring(1, space);
      Optional<String> wrong = wrongName(name);
      if (wrong.isPresent()) {
        return Optional.of(Reply.privately(wrong.get()));
      }
      String key = CustomerName.fold(name);
      if (key.isEmpty() || space < 0) {
        return Optional.of(Reply.privately(messages.get("console.nameMissing")));
      }
      if (!key.equals(OWN_USER)) {
        user = new Actor(key, name, managers.contains(key));
      }
      text = text.substring(space + 1).strip();
    }
    int space = text.indexOf(' ');
    String command = space < 0 ? text : text.substring(0, space);
    String arguments = space < 0 ? "" : text.substring(space + 1);
    return Optional.of(
        commands.handle(
            new CommandInput(
                Platform.CONSOLE,
                WORKSPACE,
                user,
                "console",
                "console-" + UUID.randomUUID(),
                command,
                arguments)));
  }

  /**
   * Why the name after {@code @} cannot be a user's, as a mention in a command is checked: a
   * control character or line break, another {@code @} ({@code @@anna}), or more than {@value
   * #MAX_NAME} characters. The name is quoted only once it is known to be short and printable.
   */
  private Optional<String> wrongName(String name) {
    if (FORBIDDEN_IN_NAME.matcher(name).find()) {
      return Optional.of(messages.get("console.nameControl"));
    }
    int length = name.codePointCount(0, name.length());
    if (length > MAX_NAME) {
      return Optional.of(messages.get("console.nameTooLong", length, MAX_NAME));
    }
    if (name.startsWith("@")) {
      return Optional.of(messages.get("console.nameAt", Commands.quoted("@" + name)));
    }
    return Optional.empty();
  }

  /**
   * Runs every line of a script read as bytes (standard input) and prints each reply followed by a
   * blank line. Each line is decoded as UTF-8 on its own: a line that is not valid UTF-8 is not run
   * (its misread characters would be stored as "�"); one line names it, and the next line runs.
   * Lines end with {@code \n}; a {@code \r} before it is dropped.
   */
  public void runScript(InputStream in, PrintWriter out) {
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    InputStream bytes = new BufferedInputStream(in);
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    long number = 0;
    try {
      for (int b = bytes.read(); ; b = bytes.read()) {
        if (b >= 0 && b != '\n') {
          line.write(b);
          continue;
        }
        if (b >= 0 || line.size() > 0) {
          number++;
          answerBytes(number, line.toByteArray(), utf8, out);
          line.reset();
        }
        if (b < 0) {
          return;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void answerBytes(long number, byte[] line, CharsetDecoder utf8, PrintWriter out) {
    int length = line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
    String text;
    try {
      text = utf8.reset().decode(ByteBuffer.wrap(line, 0, length)).toString();
    } catch (CharacterCodingException notUtf8) {
      print(Reply.privately(messages.get("console.notUtf8", number)), out);
      return;
    }
    answer(text, out);
  }

  /**
   * Runs one line and prints its reply. Nothing that goes wrong with this one line escapes: the
   * console goes on with the next.
   */
  public void answer(String line, PrintWriter out) {
    Optional<Reply> reply;
    try {
      reply = run(line);
    } catch (RuntimeException | LinkageError unexpected) {
      String ref = Commands.logUnexpected("a console line", WORKSPACE, unexpected);
      reply = Optional.of(Reply.privately(messages.get("error.unexpected", ref)));
    }
    reply.ifPresent(r -> print(r, out));
  }

  /**
   * Prints a reply as the console shows it: the text first, then its chart saved to a file (named
   * after the fields), or why there is none.
   */
  public void print(Reply reply, PrintWriter out) {
    reply.title().ifPresent(out::println);
    out.println(reply.text());
    reply.fields().forEach(field -> out.println("  " + field.label() + ": " + field.value()));
    out.flush();
    reply.chart().ifPresent(chart -> out.println("  " + chartLine(chart)));
    out.println();
    out.flush();
  }

  /** The chart drawn and saved, and where; or, in one line, why not. */
  private String chartLine(Drawing chart) {
    Picture picture;
    try {
      picture = chart.draw();
    } catch (RuntimeException | LinkageError | InternalError e) {
      // Drawing needs fonts and native code, which fail with errors as well as exceptions.
      return messages.get("console.chartNotDrawn", Commands.logUnexpected("a chart", WORKSPACE, e));
    }
    Path file = charts.resolve(picture.fileName());
    try {
      Files.createDirectories(charts);
      Files.write(file, picture.png());
      return messages.get("console.chart", file);
    } catch (IOException | RuntimeException e) {
      // The folder is the user's to fix; the line names it, and nothing is wrong with Salesmeter.
      return messages.get("console.chartNotSaved", charts);
    }
  }
}
