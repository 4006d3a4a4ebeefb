package io.moviestatus.transform.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;
import static org.assertj.core.api.Assertions.assertThat;

import io.moviestatus.lake.internal.LargeBatch;
import io.moviestatus.lake.testing.SharedSpark;
import io.moviestatus.model.Tables;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Test;

/**
 * The spread ranks ({@link SpreadRank}) equal the window formulation they replaced ({@link
 * WindowRanks}) row for row, on data made of ties: few distinct popularity values and weighted
 * ratings, null and NaN popularity, several shuffle partitions and range partitions far smaller
 * than a tie group, so that tie groups straddle partition bounds.
 */
class GoldSpreadRanksTest {

  private static final LocalDate D = LocalDate.of(2026, 11, 25);
  private static final List<LocalDate> DAYS = List.of(D.minusDays(7), D.minusDays(3), D);
  private static final int MOVIES = 400;
  private static final Float[] POPULARITY = {null, Float.NaN, 0.0f, 1.5f, 2.5f, 7.0f};
  private static final double TOLERANCE = 1e-9;

  private final SparkSession spark = SharedSpark.spark();

  /** Popularity from a few values (one in six null, one in six NaN); votes from a few pairs. */
  private Dataset<Row> statusFact() {
    Random random = new Random(35);
    List<Row> rows = new ArrayList<>();
    for (LocalDate day : DAYS) {
      for (int movie = 1; movie <= MOVIES; movie++) {
        if (random.nextInt(10) == 0) {
          continue; // not every movie every day
        }
        Float popularity = POPULARITY[random.nextInt(POPULARITY.length)];
        int votes = random.nextInt(4);
        Float average = votes == 0 ? null : (float) (5 + random.nextInt(3));
        Integer count = random.nextInt(5) == 0 ? null : votes * 10;
        rows.add(RowFactory.create(movie, Date.valueOf(day), popularity, average, count));
      }
    }
    return spark.createDataFrame(rows, Tables.STATUS_FACT.schema());
  }

