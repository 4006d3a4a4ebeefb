package io.moviestatus.transform.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * {@code movie_rankings} + {@code movies_genres} → {@code genre_rankings}: within each (date,
 * genre), rank 1..N by weighted rating descending (ties: the movie's weighted_rank). A movie counts
 * in every genre it has. movies_genres holds each movie's current genres, so a rebuilt past date
 * uses today's genres. Pure.
 */
final class GenreRankingsBuilder {

  private GenreRankingsBuilder() {}

  static Dataset<Row> build(Dataset<Row> movieRankings, Dataset<Row> moviesGenres) {
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
