package io.moviestatus.transform.silver;

import static io.moviestatus.lake.testing.SharedSpark.assertSameRows;
import static io.moviestatus.transform.testing.BronzeFixtures.discoverBody;
import static io.moviestatus.transform.testing.BronzeFixtures.discoverLines;
import static io.moviestatus.transform.testing.BronzeFixtures.envelope;
import static io.moviestatus.transform.testing.BronzeFixtures.movie;
import static org.assertj.core.api.Assertions.assertThat;

import io.moviestatus.lake.testing.SharedSpark;
import io.moviestatus.model.BronzeContract.Source;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Each pure builder against exact expected rows (SharedSpark.assertSameRows). */
class SilverBuildersTest {

  private static final StructType RECORDS =
      new StructType()
          .add("source_file", DataTypes.StringType)
          .add("snapshot_date", DataTypes.DateType)
          .add("raw", DataTypes.StringType)
          .add("top_n", DataTypes.IntegerType)
          .add("position_rank", DataTypes.IntegerType)
          .add("movie_id", DataTypes.IntegerType)
          .add("title", DataTypes.StringType)
          .add("original_language", DataTypes.StringType)
          .add("overview", DataTypes.StringType)
          .add("poster_path", DataTypes.StringType)
          .add("original_title", DataTypes.StringType)
          .add("adult", DataTypes.BooleanType)
          .add("video", DataTypes.BooleanType)
          .add("genre_ids", DataTypes.createArrayType(DataTypes.LongType))
          .add("popularity", DataTypes.FloatType)
          .add("vote_average", DataTypes.FloatType)
          .add("vote_count", DataTypes.IntegerType)
          .add("entity", DataTypes.StringType)
          .add("reason", DataTypes.StringType);

  private static final Date D1 = Date.valueOf("2026-10-31");
  private static final Date D2 = Date.valueOf("2026-11-01");

  private final SparkSession spark = SharedSpark.spark();

  private static Row record(
      Date date,
      int rank,
      Integer id,
      String title,
      List<Long> genres,
      float popularity,
      String reason) {
    return RowFactory.create(
        "f" + date,
        date,
        "{}",
        3,
        rank,
        id,
        title,
        "en",
        "o " + title,
        "/p" + id,
        title == null ? null : "orig " + title,
        false,
        false,
        genres,
        popularity,
        7.5f,
        100,
        "movie",
        reason);
  }

  private Dataset<Row> records() {
    return spark.createDataFrame(
        List.of(
            record(D1, 1, 10, "Ten", List.of(18L, 28L), 50f, null),
            record(D1, 2, 20, "Twenty", List.of(35L), 40f, null),
            record(D1, 3, 10, "Ten again", List.of(99L), 5f, null), // repeated on the next page
            record(D1, 4, 30, "Beyond top 3", List.of(18L), 4f, null),
            record(D2, 1, 20, "Twenty v2", List.of(), 45f, null),
            record(D2, 2, null, null, null, 0f, "missing_id")),
        RECORDS);
  }

  private Dataset<Row> rows(String ddl, Row... rows) {
    return spark.createDataFrame(List.of(rows), StructType.fromDDL(ddl));
  }

  @Test
  void statusFactHasOneRowPerMovieAndDayFromTheBestRankedValidOccurrence() {
    Dataset<Row> actual = StatusFactBuilder.build(MovieSnapshots.from(records()));

    assertSameRows(
        rows(
            "movie_id INT, date_id DATE, popularity FLOAT, vote_average FLOAT, vote_count INT",
            RowFactory.create(10, D1, 50f, 7.5f, 100),
            RowFactory.create(20, D1, 40f, 7.5f, 100),
            RowFactory.create(20, D2, 45f, 7.5f, 100)),
        actual);
  }

  /** The lines of one discover file, as {@link BronzeLines#of} reads them. */
  private Dataset<Row> discoverFile(List<String> lines) {
    return spark
        .createDataset(lines, Encoders.STRING())
        .toDF("value")
        .selectExpr(
            "'file:/lake/bronze/tmdb/discover_movie/2026/11/2026-11-20.jsonl' AS source_file",
            "value");
  }

