package dev.salesmeter.http;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * One HTTP listener (an address and port) with the limits that keep it answering on the open
 * internet:
 *
 * <ul>
 *   <li>a body over {@link Limits#maxBodyBytes()} is refused with 413: at once when its {@code
 *       Content-Length} says so, and as soon as a chunked body passes it, never read whole;
 *   <li>a body is read into memory as it arrives, without a worker thread, and only a complete
 *       request goes to a worker: a client that sends a byte a second holds a connection, not a
 *       worker, and is cut off once it falls under {@link Limits#minBytesPerSecond()};
 *   <li>a connection idle for {@link Limits#idleTimeout()} is closed;
 *   <li>the workers are a bounded pool, so a burst queues instead of growing the process.
 * </ul>
 */
public final class HttpListener implements AutoCloseable {
  /**
   * The limits of a listener.
   *
   * @param maxBodyBytes the largest request body taken
   * @param threads the bounded thread pool, Jetty's acceptor and selector included
   * @param idleTimeout how long a connection may send nothing
   * @param minBytesPerSecond the slowest a request body may arrive, on average since it started
   */
  public record Limits(
      long maxBodyBytes, int threads, Duration idleTimeout, long minBytesPerSecond) {

    /** 1 MB bodies (a Slack request is a few kB), 24 threads, 30 s idle, 256 bytes a second. */
    public static Limits standard() {
      return new Limits(1 << 20, 24, Duration.ofSeconds(30), 256);
    }
  }

  private final Javalin javalin;

  private HttpListener(Javalin javalin) {
    this.javalin = javalin;
  }

  /**
   * Starts listening.
   *
   * @param name names the worker threads ({@code http-public}) in thread dumps
   * @param host the address to bind ({@code 127.0.0.1}, or {@code 0.0.0.0} for every interface)
   * @param port the port, or 0 for any free one (tests)
   * @param routes adds the routes
   */
  public static HttpListener start(
      String name, String host, int port, Limits limits, Consumer<RoutesConfig> routes) {
    QueuedThreadPool threads =
        new QueuedThreadPool(limits.threads(), Math.min(4, limits.threads()));
    threads.setName(name);
    Javalin javalin =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.startup.startupWatcherEnabled = false;
              config.jetty.threadPool = threads;
              config.http.maxRequestSize = limits.maxBodyBytes();
              config.jetty.addConnector(
                  (server, httpConfiguration) -> {
                    httpConfiguration.setSendServerVersion(false);
                    ServerConnector connector =
                        new ServerConnector(server, new HttpConnectionFactory(httpConfiguration));
                    connector.setHost(host);
                    connector.setPort(port);
                    connector.setIdleTimeout(limits.idleTimeout().toMillis());
                    return connector;
                  });
              // Outermost first: the declared length, then the rate, then the whole body read
              // without a worker; Javalin's servlet comes after, on a worker, with the body in
              // memory.
              config.jetty.modifyServer(
                  server -> {
                    server.setErrorHandler(new OneLineErrors());
                    server.insertHandler(
                        new EagerContentHandler(
                            new EagerContentHandler.RetainedContentLoaderFactory(
                                limits.maxBodyBytes(), 0, true)));
                    server.insertHandler(new MinimumDataRateHandler(limits.minBytesPerSecond(), 0));
                    server.insertHandler(new DeclaredLengthLimit(limits.maxBodyBytes()));
                  });
              routes.accept(config.routes);
            });
    try {
      javalin.start();
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new CannotListen(
          host
              + ":"
              + port
              + " ("
              + (cause.getMessage() == null ? cause : cause.getMessage())
              + ")",
          e);
    }
    return new HttpListener(javalin);
  }

  /** The address cannot be listened on: the port is taken, or the address is not this host's. */
  public static final class CannotListen extends RuntimeException {
    CannotListen(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The port it listens on (the one chosen when started on port 0). */
  public int port() {
    return javalin.port();
  }

  @Override
  public void close() {
    javalin.stop();
  }

  /**
   * Jetty's own refusals (413, 400, 408) as one line of plain text, not an HTML page: what a client
   * or an operator's {@code curl} reads at a glance.
   */
  private static final class OneLineErrors extends ErrorHandler {
    @Override
    protected void generateResponse(
        Request request,
        Response response,
        int code,
        String message,
        Throwable cause,
        Callback callback) {
      String reason =
          message == null || message.isBlank() ? HttpStatus.getMessage(code) : message.strip();
      String line = code + " " + reason.lines().findFirst().orElse("") + "\n";
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
      response.write(true, ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)), callback);
    }
  }

  /** Refuses a body whose {@code Content-Length} is over the limit before reading any of it. */
  private static final class DeclaredLengthLimit extends Handler.Wrapper {
    private final long maxBodyBytes;

    DeclaredLengthLimit(long maxBodyBytes) {
      this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      if (request.getLength() > maxBodyBytes) {
        Response.writeError(
            request,
            response,
            callback,
            HttpStatus.PAYLOAD_TOO_LARGE_413,
            "the body is over " + maxBodyBytes + " bytes");
        return true;
      }
      return super.handle(request, response, callback);
    }
  }
}
