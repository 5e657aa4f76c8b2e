package dev.salesmeter.app;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs mounted on a folder: a disk that really fills up, or really turns read-only. It
 * needs root (as on CI). Where it cannot be mounted, a test using it fails on CI ({@code CI=true})
 * and is reported as aborted elsewhere: never skipped silently.
 */
final class SmallDisk implements AutoCloseable {
  private final Path folder;

  private SmallDisk(Path folder) {
    this.folder = folder;
  }

  static SmallDisk mount(Path folder, String size) {
    String problem = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", folder.toString());
    if (problem != null) {
      String message = "cannot mount a " + size + " tmpfs on " + folder + ": " + problem;
      if ("true".equals(System.getenv("CI"))) {
        fail(message + " (CI runs as root and must be able to)");
      }
      Assumptions.abort(message + " (run as root to include this case)");
    }
    return new SmallDisk(folder);
  }

  /** Remounts it read-only; files must not be open for writing on it. */
  void readOnly() {
    String problem = run("mount", "-o", "remount,ro", folder.toString());
    if (problem != null) {
      fail("cannot remount " + folder + " read-only: " + problem);
    }
  }

  @Override
  public void close() {
    run("umount", "-l", folder.toString());
  }

  /** Runs a command; null when it succeeded, else what it said. */
  private static String run(String... command) {
    try {
      Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes()).strip();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return "timed out";
      }
      return process.exitValue() == 0 ? null : output + " (exit " + process.exitValue() + ")";
    } catch (IOException e) {
      return e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
