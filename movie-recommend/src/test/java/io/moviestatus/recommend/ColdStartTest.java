package io.moviestatus.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import io.moviestatus.lake.testing.SharedSpark;
import io.moviestatus.model.Tables;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class ColdStartTest {

  private static final LocalDate LATEST = LocalDate.of(2026, 11, 25);

  private final SparkSession spark = SharedSpark.spark();

  /** A movie_rankings row: only the columns the cold-start rule reads matter. */
  private static Row ranking(
      LocalDate day, int movie, float popularity, double combined, double wr) {
    return RowFactory.create(
        Date.valueOf(day),
        movie,
        popularity,
        7.0f,
        100,
        0L,
        null,
        combined,
        100L,
        wr,
        1,
        1,
        null,
        null);
  }

  @Test
  void wellRatedMoviesByPopularityOverTheLast30DaysThenTheRest() {
    List<Row> rows = new ArrayList<>();
    // Latest day: C = mean combined average = (8 + 8 + 8 + 4) / 4 = 7.
    rows.add(ranking(LATEST, 1, 10f, 8.0, 7.5)); // well-rated, popular today only
    rows.add(ranking(LATEST, 2, 1f, 8.0, 7.2)); // well-rated, popular for the whole month
    rows.add(ranking(LATEST, 3, 50f, 8.0, 7.0)); // well-rated (WR = C), very popular today
    rows.add(ranking(LATEST, 4, 500f, 4.0, 5.0)); // the most popular, but below C: last
    for (int daysBack = 1; daysBack <= 29; daysBack++) {
      rows.add(ranking(LATEST.minusDays(daysBack), 2, 2f, 8.0, 7.2)); // 1 + 29·2 = 59 in 30 days
    }
    rows.add(ranking(LATEST.minusDays(30), 1, 1000f, 8.0, 7.5)); // 31 days back: outside the window
    Dataset<Row> rankings = spark.createDataFrame(rows, Tables.MOVIE_RANKINGS.schema());

    List<Row> list = ColdStart.fromRankings(rankings, 30, 3).orderBy("rank").collectAsList();

    assertThat(list)
        .extracting(row -> row.<Integer>getAs("movie_id"))
        .as("popularity over 30 days among the well-rated: 2 (59), 3 (50), 1 (10)")
        .containsExactly(2, 3, 1);
    assertThat(ColdStart.fromRankings(rankings, 30, 4).orderBy("rank").collectAsList())
        .extracting(row -> row.<Integer>getAs("movie_id"))
        .as("a movie below the day's average only tops the list up")
        .containsExactly(2, 3, 1, 4);
    assertThat(list.get(0).<Float>getAs("score"))
        .as("score: the latest weighted rating")
        .isEqualTo(7.2f);
  }
}
