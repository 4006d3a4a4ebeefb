package io.moviestatus.transform.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/** Latest movies → {@code movies_genres} pairs as listed by each movie's latest snapshot. */
final class MoviesGenresBuilder {

  private MoviesGenresBuilder() {}

  static Dataset<Row> build(Dataset<Row> latestMovies) {
    Column genreId = col("genre_id_raw");
    Column fitsInt = genreId.gt(0).and(genreId.leq(Integer.MAX_VALUE));
    return latestMovies
        .select(col("movie_id"), explode(col("genre_ids")).as("genre_id_raw"))
        .filter(genreId.isNotNull().and(fitsInt)) // a null or out-of-range genre id names no genre
        .select(col("movie_id"), genreId.cast(DataTypes.IntegerType).as("genre_id"))
        .distinct();
  }
}
