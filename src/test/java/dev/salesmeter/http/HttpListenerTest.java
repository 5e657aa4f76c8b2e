package dev.salesmeter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The limits of a listener, tried from raw sockets the way hostile or broken clients behave. */
final class HttpListenerTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private HttpListener listener;

  private HttpListener start(HttpListener.Limits limits) {
    listener =
        HttpListener.start(
            "http-test",
            "127.0.0.1",
            0,
            limits,
            routes -> {
              routes.get("/healthz", ctx -> ctx.result("ok"));
              routes.post("/echo", ctx -> ctx.result(ctx.bodyAsBytes().length + " bytes"));
            });
    return listener;
  }

  @AfterEach
  void stop() {
    if (listener != null) {
      listener.close();
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port() + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port() + path))
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @DisplayName(
      "clients sending a byte at a time hold no worker: with more of them than workers, /healthz"
          + " and a whole request are answered while they trickle")
  void slowSendersHoldNoWorker() throws Exception {
    // given: the rate check off, so that only the way bodies are read keeps the workers free
    HttpListener.Limits standard = HttpListener.Limits.standard();
    start(
        new HttpListener.Limits(
            standard.maxBodyBytes(), standard.threads(), standard.idleTimeout(), 0));
    int each = standard.threads();
    try (SlowSenders bodies =
            SlowSenders.start(
                each,
                listener.port(),
                "/echo",
                SlowSenders.Part.BODY,
                Duration.ofMillis(500),
                120);
        SlowSenders headers =
            SlowSenders.start(
                each,
                listener.port(),
                "/echo",
                SlowSenders.Part.HEADERS,
                Duration.ofMillis(500),
                120)) {
      // when
      HttpResponse<String> health = get("/healthz");
      HttpResponse<String> echo = post("/echo", "command=%2Fsale&text=Acme+4200");
      // then
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(echo.body()).isEqualTo("30 bytes");
      assertThat(bodies.outcomes()).noneMatch(CompletableFuture::isDone); // still trickling
    }
  }

  @Test
  @DisplayName("a body that arrives slower than the minimum rate is cut off")
  void tooSlowIsCutOff() throws Exception {
    start(HttpListener.Limits.standard());
    try (SlowSenders senders =
        SlowSenders.start(
            1, listener.port(), "/echo", SlowSenders.Part.BODY, Duration.ofMillis(50), 400)) {
      SlowSenders.Outcome outcome = senders.outcomes().get(0).get(60, TimeUnit.SECONDS);
      assertThat(outcome.cutOff()).isTrue();
      assertThat(outcome.bytesSent()).isLessThan(400);
    }
  }

  @Test
  @DisplayName("a Content-Length over 1 MB is refused with 413 before any of the body is sent")
  void declaredTooLarge() throws Exception {
    start(HttpListener.Limits.standard());
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", listener.port()), 5_000);
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 52428800\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      assertThat(statusLine(in)).isEqualTo("HTTP/1.1 413 Payload Too Large");
      String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).endsWith("\r\n\r\n413 the body is over 1048576 bytes\n");
    }
    // The listener goes on answering.
    assertThat(post("/echo", "x".repeat(1000)).body()).isEqualTo("1000 bytes");
  }

  @Test
  @DisplayName("a chunked body without a length is refused with 413 once it passes 1 MB, not read")
  void chunkedTooLarge() throws Exception {
    start(HttpListener.Limits.standard());
    long fiftyMegabytes = 50L << 20;
    AtomicLong written = new AtomicLong();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", listener.port()), 5_000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      CompletableFuture<Void> writer =
          CompletableFuture.runAsync(
              () -> {
                byte[] chunk = new byte[64 * 1024];
                byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes();
                try {
                  while (written.get() < fiftyMegabytes) {
                    out.write(size);
                    out.write(chunk);
                    out.write("\r\n".getBytes());
                    written.addAndGet(chunk.length);
                  }
                } catch (IOException refused) {
                  // the server closed the connection: what is expected
                }
              });
      assertThat(statusLine(socket.getInputStream())).isEqualTo("HTTP/1.1 413 Payload Too Large");
      socket.close();
      writer.get(30, TimeUnit.SECONDS);
    }
    assertThat(written.get()).isLessThan(fiftyMegabytes);
  }

  private static String statusLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }
}
