package io.moviestatus.recommend;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * The cold-start list for users without ratings: rank, movie_id, score.
 *
 * <p>From gold {@code movie_rankings} (latest date D, window = the {@code days} dates D − days + 1
 * … D): the catalogue is D's movies; a movie is <b>well-rated</b> when its weighted rating on D is
 * at least C, the mean combined average of D's movies (i.e. above the day's average after
 * shrinkage). Well-rated movies come first, ordered by their TMDB popularity summed over the
 * window's snapshots (most popular of the last 30 days; a day without a snapshot adds 0), then
 * weighted rating, then lower movie_id; the other movies only top the list up to k. Score: the
 * weighted rating on D (0–10).
 *
 * <p>Without rankings, from the ratings: well-rated = μ + b_i ≥ μ, popularity = ratings dated in
 * the window ending at the latest rating's date, score = μ + b_i (0.5–5).
 */
final class ColdStart {

  private ColdStart() {}

  /** From {@code movie_rankings}; empty when it has no rows. */
  static Dataset<Row> fromRankings(Dataset<Row> rankings, int days, int k) {
    Row latest = rankings.agg(max(col("date_id"))).head();
    if (latest.isNullAt(0)) {
      return rankings.sparkSession().emptyDataFrame();
    }
    Column day = lit(latest.getDate(0));
    Dataset<Row> current = rankings.filter(col("date_id").equalTo(day));
    Row mean = current.agg(avg(col("combined_average"))).head();
    double meanQuality = mean.isNullAt(0) ? Double.NEGATIVE_INFINITY : mean.getDouble(0);
    Dataset<Row> popularity =
        rankings
            .filter(col("date_id").gt(date_sub(day, days)))
            .groupBy("movie_id")
            .agg(sum(coalesce(col("popularity").cast(DataTypes.DoubleType), lit(0.0))).as("pop"));
    return top(
        current
            .join(popularity, "movie_id")
            .select(
                col("movie_id"),
                col("weighted_rating").geq(meanQuality).as("well_rated"),
                col("pop"),
                col("weighted_rating").as("quality"),
                col("weighted_rating").as("score")),
        k);
  }

  /**
   * From {@code ratings} (movie_id, date_id) and the baseline's item biases; empty without ratings.
   */
  static Dataset<Row> fromRatings(Dataset<Row> ratings, BiasBaseline baseline, int days, int k) {
    Row latest = ratings.agg(max(col("date_id"))).head();
    if (latest.isNullAt(0)) {
      return ratings.sparkSession().emptyDataFrame();
    }
    Dataset<Row> recent =
        ratings
            .filter(col("date_id").gt(date_sub(lit(latest.getDate(0)), days)))
            .groupBy("movie_id")
            .agg(count(lit(1)).cast(DataTypes.DoubleType).as("pop"));
    return top(
        baseline
            .itemBias
            .join(recent, new String[] {"movie_id"}, "left")
            .select(
                col("movie_id"),
                col("b_i").geq(0).as("well_rated"),
                coalesce(col("pop"), lit(0.0)).as("pop"),
                col("b_i").as("quality"),
                lit(baseline.mean).plus(col("b_i")).as("score")),
        k);
  }

  private static Dataset<Row> top(Dataset<Row> candidates, int k) {
    return candidates
        .withColumn(
            "rank",
            row_number()
                .over(
                    Window.orderBy(
                        col("well_rated").desc(),
                        col("pop").desc(),
                        col("quality").desc(),
                        col("movie_id").asc())))
        .filter(col("rank").leq(k))
        .select(
            col("rank").cast(DataTypes.IntegerType).as("rank"),
            col("movie_id"),
            col("score").cast(DataTypes.FloatType).as("score"));
  }
}
