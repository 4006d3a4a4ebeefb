package io.moviestatus.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.moviestatus.lake.LocalSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ingest --source export} through the launcher, against a loopback file server. The JDK's
 * HTTP server serves the binary gzip here: MockWebServer takes binary bodies only as an Okio {@code
 * Buffer}, and declaring Okio at test scope in this module would take it out of the shaded JAR's
 * runtime scope. Retries, 5xx, truncation and Retry-After are covered with MockWebServer in {@code
 * movie-ingest}'s ExportIngestionTest.
 */
class ExportIngestCommandTest {

  private static final String FILE = "/p/exports/movie_ids_11_25_2026.json.gz";

  @TempDir Path lakeDir;
  private HttpServer server;
  private byte[] gzip;

  @BeforeEach
  void setUp() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(
          ("{\"adult\":false,\"id\":3924,\"original_title\":\"Blondie\",\"popularity\":2.405,"
                  + "\"video\":false}\n"
                  + "{\"adult\":false,\"id\":6124,\"original_title\":\"Der Mann ohne Namen\","
                  + "\"popularity\":1.2,\"video\":false}\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    gzip = bytes.toByteArray();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/p/exports/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          boolean published = path.equals(FILE);
          byte[] body = published ? gzip : new byte[0];
          int status = published ? 200 : path.contains("_12_") ? 403 : 404;
          exchange.sendResponseHeaders(status, published ? body.length : -1);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterEach
  void tearDown() {
    server.stop(0);
  }

  private String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/p/exports/";
  }

  @Test
  void exportIsLandedWithoutACredential() throws IOException {
    Cli result =
        Cli.run(
            "ingest",
            "--source",
            "export",
            "--date",
            "2026-11-25",
            "--lake",
            lakeDir.toString(),
            "--export-base-url",
            baseUrl());

    assertThat(result.exitCode()).as("exit code; stderr: %s", result.err()).isZero();
    assertThat(result.out())
        .startsWith("ingest export 2026-11-25: 2 movies, " + gzip.length + " bytes");
    Path landed = lakeDir.resolve("bronze/tmdb/movie_ids_export/2026/11/2026-11-25.json.gz");
    assertThat(Files.readAllBytes(landed)).isEqualTo(gzip);
    assertThat(landed.resolveSibling("2026-11-25.json.gz.meta.json")).exists();
  }

  @Test
  void exportNotPublishedYetExitsWithSixAndOneLine() {
    Cli result =
        Cli.run(
            "ingest",
            "--source",
            "EXPORT",
            "--date",
            "2026-11-26",
            "--lake",
            lakeDir.toString(),
            "--export-base-url",
            baseUrl());

    assertThat(result.exitCode()).isEqualTo(ExitCode.EXPORT_NOT_PUBLISHED.code()).isEqualTo(6);
    assertThat(result.err().lines().toList())
        .containsExactly(
            "error: TMDB daily ID export for 2026-11-26 is not published (HTTP 404 for "
                + baseUrl()
                + "movie_ids_11_26_2026.json.gz): TMDB publishes each day's export by 08:00 UTC"
                + " and keeps it about 3 months");
    assertThat(lakeDir.resolve("bronze")).doesNotExist();
  }

  @Test
  void aForbiddenExportIsNotPublishedEitherNotARejectedCredential() {
    // TMDB's file host answers 403 for a day it has not published; for the API a 403 means a
    // rejected credential (exit code 3), but the export needs none.
    Cli result =
        Cli.run(
            "ingest",
            "--source",
            "export",
            "--date",
            "2026-12-01",
            "--lake",
            lakeDir.toString(),
            "--export-base-url",
            baseUrl());

    assertThat(result.exitCode()).isEqualTo(ExitCode.EXPORT_NOT_PUBLISHED.code());
    assertThat(result.err()).contains("is not published (HTTP 403 for ");
    assertThat(lakeDir.resolve("bronze")).doesNotExist();
  }

  @Test
  void theRunnersOwnCommandLineExitsWithSixToo() {
    // As IngestJob.main runs it (a Databricks JAR task), not through the launcher.
    CommandLine cli = Jobs.commandLine(new IngestJob());
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    LocalSpark.session();

    int code =
        cli.execute(
            "--source",
            "export",
            "--date",
            "2026-11-26",
            "--lake",
            lakeDir.toString(),
            "--export-base-url",
            baseUrl());

    assertThat(code).isEqualTo(ExitCode.EXPORT_NOT_PUBLISHED.code());
    assertThat(err.toString()).startsWith("error: TMDB daily ID export for 2026-11-26");
  }

  @Test
  void anExportBaseUrlThatIsNotHttpIsAUsageError() {
    Cli result =
        Cli.run(
            "ingest",
            "--source",
            "export",
            "--date",
            "2026-11-25",
            "--lake",
            lakeDir.toString(),
            "--export-base-url",
            "ftp://files.tmdb.org/p/exports/");

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(result.err())
        .startsWith("error: TMDB export base URL is not an http(s) URL: ftp://files.tmdb.org/");
    assertThat(lakeDir.resolve("bronze")).doesNotExist();
  }

  @Test
  void unknownSourceIsAUsageError() {
    Cli result = Cli.run("ingest", "--source", "dump", "--date", "2026-11-25");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .startsWith(
            "error: Invalid value for option '--source': 'dump' is not a source (expected discover"
                + " or export)");
  }
}
