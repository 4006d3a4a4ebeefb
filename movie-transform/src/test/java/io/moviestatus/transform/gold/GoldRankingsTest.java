package io.moviestatus.transform.gold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moviestatus.lake.DeltaTables;
import io.moviestatus.lake.TableChange;
import io.moviestatus.lake.testing.SharedSpark;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.TableContract;
import io.moviestatus.model.Tables;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldRankingsTest {

  private static final LocalDate D = LocalDate.of(2026, 11, 25);
  private static final LocalDate WEEK_BEFORE = D.minusDays(7);
  private static final double M = 2;
  private static final double TOLERANCE = 1e-9;

  private final SparkSession spark = SharedSpark.spark();
  @TempDir Path root;

  private static Row status(
      LocalDate day, int movie, Float popularity, Float average, Integer count) {
    return RowFactory.create(movie, Date.valueOf(day), popularity, average, count);
  }

  private Dataset<Row> statusFact() {
    return spark.createDataFrame(
        List.of(
            status(D, 1, 30.5f, 8.0f, 2),
            status(D, 2, 50.0f, 6.0f, 4),
            status(D, 3, 10.25f, null, null), // no TMDB votes yet
            status(D, 4, 20.0f, 7.0f, 0), // no votes at all
            status(D.minusDays(3), 1, 99.0f, 8.0f, 2), // not the trend's day
            status(WEEK_BEFORE, 1, 40.0f, 8.0f, 1),
            status(WEEK_BEFORE, 2, 10.0f, 6.0f, 3)),
        Tables.STATUS_FACT.schema());
  }

  private static Row rating(String user, int movie, LocalDate day, float rating) {
    return RowFactory.create(
        user, movie, Date.valueOf(day), rating, Timestamp.valueOf(day.atTime(12, 0)));
  }

  private Dataset<Row> ratingsFact() {
    return spark.createDataFrame(
        List.of(
            rating("a", 1, D.minusDays(1), 5.0f),
            rating("b", 2, D.plusDays(1), 2.0f), // after D: not counted on D
            rating("c", 3, D, 4.0f)),
        Tables.RATINGS_FACT.schema());
  }

  /**
   * Hand computation with m = 2. v: movie 1 = 2 + 1 = 3, movie 2 = 4, movie 3 = 0 + 1 = 1, movie 4
   * = 0. R: movie 1 = (2·8 + 2·5) / 3 = 26/3, movie 2 = 6, movie 3 = 2·4 = 8, movie 4 none. C =
   * (26/3 + 6 + 8) / 3 = 68/9. WR: movie 1 = 3/5·26/3 + 2/5·68/9 = 370/45; movie 2 = 4/6·6 +
   * 2/6·68/9 = 176/27; movie 3 = 1/3·8 + 2/3·68/9 = 208/27; movie 4 = C = 68/9. Weighted order: 1
   * (8.22), 3 (7.70), 4 (7.56), 2 (6.52). Popularity order on D: 2, 1, 4, 3; a week before: 1, 2.
   */
  @Test
  void weightedRatingRanksAndSevenDayTrendMatchTheHandComputedRows() {
    Dataset<Row> actual = MovieRankingsBuilder.build(statusFact(), ratingsFact(), List.of(D), M);

    assertThat(
            Arrays.stream(actual.schema().fields())
                .map(f -> f.name() + " " + f.dataType().sql())
                .toList())
        .as("columns and types of the contract")
        .isEqualTo(
            Arrays.stream(Tables.MOVIE_RANKINGS.schema().fields())
                .map(f -> f.name() + " " + f.dataType().sql())
                .toList());
    Date d = Date.valueOf(D);
    double c = 68.0 / 9;
    Dataset<Row> expected =
        spark.createDataFrame(
            List.of(
                RowFactory.create(
                    d, 1, 30.5f, 8.0f, 2, 1L, 5.0, 26.0 / 3, 3L, 370.0 / 45, 1, 2, -9.5f, -1),
                RowFactory.create(
                    d, 2, 50.0f, 6.0f, 4, 0L, null, 6.0, 4L, 176.0 / 27, 4, 1, 40.0f, 1),
                RowFactory.create(
                    d, 3, 10.25f, null, 0, 1L, 4.0, 8.0, 1L, 208.0 / 27, 2, 4, null, null),
                RowFactory.create(d, 4, 20.0f, 7.0f, 0, 0L, null, null, 0L, c, 3, 3, null, null)),
            actual.schema());
    SharedSpark.assertSameRowsWithin(
        expected.orderBy("movie_id"), actual.orderBy("movie_id"), TOLERANCE);
  }

  @Test
  void genreRankingOrdersEachGenresMoviesByWeightedRating() {
    Dataset<Row> rankings = MovieRankingsBuilder.build(statusFact(), ratingsFact(), List.of(D), M);
    Dataset<Row> moviesGenres =
        spark.createDataFrame(
            List.of(
                RowFactory.create(1, 18),
                RowFactory.create(1, 28),
                RowFactory.create(2, 18),
                RowFactory.create(3, 28)),
            Tables.MOVIES_GENRES.schema());

    Dataset<Row> actual =
        GenreRankingsBuilder.build(rankings, moviesGenres)
            .select("date_id", "genre_id", "movie_id", "genre_rank");

    Date d = Date.valueOf(D);
    Dataset<Row> expected =
        spark.createDataFrame(
            List.of(
                RowFactory.create(d, 18, 1, 1),
                RowFactory.create(d, 18, 2, 2),
                RowFactory.create(d, 28, 1, 1),
                RowFactory.create(d, 28, 3, 2)),
            actual.schema());
    SharedSpark.assertSameRows(expected, actual);
  }

  @Test
  void ranksEqualTheWindowFormulationOnEveryDateOfTheseFixtures() {
    List<LocalDate> days = List.of(WEEK_BEFORE, D.minusDays(3), D);
    Dataset<Row> expected = WindowRanks.movieRankings(statusFact(), ratingsFact(), days, M);
    try (SpreadRank.Spread spread = SpreadRank.Spread.of(2)) {
      Dataset<Row> actual =
          MovieRankingsBuilder.build(statusFact(), ratingsFact(), days, M, spread);

      GoldSpreadRanksTest.assertSameRanks(expected, actual, "date_id", "movie_id");
    }
  }

  @Test
  void goldBuildRanksEveryUnbuiltDateOnceAndAnExplicitDateIsReplaced() {
    LakeLayout lake = LakeLayout.of(root.toString());
    append(lake, Tables.STATUS_FACT, statusFact());
    append(lake, Tables.RATINGS_FACT, ratingsFact());

    GoldBuildReport first = GoldBuild.builder(spark, lake).minimumVotes(M).build().run();
    GoldBuildReport second = GoldBuild.builder(spark, lake).minimumVotes(M).build().run();
    GoldBuildReport again = GoldBuild.builder(spark, lake).minimumVotes(M).date(D).build().run();

    assertThat(first.dates()).containsExactly(WEEK_BEFORE, D.minusDays(3), D);
    assertThat(first.change("movie_rankings").inserted()).isEqualTo(7);
    assertThat(first.change("genre_rankings"))
        .as("no movies_genres yet")
        .isEqualTo(new TableChange("genre_rankings", 0, 0, 0, 0));
    assertThat(second.dates()).as("every date built").isEmpty();
    assertThat(again.change("movie_rankings"))
        .as("a rebuilt date replaces its rows")
        .isEqualTo(new TableChange("movie_rankings", 4, 0, 4, 0));
    Dataset<Row> stored = spark.read().format("delta").load(lake.tablePath(Tables.MOVIE_RANKINGS));
    assertThat(stored.count()).isEqualTo(7);
    Row movie1 = stored.filter("movie_id = 1 AND date_id = DATE'2026-11-25'").head();
    assertThat(movie1.<Double>getAs("weighted_rating"))
        .isCloseTo(370.0 / 45, org.assertj.core.data.Offset.offset(TOLERANCE));
    assertThat(movie1.<Integer>getAs("popularity_rank_change")).isEqualTo(-1);
    assertThatThrownBy(() -> GoldBuild.builder(spark, lake).date(D.plusDays(1)).build().run())
        .hasMessage("status_fact has no rows for 2026-11-26");
  }

  private void append(LakeLayout lake, TableContract contract, Dataset<Row> rows) {
    DeltaTables.ensure(spark, lake, contract);
    rows.write().format("delta").mode("append").save(lake.tablePath(contract));
  }
}
