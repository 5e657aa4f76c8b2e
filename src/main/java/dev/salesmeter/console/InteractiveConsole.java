package dev.salesmeter.console;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** The console in a terminal: a prompt, line editing, history and Tab completion (JLine). */
public final class InteractiveConsole {
  private InteractiveConsole() {}

  /**
   * @param commandNames the names Tab completes
   * @param history where typed lines are kept between sessions
   */
  public static void run(Console console, List<String> commandNames, Path history) {
    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      LineReader reader =
          LineReaderBuilder.builder()
              .terminal(terminal)
              .appName("salesmeter")
              .completer(
                  new StringsCompleter(commandNames.stream().map(name -> "/" + name).toList()))
              .variable(LineReader.HISTORY_FILE, history)
              .build();
      PrintWriter out = terminal.writer();
      out.println("Type /help for the commands, @name /sale … to act as a rep, Ctrl-D to leave.");
      while (true) {
        String line;
        try {
          line = reader.readLine("salesmeter> ");
        } catch (UserInterruptException e) {
          continue;
        } catch (EndOfFileException e) {
          return;
        }
        if (line.strip().equals("exit") || line.strip().equals("quit")) {
          return;
        }
        console.answer(line, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
