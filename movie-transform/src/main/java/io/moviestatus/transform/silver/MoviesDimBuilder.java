package io.moviestatus.transform.silver;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Latest movies (see {@link MovieSnapshots#latest}) → {@code movies_dim} rows, plus {@code as_of}
 * (the snapshot date the attributes come from) so the writer never lets an older backfill overwrite
 * newer attributes.
 */
final class MoviesDimBuilder {

  private MoviesDimBuilder() {}

  static Dataset<Row> build(Dataset<Row> latestMovies) {
    return latestMovies.select(
        col("movie_id"),
        col("title"),
        col("original_language"),
        col("overview"),
        col("poster_path"),
        col("original_title"),
        col("adult"),
        col("video"),
        col("as_of"));
  }
}
