package dev.salesmeter.console;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** The console in a terminal: a prompt, line editing and history (JLine). */
public final class InteractiveConsole {
  private InteractiveConsole() {}

  public static void run(Console console) {
    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      LineReader reader =
          LineReaderBuilder.builder().terminal(terminal).appName("salesmeter").build();
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
        console.run(line).ifPresent(reply -> Console.print(reply, out));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
