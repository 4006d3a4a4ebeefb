package io.moviestatus.transform.silver;

import static io.moviestatus.transform.testing.BronzeFixtures.discoverBody;
import static io.moviestatus.transform.testing.BronzeFixtures.envelope;
import static io.moviestatus.transform.testing.BronzeFixtures.exportLine;
import static io.moviestatus.transform.testing.BronzeFixtures.movie;
import static org.assertj.core.api.Assertions.assertThat;

import io.moviestatus.lake.testing.SharedSpark;
import io.moviestatus.model.BronzeContract.Source;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class BronzeParserTest {

  private static final String FILE =
      "file:/lake/bronze/tmdb/discover_movie/2026/11/2026-11-20.jsonl";
  private final SparkSession spark = SharedSpark.spark();

  private Dataset<Row> lines(String... lines) {
    return spark
        .createDataset(List.of(lines), Encoders.STRING())
        .toDF("value")
        .selectExpr("'" + FILE + "' AS source_file", "value");
  }

  private static String page(String... rawResults) {
    return envelope(
        Source.DISCOVER_MOVIE,
        "2026-11-20",
        1,
        40,
        "{\"page\":1,\"results\":["
            + String.join(",", rawResults)
            + "],\"total_pages\":1,\"total_results\":3}");
  }

  private Map<String, String> reasonByRaw(Dataset<Row> records) {
    return records.filter("reason IS NOT NULL").collectAsList().stream()
        .collect(
            Collectors.toMap(row -> row.<String>getAs("raw"), row -> row.<String>getAs("reason")));
  }

  @Test
  void validDiscoverRecordIsParsedWithItsRankAndDate() {
    String line =
        envelope(
            Source.DISCOVER_MOVIE,
            "2026-11-20",
            2,
            40,
            discoverBody(2, 2, List.of(movie(550, "Fight Club", 61.5, 8.4, 30000, 18, 53))));

    Row row = BronzeParser.discoverRecords(lines(line)).head();

    assertThat(row.<Object>getAs("reason")).as("valid record has no reason").isNull();
    assertThat(row.<Integer>getAs("movie_id")).isEqualTo(550);
    assertThat(row.<String>getAs("title")).isEqualTo("Fight Club");
    assertThat(row.<Float>getAs("popularity")).isEqualTo(61.5f);
    assertThat(row.<Float>getAs("vote_average")).isEqualTo(8.4f);
    assertThat(row.<Integer>getAs("vote_count")).isEqualTo(30000);
    assertThat(row.getList(row.fieldIndex("genre_ids"))).containsExactly(18L, 53L);
    assertThat(row.<Object>getAs("snapshot_date").toString()).isEqualTo("2026-11-20");
    assertThat(row.<String>getAs("source_file")).isEqualTo(FILE);
    assertThat(row.<String>getAs("raw"))
        .as("raw text of the record")
        .contains("\"id\":550")
        .startsWith("{")
        .endsWith("}");
  }

  @Test
  void eachInvalidRecordIsQuarantinedWithItsReasonAndTheRestIsKept() {
    String good =
        "{\"id\":1,\"title\":\"Good\",\"popularity\":1.0,\"vote_average\":5.0,\"vote_count\":3}";
    String noId = "{\"title\":\"No id\",\"popularity\":1.0,\"vote_average\":5.0,\"vote_count\":3}";
    String avgHigh = "{\"id\":2,\"popularity\":1.0,\"vote_average\":10.5,\"vote_count\":3}";
    String avgLow = "{\"id\":3,\"popularity\":1.0,\"vote_average\":-0.1,\"vote_count\":3}";
    String negCount = "{\"id\":4,\"popularity\":1.0,\"vote_average\":5.0,\"vote_count\":-1}";
    String negPop = "{\"id\":5,\"popularity\":-2.5,\"vote_average\":5.0,\"vote_count\":1}";
    String nan = "{\"id\":6,\"popularity\":NaN,\"vote_average\":5.0,\"vote_count\":1}";
    String inf = "{\"id\":7,\"popularity\":1.0,\"vote_average\":Infinity,\"vote_count\":1}";
    String bigId = "{\"id\":3000000000,\"popularity\":1.0,\"vote_average\":5.0,\"vote_count\":1}";
    String notObject = "\"just a string\"";

    Dataset<Row> records =
        BronzeParser.discoverRecords(
            lines(page(good, noId, avgHigh, avgLow, negCount, negPop, nan, inf, bigId, notObject)));

    assertThat(reasonByRaw(records))
        .as("reason per raw record")
        .containsOnly(
            Map.entry(noId, "missing_id"),
            Map.entry(avgHigh, "vote_average_out_of_range"),
            Map.entry(avgLow, "vote_average_out_of_range"),
            Map.entry(negCount, "invalid_vote_count"),
            Map.entry(negPop, "negative_popularity"),
            // the JSON parser re-emits non-numeric numbers quoted; the bronze line itself stays as
            // received
            Map.entry(nan.replace("NaN", "\"NaN\""), "non_finite_number"),
            Map.entry(inf.replace("Infinity", "\"Infinity\""), "non_finite_number"),
            Map.entry(bigId, "id_out_of_range"),
            Map.entry("just a string", "malformed_record"));
    assertThat(
            records
                .filter("reason IS NULL")
                .selectExpr("movie_id")
                .as(Encoders.INT())
                .collectAsList())
        .as("the valid record survives its bad neighbours")
        .containsExactly(1);
  }

  @Test
  void recordsAreRankedAcrossPagesInPageOrderAndCarryTheSnapshotsTopN() {
    String page1 =
        envelope(
            Source.DISCOVER_MOVIE,
            "2026-11-20",
            1,
            3,
            discoverBody(1, 2, List.of(movie(10, "Ten", 9, 7, 1), movie(20, "Twenty", 8, 7, 1))));
    String page2 =
        envelope(
            Source.DISCOVER_MOVIE,
            "2026-11-20",
            2,
            3,
            discoverBody(2, 2, List.of(movie(30, "Thirty", 7, 7, 1), movie(40, "Forty", 6, 7, 1))));

    Dataset<Row> records = BronzeParser.discoverRecords(lines(page2, page1));

    assertThat(SharedSpark.rows(records.select("movie_id", "position_rank", "top_n")))
        .as("movie|rank|top_n: ranked by page, then by position in the page, not by line")
        .containsExactly("10|1|3", "20|2|3", "30|3|3", "40|4|3");
  }

  @Test
  void malformedLineIsQuarantinedWholeAndOtherLinesAreKept() {
    String truncated =
        "{\"endpoint\":\"discover/movie\",\"snapshot_date\":\"2026-11-20\",\"body\":\"{\\\"pa";
    String good =
        envelope(
            Source.DISCOVER_MOVIE,
            "2026-11-20",
            1,
            40,
            discoverBody(1, 1, List.of(movie(9, "Nine", 1, 1, 1))));

    Dataset<Row> records = BronzeParser.discoverRecords(lines(truncated, good));

    assertThat(reasonByRaw(records))
        .as("whole line kept as raw")
        .containsExactly(Map.entry(truncated, "malformed_json"));
    assertThat(records.filter("reason IS NOT NULL").head().<String>getAs("entity"))
        .isEqualTo("discover_page");
    assertThat(records.filter("reason IS NULL").count()).isEqualTo(1);
  }

  @Test
  void bodyThatIsNotADiscoverPageIsQuarantined() {
    String line =
        envelope(Source.DISCOVER_MOVIE, "2026-11-20", 1, 40, "{\"page\":1,\"results\":[{\"id\":1");

    assertThat(reasonByRaw(BronzeParser.discoverRecords(lines(line))))
        .containsExactly(Map.entry(line, "malformed_body"));
  }

  @Test
  void unparseableSnapshotDatesAreQuarantined() {
    String body = discoverBody(1, 1, List.of(movie(1, "One", 1, 1, 1)));
    String feb30 = envelope(Source.DISCOVER_MOVIE, "2026-02-30", 1, 40, body);
    String words = envelope(Source.DISCOVER_MOVIE, "yesterday", 1, 40, body);
    String missing = envelope(Source.DISCOVER_MOVIE, null, 1, 40, body);

    assertThat(reasonByRaw(BronzeParser.discoverRecords(lines(feb30, words, missing))))
        .containsOnly(
            Map.entry(feb30, "unparseable_date"),
            Map.entry(words, "unparseable_date"),
            Map.entry(missing, "unparseable_date"));
  }

  @Test
  void strictDateAcceptsOnlyRealCalendarDates() {
    List<Row> rows =
        spark
            .createDataset(
                List.of(
                    "2024-02-29",
                    "2026-02-29",
                    "2026-13-01",
                    "2026-00-10",
                    "2026-1-01",
                    "0000-01-01"),
                Encoders.STRING())
            .toDF("text")
            .select(
                BronzeParser.strictDate(org.apache.spark.sql.functions.col("text")).cast("string"))
            .collectAsList();

    assertThat(rows)
        .extracting(row -> row.getString(0))
        .containsExactly("2024-02-29", null, null, null, null, null);
  }

  @Test
  void genreListRecordsAreValidatedOneByOne() {
    String body =
        "{\"genres\":[{\"id\":28,\"name\":\"Action\"},{\"name\":\"Nameless id\"},{\"id\":12,\"name\":\" \"},{\"id\":16,\"name\":\"Animation\"}]}";
    String line = envelope(Source.GENRE_MOVIE_LIST, "2026-11-20", null, null, body);

    Dataset<Row> records = BronzeParser.genreRecords(lines(line));

    assertThat(reasonByRaw(records))
        .containsOnly(
            Map.entry("{\"name\":\"Nameless id\"}", "missing_id"),
            Map.entry("{\"id\":12,\"name\":\" \"}", "missing_name"));
    assertThat(
            records
                .filter("reason IS NULL")
                .selectExpr("concat(genre_id, ':', genre)")
                .as(Encoders.STRING())
                .collectAsList())
        .containsExactly("28:Action", "16:Animation");
  }

  /** The lines of one export file, as {@link BronzeLines#ofExports} reads them. */
  private Dataset<Row> exportLines(String... lines) {
    return spark
        .createDataset(List.of(lines), Encoders.STRING())
        .toDF("value")
        .selectExpr(
            "'file:/lake/bronze/tmdb/movie_ids_export/2026/11/2026-11-20.json.gz' AS source_file",
            "DATE'2026-11-20' AS snapshot_date",
            "value");
  }

  @Test
  void eachInvalidExportLineIsQuarantinedWithItsReasonAndTheRestIsKept() {
    String truncated = "{\"adult\":false,\"id\":14,\"original_title\":\"Trunc";
    String noId =
        "{\"adult\":false,\"original_title\":\"No id\",\"popularity\":1.0,\"video\":false}";
    String nan =
        "{\"adult\":false,\"id\":16,\"original_title\":\"NaN\",\"popularity\":NaN,\"video\":false}";

    Dataset<Row> records =
        ExportParser.records(
            exportLines(
                exportLine(13, "Forrest Gump", 3.5),
                truncated,
                noId,
                exportLine(0, "Zero", 1.0),
                exportLine(15, "Minus", -0.5),
                nan,
                "",
                exportLine(17, "Kept", 0.6)));

    assertThat(
            SharedSpark.rows(
                QuarantineBuilder.build(records, Instant.parse("2026-11-20T09:00:00Z"))
                    .select("entity", "snapshot_date", "reason", "raw")))
        .as("one quarantine row per bad line, the line verbatim")
        .containsExactly(
            "export_movie|2026-11-20|id_out_of_range|" + exportLine(0, "Zero", 1.0),
            "export_movie|2026-11-20|malformed_json|" + truncated,
            "export_movie|2026-11-20|missing_id|" + noId,
            "export_movie|2026-11-20|negative_popularity|" + exportLine(15, "Minus", -0.5),
            "export_movie|2026-11-20|non_finite_number|" + nan);
    assertThat(
            SharedSpark.rows(
                records
                    .filter("reason IS NULL")
                    .select("movie_id", "original_title", "popularity")))
        .as("the valid lines survive their bad neighbours")
        .containsExactly("13|Forrest Gump|3.5", "17|Kept|0.6");
    assertThat(records.count()).as("seven records: the blank line is none").isEqualTo(7);
  }
}
