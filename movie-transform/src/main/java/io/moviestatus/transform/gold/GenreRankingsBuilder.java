package io.moviestatus.transform.gold;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code movie_rankings} + {@code movies_genres} → {@code genre_rankings}: within each (date,
 * genre), rank 1..N by weighted rating descending (ties: the movie's weighted_rank). A movie counts
 * in every genre it has. movies_genres holds each movie's current genres, so a rebuilt past date
 * uses today's genres. For a large batch the ranks are spread over the cores ({@link SpreadRank}):
 * a large genre is not one task.
 */
final class GenreRankingsBuilder {

  private GenreRankingsBuilder() {}

  /** {@link #build(Dataset, Dataset, SpreadRank.Spread)} with one window per (date, genre). */
  static Dataset<Row> build(Dataset<Row> movieRankings, Dataset<Row> moviesGenres) {
    return build(movieRankings, moviesGenres, SpreadRank.Spread.single());
  }

  static Dataset<Row> build(
      Dataset<Row> movieRankings, Dataset<Row> moviesGenres, SpreadRank.Spread spread) {
    return SpreadRank.rank(
            movieRankings
                .select("date_id", "movie_id", "weighted_rating", "weighted_rank")
                .join(moviesGenres.select("movie_id", "genre_id"), "movie_id"),
            "genre_rank",
            List.of("date_id", "genre_id"),
            List.of(
                SpreadRank.Order.desc("weighted_rating"), SpreadRank.Order.asc("weighted_rank")),
            spread)
        .select(
            col("date_id"),
            col("genre_id"),
            col("movie_id"),
            col("weighted_rating"),
            col("genre_rank"));
  }
}
