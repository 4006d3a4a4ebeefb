package io.moviestatus.jobs;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TMDB stand-in on loopback for the demo: serves the bundled responses of {@code
 * sample/tmdb/<date>/} (discover pages and the genre list, in TMDB's format) for the day set with
 * {@link #serveDay}, and answers like TMDB when the bearer token is wrong. Lets the real client run
 * with no network.
 */
final class SampleTmdbServer implements AutoCloseable {

  static final String TOKEN = "demo-read-access-token";
  private static final String ROOT = "/sample/tmdb/";
  private static final Pattern PAGE = Pattern.compile("(?:^|&)page=(\\d+)");

  private final HttpServer server;
  private volatile LocalDate day;

  SampleTmdbServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the sample TMDB server: " + e.getMessage(), e);
    }
    server.createContext("/3/", this::handle);
    server.start();
  }

  /** The bundled snapshot dates, oldest first. */
  static List<LocalDate> days() {
    return resource(ROOT + "days.txt")
        .lines()
        .filter(line -> !line.isBlank())
        .map(LocalDate::parse)
        .toList();
  }

  void serveDay(LocalDate day) {
    this.day = day;
  }

  String baseUrl() {
    return "http://"
        + server.getAddress().getAddress().getHostAddress()
        + ":"
        + server.getAddress().getPort()
        + "/3/";
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      if (!("Bearer " + TOKEN).equals(auth)) {
        send(
            exchange,
            401,
            "{\"status_code\":7,\"status_message\":\"Invalid API key: You must be granted a valid key.\",\"success\":false}");
        return;
      }
      String path = exchange.getRequestURI().getPath();
      String query =
          exchange.getRequestURI().getRawQuery() == null
              ? ""
              : exchange.getRequestURI().getRawQuery();
      String folder = ROOT + day + "/";
      if (path.equals("/3/discover/movie")) {
        Matcher page = PAGE.matcher(query);
        String name = folder + "discover-page-" + (page.find() ? page.group(1) : "1") + ".json";
        if (SampleTmdbServer.class.getResource(name) == null) {
          send(
              exchange,
              422,
              "{\"status_code\":22,\"status_message\":\"Invalid page: this sample serves two pages.\",\"success\":false}");
          return;
        }
        send(exchange, 200, resource(name));
      } else if (path.equals("/3/genre/movie/list")) {
        send(exchange, 200, resource(folder + "genres.json"));
      } else {
        send(
            exchange,
            404,
            "{\"status_code\":34,\"status_message\":\"The resource you requested could not be found.\",\"success\":false}");
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String resource(String name) {
    try (InputStream in = SampleTmdbServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("bundled sample missing: " + name);
      }
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