  /** Bronze lines → parser → movie snapshots: what status_fact and the dimensions are built of. */
  private Dataset<Row> snapshots(List<String> lines) {
    return MovieSnapshots.from(BronzeParser.discoverRecords(discoverFile(lines)));
  }

  @Test
  void movieRepeatedAcrossPagesKeepsItsBestRankedOccurrence() {
    // TMDB's pages shift while paging: movie 1 is on page 1 and, stale, again on page 2.
    Dataset<Row> snapshots =
        snapshots(
            discoverLines(
                LocalDate.of(2026, 11, 20),
                List.of(movie(1, "One", 90, 7, 100, 18), movie(2, "Two", 80, 7, 100)),
                List.of(movie(1, "One (stale)", 10, 6, 90, 28), movie(3, "Three", 70, 7, 100))));

    assertThat(SharedSpark.rows(StatusFactBuilder.build(snapshots)))
        .containsExactly(
            "1|2026-11-20|90.0|7.0|100", "2|2026-11-20|80.0|7.0|100", "3|2026-11-20|70.0|7.0|100");
    assertThat(SharedSpark.rows(MoviesGenresBuilder.build(MovieSnapshots.latest(snapshots))))
        .as("the genres of page 1's occurrence")
        .containsExactly("1|18");
  }

  @Test
  void snapshotKeepsOnlyItsTopNWhenTheLastPageOverFetches() {
    String page =
        envelope(
            Source.DISCOVER_MOVIE,
            "2026-11-20",
            1,
            2,
            discoverBody(
                1,
                1,
                List.of(
                    movie(1, "One", 9, 7, 1),
                    movie(2, "Two", 8, 7, 1),
                    movie(3, "Three", 7, 7, 1))));

    assertThat(SharedSpark.rows(StatusFactBuilder.build(snapshots(List.of(page)))))
        .as("top_n 2: the third result is beyond the snapshot")
        .containsExactly("1|2026-11-20|9.0|7.0|1", "2|2026-11-20|8.0|7.0|1");
  }

  @Test
  void moviesDimTakesEachMoviesNewestSnapshot() {
    Dataset<Row> actual =
        MoviesDimBuilder.build(MovieSnapshots.latest(MovieSnapshots.from(records())));

    assertSameRows(
        rows(
            "movie_id INT, title STRING, original_language STRING, overview STRING, poster_path STRING,"
                + " original_title STRING, adult BOOLEAN, video BOOLEAN, as_of DATE",
            RowFactory.create(10, "Ten", "en", "o Ten", "/p10", "orig Ten", false, false, D1),
            RowFactory.create(
                20, "Twenty v2", "en", "o Twenty v2", "/p20", "orig Twenty v2", false, false, D2)),
        actual);
  }

  @Test
  void moviesGenresListsThePairsOfEachMoviesNewestSnapshot() {
    Dataset<Row> actual =
        MoviesGenresBuilder.build(MovieSnapshots.latest(MovieSnapshots.from(records())));

    assertSameRows(
        rows("movie_id INT, genre_id INT", RowFactory.create(10, 18), RowFactory.create(10, 28)),
        actual);
  }

  private static final String EXPORT_RECORDS =
      "source_file STRING, snapshot_date DATE, raw STRING, movie_id INT, original_title STRING,"
          + " adult BOOLEAN, video BOOLEAN, popularity FLOAT, entity STRING, reason STRING";

  private static Row exportRecord(
      Date date, Integer id, String title, float popularity, String reason) {
    return RowFactory.create(
        "e" + date,
        date,
        null,
        id,
        title,
        false,
        id != null && id == 7,
        popularity,
        "export_movie",
        reason);
  }

  private Dataset<Row> exportRecords() {
    return rows(
        EXPORT_RECORDS,
        exportRecord(D1, 10, "orig Ten", 1f, null), // discover lists 10 on D1: discover wins
        exportRecord(D1, 7, "Seven", 2f, null),
        exportRecord(D1, 7, "Seven", 3f, null), // listed twice: the most popular line wins
        exportRecord(D1, 8, "Eight", 0.5f, null),
        exportRecord(D1, null, null, 0f, "missing_id"),
        exportRecord(D2, 7, "Seven (cut)", 2.5f, null),
        exportRecord(D2, 10, "Ten (export)", 9f, null));
  }

