package io.moviestatus.transform.gold;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

/**
 * The test oracle: gold's ranks as windows partitioned by date (or date and genre), the formulation
 * {@link MovieRankingsBuilder} and {@link GenreRankingsBuilder} replaced (one task sorts a whole
 * day). Their output must equal this row for row (doubles up to rounding: the day's mean C is
 * summed in another order).
 */
public final class WindowRanks {

  private WindowRanks() {}

  /** movie_rankings of {@code dates} as the window formulation computed them. */
  public static Dataset<Row> movieRankings(
      Dataset<Row> status, Dataset<Row> ratings, Collection<LocalDate> dates, double minimumVotes) {
    Object[] days = dates.stream().map(Date::valueOf).toArray();
    WindowSpec byDate = Window.partitionBy(col("date_id"));
    Dataset<Row> ranked =
        status
            .select("movie_id", "date_id", "popularity", "vote_average", "vote_count")
            .withColumn(
                "popularity_rank",
                row_number()
                    .over(byDate.orderBy(col("popularity").desc_nulls_last(), col("movie_id"))));
    Dataset<Row> previous =
        ranked.select(
            col("movie_id"),
            date_add(col("date_id"), MovieRankingsBuilder.TREND_DAYS).as("date_id"),
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
    Column c = coalesce(avg(col("combined_average")).over(byDate), lit(0.0));
    Column m = lit(minimumVotes);
    Column weighted =
        when(v.equalTo(0), c)
            .otherwise(
                v.divide(v.plus(m))
                    .multiply(col("combined_average"))
                    .plus(m.divide(v.plus(m)).multiply(c)));

    return current
        .join(users, new String[] {"date_id", "movie_id"}, "left")
        .join(previous, new String[] {"date_id", "movie_id"}, "left")
        .withColumn("combined_count", tmdbCount.plus(userCount))
        .withColumn("combined_average", when(v.gt(0), points.divide(v)))
        .withColumn("weighted_rating", weighted)
        .withColumn(
            "weighted_rank",
            row_number()
                .over(
                    byDate.orderBy(col("weighted_rating").desc(), v.desc(), col("movie_id").asc())))
        .select(
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

  /** genre_rankings as the window formulation computed them. */
  public static Dataset<Row> genreRankings(Dataset<Row> movieRankings, Dataset<Row> moviesGenres) {
    return movieRankings
        .select("date_id", "movie_id", "weighted_rating", "weighted_rank")
        .join(moviesGenres.select("movie_id", "genre_id"), "movie_id")
        .withColumn(
            "genre_rank",
            row_number()
                .over(
                    Window.partitionBy(col("date_id"), col("genre_id"))
                        .orderBy(col("weighted_rating").desc(), col("weighted_rank"))))
        .select(
            col("date_id"),
            col("genre_id"),
            col("movie_id"),
            col("weighted_rating"),
            col("genre_rank"));
  }
}
