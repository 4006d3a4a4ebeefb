package io.moviestatus.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.moviestatus.model.BronzeContract;
import io.moviestatus.model.BronzeContract.Source;
import io.moviestatus.model.LakeLayout;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockWebServer;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestionTest {

  private static final LocalDate DATE = LocalDate.of(2026, 11, 25);

  @TempDir Path lakeDir;
  private LakeLayout lake;
  private MockWebServer server;

  @BeforeEach
  void setUp() throws IOException {
    lake = LakeLayout.of(lakeDir.toString());
    server = new MockWebServer();
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stopServer() throws IOException {
    server.shutdown();
  }

  private IngestResult ingest(int topN) throws IOException {
    try (TmdbClient client = TestClients.bearer(server).maxAttempts(2).build()) {
      return new Ingestion(client, new BronzeWriter(new Configuration()), lake).ingest(DATE, topN);
    }
  }

  private Path file(Source source) {
    return Path.of(BronzeContract.snapshotPath(lake, source, DATE));
  }

  @Test
  void ingestWritesTheDiscoverSnapshotAndGenreListForTheDate() throws IOException {
    server.setDispatcher(TmdbDispatcher.recordedPages());

    IngestResult result = ingest(40);

    assertThat(result)
        .as("result")
        .isEqualTo(
            new IngestResult(
                DATE,
                40,
                2,
                39,
                19,
                BronzeContract.snapshotPath(lake, Source.DISCOVER_MOVIE, DATE),
                BronzeContract.snapshotPath(lake, Source.GENRE_MOVIE_LIST, DATE)));
    List<String> discover = Files.readAllLines(file(Source.DISCOVER_MOVIE), UTF_8);
    assertThat(discover).as("discover lines").hasSize(2);
    JsonObject second = JsonParser.parseString(discover.get(1)).getAsJsonObject();
    assertThat(second.get("page").getAsInt()).as("second line's page").isEqualTo(2);
    assertThat(second.get("top_n").getAsInt()).as("top_n").isEqualTo(40);
    assertThat(second.get("snapshot_date").getAsString()).as("date").isEqualTo("2026-11-25");
    assertThat(second.get("body").getAsString())
        .as("page 2 verbatim")
        .isEqualTo(Fixtures.read("discover_movie_page2.json"));
    List<String> genres = Files.readAllLines(file(Source.GENRE_MOVIE_LIST), UTF_8);
    assertThat(genres).as("genre lines").hasSize(1);
    JsonObject genreLine = JsonParser.parseString(genres.get(0)).getAsJsonObject();
    assertThat(genreLine.get("endpoint").getAsString())
        .as("endpoint")
        .isEqualTo("genre/movie/list");
    assertThat(genreLine.get("body").getAsString())
        .as("genre body verbatim")
        .isEqualTo(Fixtures.read("genre_movie_list.json"));
  }

  @Test
  void ingestingADateAgainReplacesItsFiles() throws IOException {
    server.setDispatcher(TmdbDispatcher.recordedPages());
    ingest(40);

    IngestResult again = ingest(20);

    assertThat(again.pages()).as("pages").isEqualTo(1);
    assertThat(Files.readAllLines(file(Source.DISCOVER_MOVIE), UTF_8))
        .as("discover file replaced by the one-page snapshot")
        .hasSize(1);
  }

  @Test
  void failedIngestWritesNothingAndKeepsTheEarlierSnapshot() throws IOException {
    server.setDispatcher(TmdbDispatcher.recordedPages());
    ingest(40);
    byte[] discoverBefore = Files.readAllBytes(file(Source.DISCOVER_MOVIE));
    byte[] genresBefore = Files.readAllBytes(file(Source.GENRE_MOVIE_LIST));

    server.setDispatcher(
        new TmdbDispatcher(
            page ->
                page == 2
                    ? Fixtures.json(500, Fixtures.read("error_500.json"))
                    : Fixtures.json(Fixtures.discoverPage(page, 500)),
            0));
    TmdbUnavailableException error =
        catchThrowableOfType(TmdbUnavailableException.class, () -> ingest(60));

    assertThat(error).as("the ingest failed").isNotNull();
    assertThat(Files.readAllBytes(file(Source.DISCOVER_MOVIE)))
        .as("earlier discover snapshot intact")
        .isEqualTo(discoverBefore);
    assertThat(Files.readAllBytes(file(Source.GENRE_MOVIE_LIST)))
        .as("earlier genre list intact")
        .isEqualTo(genresBefore);
    try (Stream<Path> files = Files.walk(lakeDir)) {
      assertThat(files.map(Path::toString))
          .as("temporary files")
          .noneMatch(p -> p.contains(".tmp"));
    }
  }

  @Test
  void failedFirstIngestLeavesNoFile() {
    server.enqueue(Fixtures.json(401, Fixtures.read("error_401.json")));

    TmdbApiException error = catchThrowableOfType(TmdbApiException.class, () -> ingest(40));

    assertThat(error).as("bad credentials").isNotNull();
    assertThat(file(Source.DISCOVER_MOVIE)).as("no discover file").doesNotExist();
    assertThat(file(Source.GENRE_MOVIE_LIST)).as("no genre file").doesNotExist();
  }
}