  @Test
  void dayStatusTakesDiscoversRowWhereItListsTheMovieAndTheExportsMostPopularLineElsewhere() {
    Dataset<Row> actual =
        DayStatus.build(Optional.of(MovieSnapshots.from(records())), exportRecords(), 3)
            .select(
                "snapshot_date",
                "movie_id",
                "popularity",
                "vote_average",
                "vote_count",
                "original_title",
                "video",
                "source");

    assertSameRows(
        rows(
            "snapshot_date DATE, movie_id INT, popularity FLOAT, vote_average FLOAT, vote_count INT,"
                + " original_title STRING, video BOOLEAN, source STRING NOT NULL",
            RowFactory.create(D1, 7, 3f, null, null, "Seven", true, "export"),
            RowFactory.create(D1, 8, 0.5f, null, null, "Eight", false, "export"),
            RowFactory.create(D1, 10, 50f, 7.5f, 100, "orig Ten", false, "discover"),
            RowFactory.create(D1, 20, 40f, 7.5f, 100, "orig Twenty", false, "discover"),
            RowFactory.create(D2, 7, 2.5f, null, null, "Seven (cut)", true, "export"),
            RowFactory.create(D2, 10, 9f, null, null, "Ten (export)", false, "export"),
            RowFactory.create(D2, 20, 45f, 7.5f, 100, "orig Twenty v2", false, "discover")),
        actual);
  }

  @Test
  void exportMoviesAreEachMoviesNewestExportRowUnlessDiscoverListsItThatDayOrLater() {
    Dataset<Row> snapshots = MovieSnapshots.from(records());
    Dataset<Row> dayStatus = DayStatus.build(Optional.of(snapshots), exportRecords(), 2);

    Dataset<Row> actual =
        ExportMovies.latest(dayStatus, Optional.of(MovieSnapshots.latest(snapshots)), false);

    assertSameRows(
        rows(
            "movie_id INT, original_title STRING, adult BOOLEAN, video BOOLEAN, as_of DATE",
            RowFactory.create(7, "Seven (cut)", false, true, D2),
            RowFactory.create(8, "Eight", false, false, D1),
            RowFactory.create(10, "Ten (export)", false, false, D2)),
        actual);
  }

  @Test
  void datesDimHasEachSnapshotDateOnce() {
    assertSameRows(
        rows("date_id DATE", RowFactory.create(D1), RowFactory.create(D2)),
        DatesDimBuilder.build(MovieSnapshots.from(records())));
  }

  @Test
  void genresDimTakesEachGenresNameFromTheLatestList() {
    Dataset<Row> genres =
        rows(
            "source_file STRING, snapshot_date DATE, raw STRING, genre_id INT, genre STRING, entity STRING, reason STRING",
            RowFactory.create("a", D1, "{}", 878, "Sci-Fi", "genre", null),
            RowFactory.create("b", D2, "{}", 878, "Science Fiction", "genre", null),
            RowFactory.create("a", D1, "{}", 18, "Drama", "genre", null),
            RowFactory.create("b", D2, "{}", null, null, "genre", "missing_id"));

    assertSameRows(
        rows(
            "genre_id INT, genre STRING",
            RowFactory.create(878, "Science Fiction"),
            RowFactory.create(18, "Drama")),
        GenresDimBuilder.build(genres));
  }

  @Test
  void quarantineKeepsOnlyRejectedRecordsWithTheirReason() {
    java.time.Instant at = java.time.Instant.parse("2026-11-25T10:00:00Z");

    assertSameRows(
        rows(
            "source_file STRING, entity STRING, snapshot_date DATE, reason STRING, raw STRING, quarantined_at TIMESTAMP NOT NULL",
            RowFactory.create(
                "f" + D2, "movie", D2, "missing_id", "{}", java.sql.Timestamp.from(at))),
        QuarantineBuilder.build(records(), at));
  }
}
