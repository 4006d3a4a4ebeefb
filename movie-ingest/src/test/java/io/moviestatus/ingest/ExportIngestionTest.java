package io.moviestatus.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.moviestatus.model.LakeLayout;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportIngestionTest {

  private static final LocalDate DATE = LocalDate.of(2026, 11, 25);
  private static final Instant FETCHED_AT = Instant.parse("2026-11-25T08:05:00.250Z");
  private static final String FILE_PATH = "/p/exports/movie_ids_11_25_2026.json.gz";

  @TempDir Path lakeDir;
  private MockWebServer server;
  private LakeLayout lake;

  @BeforeEach
  void setUp() throws IOException {
    server = new MockWebServer();
    server.start();
    lake = LakeLayout.of(lakeDir.toUri().toString());
  }

  @AfterEach
  void tearDown() throws IOException {
    server.shutdown();
  }

  private ExportIngestion.Builder export(Configuration conf, LakeLayout lake) {
    return ExportIngestion.builder()
        .baseUrl(server.url("/p/exports").toString())
        .lake(lake)
        .hadoopConf(conf)
        .maxAttempts(3)
        .backoff(Duration.ofMillis(1), Duration.ofMillis(5))
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(5))
        .clock(Clock.fixed(FETCHED_AT, ZoneOffset.UTC));
  }

  private ExportIngestResult ingest() throws IOException {
    try (ExportIngestion export = export(new Configuration(), lake).build()) {
      return export.ingest(DATE);
    }
  }

  private Path file() {
    return lakeDir.resolve("bronze/tmdb/movie_ids_export/2026/11/2026-11-25.json.gz");
  }

  private Path metadataFile() {
    return lakeDir.resolve("bronze/tmdb/movie_ids_export/2026/11/2026-11-25.json.gz.meta.json");
  }

  private JsonObject metadata() throws IOException {
    return JsonParser.parseString(Files.readString(metadataFile(), UTF_8)).getAsJsonObject();
  }

  /** Files in the day's folder other than Hadoop's checksum files. */
  private List<String> folder() throws IOException {
    Path folder = file().getParent();
    if (!Files.exists(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(name -> !name.endsWith(".crc"))
          .sorted()
          .toList();
    }
  }

  private static long lines(byte[] gzip) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      byte[] all = in.readAllBytes();
      long count = 0;
      for (byte b : all) {
        if (b == '\n') {
          count++;
        }
      }
      return count;
    }
  }

  @Test
  void exportOf200kLinesIsLandedByteExactWithItsMetadata() throws Exception {
    byte[] gzip = ExportFixtures.export(200_000, 42);
    server.enqueue(ExportFixtures.gzipFile(gzip));

    ExportIngestResult result = ingest();

    String sha256 = ExportFixtures.sha256(gzip);
    String url = server.url(FILE_PATH).toString();
    assertThat(Files.readAllBytes(file())).as("bronze file, byte for byte").isEqualTo(gzip);
    assertThat(ExportFixtures.sha256(Files.readAllBytes(file()))).isEqualTo(sha256);
    assertThat(lines(gzip)).as("generated lines").isEqualTo(200_000);
    assertThat(result)
        .isEqualTo(
            new ExportIngestResult(
                DATE,
                url,
                200,
                FETCHED_AT,
                gzip.length,
                sha256,
                200_000,
                1,
                lake.exportFile(DATE),
                lake.exportMetadataFile(DATE)));
    assertThat(Files.readString(metadataFile(), UTF_8))
        .as("metadata file")
        .isEqualTo(
            "{\"url\":\""
                + url
                + "\",\"snapshot_date\":\"2026-11-25\",\"fetched_at\":\"2026-11-25T08:05:00.250Z\","
                + "\"http_status\":200,\"size_bytes\":"
                + gzip.length
                + ",\"sha256\":\""
                + sha256
                + "\",\"lines\":200000}\n");
    assertThat(folder())
        .as("the day's folder: the export and its metadata, no temporary file")
        .containsExactly("2026-11-25.json.gz", "2026-11-25.json.gz.meta.json");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getPath()).isEqualTo(FILE_PATH);
    assertThat(request.getHeader("Accept-Encoding"))
        .as("the file is asked for as stored, never re-encoded")
        .isEqualTo("identity");
  }

  @Test
  void fileServedWithContentEncodingGzipIsStillStoredAsReceived() throws Exception {
    byte[] gzip = ExportFixtures.export(1_000, 7);
    server.enqueue(ExportFixtures.gzipFile(gzip).setHeader("Content-Encoding", "gzip"));

    ExportIngestResult result = ingest();

    assertThat(Files.readAllBytes(file()))
        .as("OkHttp did not decompress the body on the way")
        .isEqualTo(gzip);
    assertThat(result.lines()).isEqualTo(1_000);
  }

  @Test
  void notPublishedExportIsATypedErrorAndLeavesNothingBehind() throws Exception {
    for (int status : new int[] {404, 403}) {
      server.enqueue(
          new MockResponse().setResponseCode(status).setBody("<Error>NoSuchKey</Error>"));
      String url = server.url(FILE_PATH).toString();

      assertThatThrownBy(this::ingest)
          .as("HTTP %d", status)
          .isInstanceOfSatisfying(
              TmdbExportNotPublishedException.class,
              e -> {
                assertThat(e.date()).isEqualTo(DATE);
                assertThat(e.url()).isEqualTo(url);
                assertThat(e.httpStatus()).isEqualTo(status);
              })
          .hasMessage(
              "TMDB daily ID export for 2026-11-25 is not published (HTTP "
                  + status
                  + " for "
                  + url
                  + "): TMDB publishes each day's export by 08:00 UTC and keeps it about 3 months");
      assertThat(folder()).as("HTTP %d: no file, no temporary file", status).isEmpty();
    }
    assertThat(server.getRequestCount()).as("not retried").isEqualTo(2);
  }

  @Test
  void serverErrorThenSuccessIsRetriedAndLands() throws Exception {
    byte[] gzip = ExportFixtures.export(5_000, 3);
    server.enqueue(new MockResponse().setResponseCode(500).setBody("oops"));
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "0"));
    server.enqueue(ExportFixtures.gzipFile(gzip));

    ExportIngestResult result = ingest();

    assertThat(result.attempts()).isEqualTo(3);
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(Files.readAllBytes(file())).isEqualTo(gzip);
    assertThat(metadata().get("sha256").getAsString()).isEqualTo(ExportFixtures.sha256(gzip));
    assertThat(folder()).containsExactly("2026-11-25.json.gz", "2026-11-25.json.gz.meta.json");
  }

  @Test
  void connectionCutMidBodyIsRetriedThenReportedUnavailableKeepingTheEarlierFile()
      throws Exception {
    byte[] earlier = ExportFixtures.export(2_000, 1);
    server.enqueue(ExportFixtures.gzipFile(earlier));
    ingest();
    String earlierMetadata = Files.readString(metadataFile(), UTF_8);

    byte[] today = ExportFixtures.export(50_000, 2);
    for (int i = 0; i < 3; i++) {
      server.enqueue(
          ExportFixtures.gzipFile(today)
              .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    }

    assertThatThrownBy(this::ingest)
        .isInstanceOfSatisfying(
            TmdbUnavailableException.class, e -> assertThat(e.attempts()).isEqualTo(3))
        .hasMessageStartingWith("TMDB export 2026-11-25 unreachable after 3 attempts: ");
    assertThat(server.getRequestCount()).isEqualTo(1 + 3);
    assertThat(Files.readAllBytes(file())).as("earlier file intact").isEqualTo(earlier);
    assertThat(Files.readString(metadataFile(), UTF_8)).isEqualTo(earlierMetadata);
    assertThat(folder()).containsExactly("2026-11-25.json.gz", "2026-11-25.json.gz.meta.json");
  }

  @Test
  void truncatedGzipIsRejectedAndTheDaysEarlierFileStaysIntact() throws Exception {
    byte[] earlier = ExportFixtures.export(2_000, 1);
    server.enqueue(ExportFixtures.gzipFile(earlier));
    ingest();
    String earlierMetadata = Files.readString(metadataFile(), UTF_8);

    byte[] full = ExportFixtures.export(20_000, 2);
    byte[] truncated = Arrays.copyOf(full, full.length / 2);
    // A complete HTTP response (Content-Length matches) whose body is half a gzip file.
    server.enqueue(ExportFixtures.gzipFile(truncated));

    assertThatThrownBy(this::ingest)
        .isInstanceOf(TmdbMalformedResponseException.class)
        .hasMessage(
            "TMDB export for 2026-11-25 is not a complete gzip file ("
                + truncated.length
                + " bytes received, HTTP 200): EOFException: Unexpected end of ZLIB input stream");
    assertThat(server.getRequestCount())
        .as("a complete but corrupt file is not retried")
        .isEqualTo(2);
    assertThat(Files.readAllBytes(file())).as("earlier file intact").isEqualTo(earlier);
    assertThat(Files.readString(metadataFile(), UTF_8)).isEqualTo(earlierMetadata);
    assertThat(folder()).containsExactly("2026-11-25.json.gz", "2026-11-25.json.gz.meta.json");
  }

  @Test
  void bodyThatIsNotGzipIsRejectedAndLeavesNothing() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(200).setBody("<html>maintenance</html>"));

    assertThatThrownBy(this::ingest)
        .isInstanceOf(TmdbMalformedResponseException.class)
        .hasMessage(
            "TMDB export for 2026-11-25 is not a complete gzip file (2 bytes received, HTTP 200):"
                + " ZipException: Not in GZIP format");
    assertThat(folder()).isEmpty();
  }

  @Test
  void reingestingADayReplacesTheFileAndItsMetadata() throws Exception {
    byte[] first = ExportFixtures.export(3_000, 1);
    byte[] second = ExportFixtures.export(4_000, 2);
    server.enqueue(ExportFixtures.gzipFile(first));
    server.enqueue(ExportFixtures.gzipFile(second));

    ingest();
    ExportIngestResult again = ingest();

    assertThat(Files.readAllBytes(file())).isEqualTo(second);
    assertThat(again.lines()).isEqualTo(4_000);
    JsonObject metadata = metadata();
    assertThat(metadata.get("sha256").getAsString()).isEqualTo(ExportFixtures.sha256(second));
    assertThat(metadata.get("size_bytes").getAsLong()).isEqualTo(second.length);
    assertThat(metadata.get("lines").getAsLong()).isEqualTo(4_000);
    assertThat(folder()).containsExactly("2026-11-25.json.gz", "2026-11-25.json.gz.meta.json");
  }

  @Test
  void otherClientErrorFailsAtOnce() {
    server.enqueue(new MockResponse().setResponseCode(400).setBody("bad"));

    assertThatThrownBy(this::ingest)
        .isInstanceOfSatisfying(
            TmdbApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(400))
        .hasMessage("TMDB export download failed (HTTP 400 for " + server.url(FILE_PATH) + ")");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void storeWithoutFileContextIsReplacedByDeleteAndRename() throws Exception {
    LakeLayout nofcLake = LakeLayout.of("nofc:" + lakeDir.toAbsolutePath());
    Configuration conf = NoFileContextFileSystem.configuration(-1);
    byte[] first = ExportFixtures.export(1_000, 1);
    byte[] second = ExportFixtures.export(1_500, 2);
    server.enqueue(ExportFixtures.gzipFile(first));
    server.enqueue(ExportFixtures.gzipFile(second));

    try (ExportIngestion export = export(conf, nofcLake).build()) {
      export.ingest(DATE);
      ExportIngestResult again = export.ingest(DATE);
      assertThat(again.path()).isEqualTo("nofc:" + file().toAbsolutePath());
    }

    assertThat(Files.readAllBytes(file())).isEqualTo(second);
    assertThat(metadata().get("lines").getAsLong()).isEqualTo(1_500);
    assertThat(folder()).containsExactly("2026-11-25.json.gz", "2026-11-25.json.gz.meta.json");
  }

  @Test
  void lakeWriteFailureIsNotRetriedAndLeavesNoTemporaryFile() throws Exception {
    LakeLayout failingLake = LakeLayout.of("nofc:" + lakeDir.toAbsolutePath());
    byte[] gzip = ExportFixtures.export(20_000, 1);
    server.enqueue(ExportFixtures.gzipFile(gzip));

    try (ExportIngestion export =
        export(NoFileContextFileSystem.configuration(100_000), failingLake).build()) {
      assertThatThrownBy(() -> export.ingest(DATE))
          .isInstanceOf(IOException.class)
          .hasMessage("simulated write failure after 98304 bytes");
    }

    assertThat(server.getRequestCount()).as("a lake failure is not TMDB's: no retry").isEqualTo(1);
    assertThat(folder()).isEmpty();
  }

  @Test
  void urlNamesTheDateAsTmdbDoes() {
    try (ExportIngestion export =
        ExportIngestion.builder().lake(lake).hadoopConf(new Configuration()).build()) {
      assertThat(export.url(LocalDate.of(2026, 1, 5)))
          .isEqualTo("https://files.tmdb.org/p/exports/movie_ids_01_05_2026.json.gz");
    }
  }
}
