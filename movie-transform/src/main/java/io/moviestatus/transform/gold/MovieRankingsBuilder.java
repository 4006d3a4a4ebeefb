package io.moviestatus.transform.gold;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code status_fact} + {@code ratings_fact} → {@code movie_rankings} rows of the given dates.
 * Pure.
 *
 * <p>Per (date D, movie): n, a = TMDB vote_count, vote_average (no average → n counts as 0); u, r =
 * count and mean of the users' ratings dated up to D, mapped to TMDB's scale as 2r (0.5–5 → 1–10);
 * v = n + u; R = (n·a + u·2r) / v; C = mean of R over the movies of D that have votes; WR =
 * v/(v+m)·R + m/(v+m)·C (= C when v = 0). Ranks are dense 1..N per date: weighted_rank by WR
 * descending (ties: more votes first, then lower movie_id), popularity_rank by popularity
 * descending (nulls last, then lower movie_id). The trend compares with the movie's status_fact row
 * 7 days earlier: popularity_change = popularity − popularity then; popularity_rank_change = rank
 * then − rank now (positive: the movie climbed); null without such a row.
 *
 * <p>The ranks are row numbers in those total orders, computed by {@link SpreadRank}: for a large
 * batch a day is sorted by all cores, not by one task; C is a per-date aggregate joined back.
 */
final class MovieRankingsBuilder {

  /** Days between a row and the one its trend compares with. */
  static final int TREND_DAYS = 7;

  private static final List<String> BY_DATE = List.of("date_id");

  private MovieRankingsBuilder() {}

  /**
   * The status_fact dates a build of {@code dates} reads: each date and the date 7 days earlier.
   */
  static Collection<LocalDate> inputDates(Collection<LocalDate> dates) {
    java.util.Set<LocalDate> all = new java.util.TreeSet<>(dates);
    dates.forEach(day -> all.add(day.minusDays(TREND_DAYS)));
    return all;
  }

  /**
   * {@link #build(Dataset, Dataset, Collection, double, SpreadRank.Spread)} with one window per
   * date.
   */
  static Dataset<Row> build(
      Dataset<Row> status, Dataset<Row> ratings, Collection<LocalDate> dates, double minimumVotes) {
    return build(status, ratings, dates, minimumVotes, SpreadRank.Spread.single());
  }

  /**
   * @param status status_fact rows of {@link #inputDates(Collection)} (more rows are harmless)
   * @param ratings ratings_fact rows (movie_id, date_id, rating used)
   * @param dates the dates to rank
   * @param minimumVotes m of the weighted rating, ≥ 0
   * @param spread how the ranks of a date are cut (see {@link SpreadRank}); close it after the last
   *     action on the result
   */
  static Dataset<Row> build(
      Dataset<Row> status,
      Dataset<Row> ratings,
      Collection<LocalDate> dates,
      double minimumVotes,
      SpreadRank.Spread spread) {
    Object[] days = dates.stream().map(Date::valueOf).toArray();
    Dataset<Row> ranked =
        SpreadRank.rank(
            status.select("movie_id", "date_id", "popularity", "vote_average", "vote_count"),
            "popularity_rank",
            BY_DATE,
            List.of(SpreadRank.Order.desc("popularity"), SpreadRank.Order.asc("movie_id")),
            spread);
    Dataset<Row> previous =
        ranked.select(
            col("movie_id"),
            date_add(col("date_id"), TREND_DAYS).as("date_id"),
            col("popularity").as("previous_popularity"),
            col("popularity_rank").as("previous_rank"));
    Dataset<Row> current = ranked.filter(col("date_id").isin(days));

    Dataset<Row> users =
        current
            .select(col("date_id"), col("movie_id"))
            .join(
                ratings.select(
                    col("movie_id").as("rated_movie"),
                    col("date_id").as("rated_on"),
                    col("rating")),
                col("movie_id")
                    .equalTo(col("rated_movie"))
                    .and(col("rated_on").leq(col("date_id"))))
            .groupBy("date_id", "movie_id")
            .agg(
                count(lit(1)).as("user_rating_count"),
                avg(col("rating")).as("user_rating_average"),
                sum(col("rating").cast(DataTypes.DoubleType)).as("user_rating_sum"));

    Column tmdbCount =
        when(col("vote_average").isNull(), lit(0L))
            .otherwise(coalesce(col("vote_count"), lit(0)).cast(DataTypes.LongType));
    Column userCount = coalesce(col("user_rating_count"), lit(0L));
    Column v = col("combined_count");
    Column points =
        tmdbCount
            .multiply(coalesce(col("vote_average").cast(DataTypes.DoubleType), lit(0.0)))
            .plus(coalesce(col("user_rating_sum"), lit(0.0)).multiply(2));
    Column c = coalesce(col("day_mean"), lit(0.0));
    Column m = lit(minimumVotes);
    Column weighted =
        when(v.equalTo(0), c)
            .otherwise(
                v.divide(v.plus(m))
                    .multiply(col("combined_average"))
                    .plus(m.divide(v.plus(m)).multiply(c)));

    Dataset<Row> combined =
        current
            .join(users, new String[] {"date_id", "movie_id"}, "left")
            .join(previous, new String[] {"date_id", "movie_id"}, "left")
            .withColumn("combined_count", tmdbCount.plus(userCount))
            .withColumn("combined_average", when(v.gt(0), points.divide(v)));
    // C per date: a small aggregate joined back (a window over the date would be one task a day).
    Dataset<Row> dayMeans =
        combined.groupBy("date_id").agg(avg(col("combined_average")).as("day_mean"));
    Dataset<Row> rated =
        SpreadRank.rank(
            combined
                .join(broadcast(dayMeans), new String[] {"date_id"}, "left")
                .withColumn("weighted_rating", weighted),
            "weighted_rank",
            BY_DATE,
            List.of(
                SpreadRank.Order.desc("weighted_rating"),
                SpreadRank.Order.desc("combined_count"),
                SpreadRank.Order.asc("movie_id")),
            spread);
    return rated.select(
        col("date_id"),
        col("movie_id"),
        col("popularity"),
        col("vote_average"),
        coalesce(col("vote_count"), lit(0)).as("vote_count"),
        userCount.as("user_rating_count"),
        col("user_rating_average"),
        col("combined_average"),
        col("combined_count"),
        col("weighted_rating"),
        col("weighted_rank"),
        col("popularity_rank"),
        col("popularity").minus(col("previous_popularity")).as("popularity_change"),
        col("previous_rank").minus(col("popularity_rank")).as("popularity_rank_change"));
  }
}
