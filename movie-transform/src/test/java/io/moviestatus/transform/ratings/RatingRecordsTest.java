package io.moviestatus.transform.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import io.moviestatus.lake.testing.SharedSpark;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pure parsing rules of rating files, line by line, without any I/O. */
class RatingRecordsTest {

  private static final StructType LINES =
      new StructType()
          .add(RatingRecords.SOURCE_FILE, DataTypes.StringType)
          .add(RatingRecords.SNAPSHOT, DataTypes.DateType)
          .add(RatingRecords.VALUE, DataTypes.StringType);

  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = SharedSpark.spark();
  }

  private static Dataset<Row> lines(String file, String... values) {
    List<Row> rows =
        Arrays.stream(values)
            .map(value -> RowFactory.create(file, Date.valueOf("2026-11-20"), value))
            .toList();
    return spark.createDataFrame(rows, LINES);
  }

  /** "raw -> reason" for every record, in input order of the raw text. */
  private static List<String> reasons(Dataset<Row> records) {
    return records.orderBy("raw").collectAsList().stream()
        .map(row -> row.<String>getAs("raw") + " -> " + row.<String>getAs(RatingRecords.REASON))
        .collect(Collectors.toList());
  }

  @Test
  void eventsCsvRecordsGetTheFirstFailingCheckAsTheirReason() {
    Dataset<Row> fields =
        RatingRecords.csvFields(
            lines(
                "events.csv",
                "user_id,movie_id,rating,rated_at",
                "",
                "a,550,4.5,2026-11-20T10:00:00Z",
                "b,550,4.5",
                ",550,4.5,1763632800",
                "c,abc,4.5,1763632800",
                "d,550,4.2,1763632800",
                "e,550,5.5,1763632800",
                "f,550,3.0,yesterday",
                "\"g\",\"603\",\"0.5\",\"1763632800\""),
            RatingRecords.EVENTS_HEADER);

    Dataset<Row> events = RatingRecords.events(fields);

    assertThat(reasons(events))
        .as("header and blank line dropped; one reason per bad record, null for good ones")
        .containsExactly(
            "\"g\",\"603\",\"0.5\",\"1763632800\" -> null",
            ",550,4.5,1763632800 -> missing_user",
            "a,550,4.5,2026-11-20T10:00:00Z -> null",
            "b,550,4.5 -> malformed_line",
            "c,abc,4.5,1763632800 -> missing_movie",
            "d,550,4.2,1763632800 -> rating_out_of_scale",
            "e,550,5.5,1763632800 -> rating_out_of_scale",
            "f,550,3.0,yesterday -> unparseable_timestamp");
    Row quoted = events.filter("user_raw = 'g'").first();
    assertThat(List.of(quoted.getAs("movie_id"), quoted.getAs("rating"), quoted.getAs("rated_at")))
        .as("quoted fields are unquoted and typed; epoch seconds become a timestamp")
        .containsExactly(603, 0.5f, Timestamp.from(java.time.Instant.ofEpochSecond(1763632800L)));
  }

  @Test
  void jsonLinesThatAreNotObjectsAreMalformed() {
    Dataset<Row> fields =
        RatingRecords.jsonFields(
            lines(
                "events.jsonl",
                "{\"user_id\":\"u1\",\"movie_id\":\"13\",\"rating\":\"5\",\"rated_at\":\"2026-11-20T10:00:00Z\"}",
                "[1,2,3]",
                "{not json",
                "   "));

    assertThat(reasons(RatingRecords.events(fields)))
        .as("an array and broken JSON are malformed lines; a blank line is no record")
        .containsExactly(
            "[1,2,3] -> malformed_line",
            "{\"user_id\":\"u1\",\"movie_id\":\"13\",\"rating\":\"5\",\"rated_at\":\"2026-11-20T10:00:00Z\"} -> null",
            "{not json -> malformed_line");
  }

  @Test
  void movieLensIdsMapToTmdbIdsThroughTheLatestLinksFile() {
    Dataset<Row> links =
        RatingRecords.links(
            lines("2026-11-01-links.csv", "movieId,imdbId,tmdbId", "1,0114709,862", "2,0113497,")
                .union(lines("2026-11-20-links.csv", "movieId,imdbId,tmdbId", "1,0114709,863")));

    assertThat(
            links.orderBy("ml_movie_id").collectAsList().stream()
                .map(row -> row.get(0) + "=" + row.get(1))
                .toList())
        .as("the later file wins for movie 1; a blank tmdbId maps to null")
        .containsExactly("1=863", "2=null");

    Dataset<Row> fields =
        RatingRecords.csvFields(
            lines(
                "2026-11-20-ratings.csv",
                "userId,movieId,rating,timestamp",
                "7,1,4.0,964982703",
                "7,2,4.0,964982703",
                "7,3,4.0,964982703"),
            RatingRecords.MOVIELENS_HEADER);
    Dataset<Row> ratings = RatingRecords.movieLens(fields, links);

    assertThat(reasons(ratings))
        .as("movies without a TMDB id are quarantined as no_tmdb_id")
        .containsExactly(
            "7,1,4.0,964982703 -> null",
            "7,2,4.0,964982703 -> no_tmdb_id",
            "7,3,4.0,964982703 -> no_tmdb_id");
    assertThat(ratings.filter("reason IS NULL").first().<Integer>getAs("movie_id"))
        .as("MovieLens movie 1 is TMDB movie 863")
        .isEqualTo(863);
  }
}
