package io.moviestatus.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.moviestatus.model.BronzeContract;
import io.moviestatus.model.BronzeContract.Source;
import io.moviestatus.model.LakeLayout;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BronzeWriterTest {

  private static final LocalDate DATE = LocalDate.of(2026, 11, 25);
  private static final Instant FETCHED_AT = Instant.parse("2026-11-25T05:00:01.120Z");

  @TempDir Path lakeDir;
  private LakeLayout lake;
  private BronzeWriter writer;

  @BeforeEach
  void setUp() {
    lake = LakeLayout.of(lakeDir.toUri().toString());
    writer = new BronzeWriter(new Configuration());
  }

  private static TmdbResponse discoverResponse(int page, String body) {
    Map<String, String> request = new LinkedHashMap<>();
    request.put("sort_by", "popularity.desc");
    request.put("include_adult", "false");
    request.put("include_video", "false");
    request.put("language", "en-US");
    request.put("page", String.valueOf(page));
    return new TmdbResponse("discover/movie", request, page, 200, FETCHED_AT, body);
  }

  private static List<BronzeEnvelope> discoverSnapshot(LocalDate date, String... bodies) {
    List<BronzeEnvelope> envelopes = new ArrayList<>();
    for (int i = 0; i < bodies.length; i++) {
      envelopes.add(BronzeEnvelope.discover(discoverResponse(i + 1, bodies[i]), date, 40));
    }
    return envelopes;
  }

  private Path target(Source source, LocalDate date) {
    return lakeDir.resolve(
        "bronze/tmdb/"
            + source.folder()
            + String.format("/%04d/%02d/", date.getYear(), date.getMonthValue())
            + date
            + ".jsonl");
  }

  private List<String> leftovers(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.contains(".tmp")).toList();
    }
  }

  @Test
  void discoverEnvelopeLineHasTheContractsFieldsInOrderWithExactValues() {
    String body = Fixtures.read("discover_movie_page1.json");
    String line = BronzeEnvelope.discover(discoverResponse(1, body), DATE, 40).toJsonLine();

    JsonObject json = JsonParser.parseString(line).getAsJsonObject();
    assertThat(json.keySet())
        .as("fields in order")
        .containsExactly(
            BronzeContract.ENDPOINT,
            BronzeContract.SNAPSHOT_DATE,
            BronzeContract.FETCHED_AT,
            BronzeContract.REQUEST,
            BronzeContract.PAGE,
            BronzeContract.TOP_N,
            BronzeContract.HTTP_STATUS,
            BronzeContract.BODY);
    assertThat(json.get("endpoint").getAsString()).as("endpoint").isEqualTo("discover/movie");
    assertThat(json.get("snapshot_date").getAsString()).as("snapshot_date").isEqualTo("2026-11-25");
    assertThat(json.get("fetched_at").getAsString())
        .as("fetched_at")
        .isEqualTo("2026-11-25T05:00:01.120Z");
    assertThat(json.get("request").toString())
        .as("request: strings only, no credential")
        .isEqualTo(
            "{\"sort_by\":\"popularity.desc\",\"include_adult\":\"false\","
                + "\"include_video\":\"false\",\"language\":\"en-US\",\"page\":\"1\"}");
    assertThat(json.get("page").getAsInt()).as("page").isEqualTo(1);
    assertThat(json.get("top_n").getAsInt()).as("top_n").isEqualTo(40);
    assertThat(json.get("http_status").getAsInt()).as("http_status").isEqualTo(200);
    assertThat(json.get("body").getAsString())
        .as("body as a JSON string, verbatim")
        .isEqualTo(body);
  }

  @Test
  void genreEnvelopeWritesPageAndTopNAsNull() {
    TmdbResponse response =
        new TmdbResponse(
            "genre/movie/list",
            Map.of("language", "en-US"),
            null,
            200,
            FETCHED_AT,
            Fixtures.read("genre_movie_list.json"));
    String line = BronzeEnvelope.genreList(response, DATE).toJsonLine();

    JsonObject json = JsonParser.parseString(line).getAsJsonObject();
    assertThat(json.get("endpoint").getAsString()).as("endpoint").isEqualTo("genre/movie/list");
    assertThat(json.has("page")).as("page present").isTrue();
    assertThat(json.get("page").isJsonNull()).as("page null").isTrue();
    assertThat(json.get("top_n").isJsonNull()).as("top_n null").isTrue();
    assertThat(json.get("request").toString()).as("request").isEqualTo("{\"language\":\"en-US\"}");
  }

  @Test
  void bodyWithLineBreaksAndUnicodeStaysOnOneLineAndRoundTripsExactly() {
    String body = "{\n  \"page\": 1,\r\n  \"results\": [\"千と千尋\u2028\", \"<&>\", \"\\\"q\\\"\"]\n}";
    String line = BronzeEnvelope.discover(discoverResponse(1, body), DATE, 20).toJsonLine();

    assertThat(line).as("one line").doesNotContain("\n", "\r", "\u2028");
    assertThat(line).as("no HTML escaping, UTF-8 kept").contains("千と千尋", "<&>");
    JsonElement parsed = JsonParser.parseString(line);
    assertThat(parsed.getAsJsonObject().get("body").getAsString()).as("body").isEqualTo(body);
  }

  @Test
  void snapshotIsWrittenToItsYearMonthFolderOneEnvelopePerLineInOrder() throws IOException {
    String page1 = Fixtures.read("discover_movie_page1.json");
    String page2 = Fixtures.read("discover_movie_page2.json");

    String written =
        writer.write(lake, Source.DISCOVER_MOVIE, DATE, discoverSnapshot(DATE, page1, page2));

    Path file = target(Source.DISCOVER_MOVIE, DATE);
    assertThat(written)
        .as("returned path")
        .isEqualTo(BronzeContract.snapshotPath(lake, Source.DISCOVER_MOVIE, DATE));
    assertThat(file).as("file at bronze/tmdb/discover_movie/2026/11/2026-11-25.jsonl").exists();
    List<String> lines = Files.readAllLines(file, UTF_8);
    assertThat(lines).as("one line per page").hasSize(2);
    assertThat(lines)
        .extracting(l -> JsonParser.parseString(l).getAsJsonObject().get("body").getAsString())
        .as("bodies in page order")
        .containsExactly(page1, page2);
    assertThat(Files.readString(file, UTF_8)).as("newline-terminated").endsWith("}\n");
    assertThat(leftovers(file.getParent())).as("temporary files").isEmpty();
  }

  @Test
  void writingADateAgainReplacesItsSnapshot() throws IOException {
    writer.write(
        lake, Source.DISCOVER_MOVIE, DATE, discoverSnapshot(DATE, "{\"v\":1}", "{\"v\":2}"));
    writer.write(lake, Source.DISCOVER_MOVIE, DATE, discoverSnapshot(DATE, "{\"v\":3}"));

    Path file = target(Source.DISCOVER_MOVIE, DATE);
    List<String> lines = Files.readAllLines(file, UTF_8);
    assertThat(lines).as("second snapshot only").hasSize(1);
    assertThat(lines.get(0)).as("second snapshot's body").contains("{\\\"v\\\":3}");
    assertThat(leftovers(file.getParent())).as("temporary files").isEmpty();
  }

  @Test
  void otherDatesAreLeftAlone() throws IOException {
    LocalDate dayBefore = DATE.minusDays(1);
    writer.write(lake, Source.DISCOVER_MOVIE, dayBefore, discoverSnapshot(dayBefore, "{\"d\":1}"));
    writer.write(lake, Source.DISCOVER_MOVIE, DATE, discoverSnapshot(DATE, "{\"d\":2}"));

    assertThat(Files.readString(target(Source.DISCOVER_MOVIE, dayBefore), UTF_8))
        .as("the day before")
        .contains("{\\\"d\\\":1}");
  }

  @Test
  void failureMidSnapshotLeavesNoFileBehind() throws IOException {
    List<BronzeEnvelope> envelopes = discoverSnapshot(DATE, "{\"p\":1}", "{\"p\":2}");
    envelopes.add(BronzeEnvelope.discover(discoverResponse(3, "{\"p\":3}"), DATE.plusDays(1), 40));

    assertThatThrownBy(() -> writer.write(lake, Source.DISCOVER_MOVIE, DATE, envelopes))
        .as("third envelope belongs to another date")
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("envelope 2");

    Path file = target(Source.DISCOVER_MOVIE, DATE);
    assertThat(file).as("no snapshot file").doesNotExist();
    assertThat(leftovers(file.getParent())).as("temporary files").isEmpty();
  }

  @Test
  void failureMidSnapshotKeepsTheEarlierSnapshotIntact() throws IOException {
    writer.write(lake, Source.DISCOVER_MOVIE, DATE, discoverSnapshot(DATE, "{\"old\":1}"));
    Path file = target(Source.DISCOVER_MOVIE, DATE);
    byte[] before = Files.readAllBytes(file);
    List<BronzeEnvelope> fresh =
        discoverSnapshot(DATE, "{\"new\":1}", "{\"new\":2}", "{\"new\":3}");
    List<BronzeEnvelope> failingAtThird =
        new AbstractList<>() {
          @Override
          public BronzeEnvelope get(int index) {
            if (index == 2) {
              throw new IllegalStateException("source failed while writing");
            }
            return fresh.get(index);
          }

          @Override
          public int size() {
            return fresh.size();
          }
        };

    assertThatThrownBy(() -> writer.write(lake, Source.DISCOVER_MOVIE, DATE, failingAtThird))
        .as("failure after two lines")
        .isInstanceOf(IllegalStateException.class);

    assertThat(Files.readAllBytes(file)).as("earlier snapshot, byte for byte").isEqualTo(before);
    assertThat(leftovers(file.getParent())).as("temporary files").isEmpty();
  }

  @Test
  void envelopeOfAnotherSourceOrAnEmptySnapshotIsRejected() {
    TmdbResponse genres =
        new TmdbResponse("genre/movie/list", Map.of(), null, 200, FETCHED_AT, "{\"genres\":[]}");

    assertThatThrownBy(
            () ->
                writer.write(
                    lake,
                    Source.DISCOVER_MOVIE,
                    DATE,
                    List.of(BronzeEnvelope.genreList(genres, DATE))))
        .as("genre envelope in the discover file")
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> writer.write(lake, Source.DISCOVER_MOVIE, DATE, List.of()))
        .as("empty snapshot")
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(target(Source.DISCOVER_MOVIE, DATE)).as("nothing written").doesNotExist();
  }

  @Test
  void storeWithoutFileContextBindingStillReplacesTheSnapshot() throws IOException {
    Configuration conf = NoFileContextFileSystem.configuration(-1);
    assertThatThrownBy(() -> FileContext.getFileContext(URI.create("nofc:///"), conf))
        .as("the fake store has no FileContext binding, so the fallback rename runs")
        .isInstanceOf(UnsupportedFileSystemException.class);
    LakeLayout nofcLake = LakeLayout.of("nofc:" + lakeDir.toAbsolutePath());
    BronzeWriter nofcWriter = new BronzeWriter(conf);

    nofcWriter.write(nofcLake, Source.DISCOVER_MOVIE, DATE, discoverSnapshot(DATE, "{\"v\":1}"));
    nofcWriter.write(nofcLake, Source.DISCOVER_MOVIE, DATE, discoverSnapshot(DATE, "{\"v\":2}"));

    Path file = target(Source.DISCOVER_MOVIE, DATE);
    assertThat(Files.readAllLines(file, UTF_8))
        .as("second snapshot replaced the first")
        .singleElement()
        .asString()
        .contains("{\\\"v\\\":2}");
    assertThat(leftovers(file.getParent())).as("temporary files").isEmpty();
  }

  @Test
  void ioFailureWhileWritingKeepsTheEarlierSnapshotAndLeavesNoTemporaryFile() throws IOException {
    writer.write(lake, Source.DISCOVER_MOVIE, DATE, discoverSnapshot(DATE, "{\"old\":1}"));
    Path file = target(Source.DISCOVER_MOVIE, DATE);
    byte[] before = Files.readAllBytes(file);
    LakeLayout failingLake = LakeLayout.of("nofc:" + lakeDir.toAbsolutePath());
    BronzeWriter failingWriter = new BronzeWriter(NoFileContextFileSystem.configuration(10_000));
    String page = Fixtures.read("discover_movie_page1.json");

    assertThatThrownBy(
            () ->
                failingWriter.write(
                    failingLake, Source.DISCOVER_MOVIE, DATE, discoverSnapshot(DATE, page, page)))
        .as("the store fails after 10,000 of about 20,000 bytes")
        .isInstanceOf(IOException.class)
        .hasMessageContaining("simulated write failure");

    assertThat(Files.readAllBytes(file)).as("earlier snapshot, byte for byte").isEqualTo(before);
    assertThat(leftovers(file.getParent())).as("temporary files").isEmpty();
  }

  @Test
  void relativeLakePathIsResolvedLikeAnyOther() throws IOException {
    Path relative = Path.of("").toAbsolutePath().relativize(lakeDir.toAbsolutePath());
    LakeLayout relativeLake = LakeLayout.of(relative.toString());

    writer.write(relativeLake, Source.DISCOVER_MOVIE, DATE, discoverSnapshot(DATE, "{\"r\":1}"));

    assertThat(target(Source.DISCOVER_MOVIE, DATE)).as("written under the lake").exists();
  }
}
