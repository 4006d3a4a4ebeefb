package io.moviestatus.jobs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;

/**
 * TMDB's daily export folder on loopback for the bundled sample days: {@code
 * movie_ids_MM_dd_yyyy.json.gz} of a day holds one line per movie of that day's discover pages
 * (adult, id, original_title, popularity, video, as TMDB writes them), two catalogue-only movies
 * whose popularity changes with the day, and one line that is not JSON (silver quarantines it). A
 * day without an export answers 404, as TMDB does before publishing.
 */
final class SampleExportServer implements AutoCloseable {

  private static final DateTimeFormatter FILE_DATE =
      DateTimeFormatter.ofPattern("MM_dd_uuuu", Locale.ROOT);

  private final HttpServer server;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();

  /** Builds the exports of {@code days} from the sample's discover pages under {@code classes}. */
  SampleExportServer(SparkSession spark, Path classes, List<LocalDate> days) throws IOException {
    for (LocalDate day : days) {
      files.put(
          "/p/exports/movie_ids_" + FILE_DATE.format(day) + ".json.gz",
          gzip(lines(spark, classes, day)));
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/p/exports/", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/p/exports/";
  }

  /** The export lines of {@code day}. */
  static List<String> lines(SparkSession spark, Path classes, LocalDate day) {
    String folder = classes.resolve("sample/tmdb/" + day).toString();
    List<String> lines =
        new ArrayList<>(
            spark
                .read()
                .json(folder + "/discover-page-*.json")
                .select(explode(col("results")).as("m"))
                .select(
                    to_json(
                        struct(
                            col("m.adult").as("adult"),
                            col("m.id").as("id"),
                            col("m.original_title").as("original_title"),
                            col("m.popularity").as("popularity"),
                            col("m.video").as("video"))))
                .as(Encoders.STRING())
                .collectAsList());
    double shift = day.getDayOfMonth() / 100.0;
    lines.add(
        "{\"adult\":false,\"id\":9000001,\"original_title\":\"Catalogue Only\",\"popularity\":"
            + (0.6 + shift)
            + ",\"video\":false}");
    lines.add(
        "{\"adult\":true,\"id\":9000002,\"original_title\":\"Noch ein \\\"Film\\\"\",\"popularity\":"
            + (0.1 + shift)
            + ",\"video\":true}");
    lines.add("not json at all");
    return lines;
  }

  private static byte[] gzip(List<String> lines) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      for (String line : lines) {
        out.write((line + "\n").getBytes(UTF_8));
      }
    }
    return bytes.toByteArray();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = files.get(exchange.getRequestURI().getPath());
      exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
      if (body != null) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
