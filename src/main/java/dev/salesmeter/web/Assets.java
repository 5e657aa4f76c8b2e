package dev.salesmeter.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The dashboard's scripts and style sheet, served from the jar: its own files and ECharts from its
 * WebJar, so that nothing is fetched from a CDN (self-hosted teams are often offline) and the
 * strict Content-Security-Policy ({@code script-src 'self'}) holds. Each is read once; its URL
 * carries a hash of its bytes, so browsers may keep it for a year and still get a changed file at
 * once.
 */
public final class Assets {
  /** ECharts' version in the pom ({@code echarts.version}); a test loads it, so a bump shows. */
  static final String ECHARTS_VERSION = "5.3.1";

  private static final String OWN = "/dev/salesmeter/web/assets/";

  /** The URLs a page links, each with its version. */
  public record Urls(String echarts, String js, String css) {}

  /** A file served: its bytes, type and version. */
  record Asset(byte[] bytes, String contentType, String version) {}

  private final Map<String, Asset> byName;
  private final Urls urls;

  Assets() {
    this.byName =
        Map.of(
            "echarts.min.js",
            load(
                "/META-INF/resources/webjars/echarts/" + ECHARTS_VERSION + "/dist/echarts.min.js",
                "text/javascript; charset=utf-8"),
            "dashboard.js",
            load(OWN + "dashboard.js", "text/javascript; charset=utf-8"),
            "dashboard.css",
            load(OWN + "dashboard.css", "text/css; charset=utf-8"));
    this.urls = new Urls(url("echarts.min.js"), url("dashboard.js"), url("dashboard.css"));
  }

  Urls urls() {
    return urls;
  }

  Optional<Asset> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  private String url(String name) {
    return "/assets/" + name + "?v=" + byName.get(name).version();
  }

  private static Asset load(String resource, String contentType) {
    try (InputStream in = Assets.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing from the jar: " + resource);
      }
      byte[] bytes = in.readAllBytes();
      CRC32 crc = new CRC32();
      crc.update(bytes);
      return new Asset(bytes, contentType, Long.toHexString(crc.getValue()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