  private Dataset<Row> ratingsFact() {
    Random random = new Random(36);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      LocalDate day = D.minusDays(random.nextInt(12));
      rows.add(
          RowFactory.create(
              "user" + random.nextInt(40),
              1 + random.nextInt(MOVIES),
              Date.valueOf(day),
              0.5f * (1 + random.nextInt(10)),
              Timestamp.valueOf(day.atTime(12, 0))));
    }
    return spark.createDataFrame(rows, Tables.RATINGS_FACT.schema());
  }

  private Dataset<Row> moviesGenres() {
    List<Row> rows = new ArrayList<>();
    for (int movie = 1; movie <= MOVIES; movie++) {
      rows.add(RowFactory.create(movie, 18)); // one large genre
      if (movie % 3 == 0) {
        rows.add(RowFactory.create(movie, 28));
      }
      if (movie % 50 == 0) {
        rows.add(RowFactory.create(movie, 99)); // a small one
      }
    }
    return spark.createDataFrame(rows, Tables.MOVIES_GENRES.schema());
  }

  @Test
  void ranksEqualRowNumberWhenTiesStraddlePartitionBoundsWithNullAndNanKeys() {
    Dataset<Row> status = statusFact().select("date_id", "movie_id", "popularity");
    Map<Object, Long> perValue =
        status.filter(col("date_id").equalTo(Date.valueOf(D))).collectAsList().stream()
            .collect(
                Collectors.groupingBy(row -> String.valueOf(row.get(2)), Collectors.counting()));
    long all = status.count();
    int buckets = 24;
    assertThat(perValue.values())
        .as(
            "each popularity value of D has more rows than a range partition: its ties span several")
        .allSatisfy(rows -> assertThat(rows).isGreaterThan(all / buckets));

    List<SpreadRank.Order> order =
        List.of(SpreadRank.Order.desc("popularity"), SpreadRank.Order.asc("movie_id"));
    Dataset<Row> expected =
        status.withColumn(
            "rank",
            row_number()
                .over(
                    Window.partitionBy("date_id")
                        .orderBy(col("popularity").desc_nulls_last(), col("movie_id"))));

    // 24 partitions; more partitions than a day has rows (empty and one-row partitions); the window
    for (int partitions : List.of(buckets, 500, 1)) {
      try (SpreadRank.Spread spread = SpreadRank.Spread.of(partitions)) {
        List<String> actual =
            withShufflePartitions(
                6,
                () ->
                    SharedSpark.rows(
                        SpreadRank.rank(status, "rank", List.of("date_id"), order, spread)));
        assertThat(actual).as("row numbers with %s", spread).isEqualTo(SharedSpark.rows(expected));
      }
    }
  }

  @Test
  void aSpreadHoldsItsSortedPartitionsUntilClosedAndOnlyALargeBatchOfFewDatesOnManyCoresIsSpread() {
    Dataset<Row> status = statusFact().select("date_id", "movie_id", "popularity");
    SpreadRank.Spread spread = SpreadRank.Spread.of(4);
    Dataset<Row> ranked =
        SpreadRank.rank(
            status,
            "rank",
            List.of("date_id"),
            List.of(SpreadRank.Order.desc("popularity"), SpreadRank.Order.asc("movie_id")),
            spread);
    assertThat(ranked.count()).as("rows ranked").isEqualTo(status.count());
    List<Dataset<Row>> held = spread.held();
    assertThat(held)
        .as("the sorted partitions, persisted: the offsets and the ranks read them")
        .extracting(Dataset::storageLevel)
        .containsExactly(StorageLevel.MEMORY_AND_DISK());
    spread.close();
    assertThat(held)
        .as("released by close")
        .extracting(Dataset::storageLevel)
        .containsExactly(StorageLevel.NONE());
    assertThat(spread.held()).isEmpty();

    long large = LargeBatch.ROWS;
    assertThat(GoldBuild.rankPartitions(16, large, 2))
        .as("a cluster of 16 cores, a day of the catalogue (D and D-7): two partitions per core")
        .isEqualTo(32);
    assertThat(GoldBuild.rankPartitions(16, large - 1, 2))
        .as("below LargeBatch.ROWS: one window per date")
        .isEqualTo(1);
    assertThat(GoldBuild.rankPartitions(GoldBuild.SPREAD_FROM_PARALLELISM - 1, 30 * large, 2))
        .as("a small machine: one window per date, which keeps its few cores busy")
        .isEqualTo(1);
    assertThat(GoldBuild.rankPartitions(16, 30 * large, 32))
        .as("as many dates as partitions: one window per date already gives each core a date")
        .isEqualTo(1);
  }

  @Test
  void movieRankingsEqualTheWindowFormulationOnADayOfTies() {
    Dataset<Row> status = statusFact();
    Dataset<Row> ratings = ratingsFact();
    Dataset<Row> expected = WindowRanks.movieRankings(status, ratings, List.of(D), 20);

    for (int partitions : List.of(5, 16)) {
      try (SpreadRank.Spread spread = SpreadRank.Spread.of(partitions)) {
        withShufflePartitions(
            4,
            () -> {
              Dataset<Row> actual =
                  MovieRankingsBuilder.build(status, ratings, List.of(D), 20, spread);
              assertThat(actual.schema()).as("schema").isEqualTo(expected.schema());
              assertSameRanks(expected, actual, "date_id", "movie_id");
              return null;
            });
      }
    }
  }

  @Test
  void genreRankingsEqualTheWindowFormulationInLargeAndSmallGenres() {
    Dataset<Row> rankings =
        WindowRanks.movieRankings(statusFact(), ratingsFact(), DAYS, 20).cache();
    Dataset<Row> expected = WindowRanks.genreRankings(rankings, moviesGenres());

    try (SpreadRank.Spread spread = SpreadRank.Spread.of(6)) {
      withShufflePartitions(
          8,
          () -> {
            Dataset<Row> actual = GenreRankingsBuilder.build(rankings, moviesGenres(), spread);
            assertThat(actual.schema()).as("schema").isEqualTo(expected.schema());
            assertSameRanks(expected, actual, "date_id", "genre_id", "movie_id");
            return null;
          });
    }
    rankings.unpersist();
  }

  /** Same rows: integers and strings exactly, doubles up to {@link #TOLERANCE}. */
  static void assertSameRanks(Dataset<Row> expected, Dataset<Row> actual, String... key) {
    // assertSameRowsWithin collects both sides once and checks the row count first.
    Column[] columns = Arrays.stream(key).map(functions::col).toArray(Column[]::new);
    SharedSpark.assertSameRowsWithin(
        expected.orderBy(columns).coalesce(1), actual.orderBy(columns).coalesce(1), TOLERANCE);
  }

  private <T> T withShufflePartitions(int partitions, Supplier<T> work) {
    String before = spark.conf().get("spark.sql.shuffle.partitions");
    spark.conf().set("spark.sql.shuffle.partitions", String.valueOf(partitions));
    try {
      return work.get();
    } finally {
      spark.conf().set("spark.sql.shuffle.partitions", before);
    }
  }
}
