package dev.salesmeter.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Clients that send a POST a byte at a time on raw sockets, the way a slow or hostile client does.
 * Each stops by itself: after {@code maxBytes}, or as soon as the server cuts it off. Closing stops
 * them all.
 */
public final class SlowSenders implements AutoCloseable {
  /** Which part of the request trickles in: the headers, or the body after complete headers. */
  public enum Part {
    HEADERS,
    BODY
  }

  /** What became of one sender. */
  public record Outcome(boolean cutOff, int bytesSent) {}

  private final ScheduledExecutorService pacing = Executors.newScheduledThreadPool(2);
  private final List<Socket> sockets = new ArrayList<>();
  private final List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();

  /**
   * Starts {@code count} senders; returns once each has sent its first byte of the slow part.
   *
   * @param every the pause between two bytes
   * @param maxBytes the most any sender sends of the slow part before it stops by itself
   */
  public static SlowSenders start(
      int count, int port, String path, Part part, Duration every, int maxBytes)
      throws IOException {
    SlowSenders senders = new SlowSenders();
    for (int i = 0; i < count; i++) {
      senders.startOne(port, path, part, every, maxBytes);
    }
    return senders;
  }

  private void startOne(int port, String path, Part part, Duration every, int maxBytes)
      throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    socket.setSoTimeout(5_000);
    sockets.add(socket);
    String headers =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\n"
            + "Content-Length: 100000\r\n\r\n";
    byte[] slow =
        part == Part.HEADERS
            ? headers.getBytes(StandardCharsets.US_ASCII)
            : "a".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
    OutputStream out = socket.getOutputStream();
    if (part == Part.BODY) {
      out.write(headers.getBytes(StandardCharsets.US_ASCII));
    }
    out.write(slow[0]);
    out.flush();
    CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    outcomes.add(outcome);
    int limit = Math.min(maxBytes, slow.length);
    int[] sent = {1};
    pacing.scheduleWithFixedDelay(
        () -> {
          if (outcome.isDone()) {
            throw new IllegalStateException("done"); // ends this sender's schedule
          }
          try {
            if (answered(socket)) {
              outcome.complete(new Outcome(true, sent[0]));
              return;
            }
            if (sent[0] >= limit) {
              outcome.complete(new Outcome(false, sent[0]));
              return;
            }
            out.write(slow[sent[0]]);
            out.flush();
            sent[0]++;
          } catch (IOException e) {
            outcome.complete(new Outcome(true, sent[0]));
          }
        },
        every.toMillis(),
        every.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Whether the server answered or closed the connection (without waiting for it). */
  private static boolean answered(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    if (in.available() > 0) {
      return true;
    }
    socket.setSoTimeout(1);
    try {
      in.read(); // a byte of an answer, or the end of the stream: either way, it is over
      return true;
    } catch (SocketTimeoutException nothingYet) {
      return false;
    } finally {
      socket.setSoTimeout(5_000);
    }
  }

  /** Each sender's outcome, once it has stopped. */
  public List<CompletableFuture<Outcome>> outcomes() {
    return outcomes;
  }

  @Override
  public void close() throws IOException {
    pacing.shutdownNow();
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}
