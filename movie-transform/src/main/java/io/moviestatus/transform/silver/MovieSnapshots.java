package io.moviestatus.transform.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Valid discover records → one row per (snapshot_date, movie_id): the movie's best-ranked
 * occurrence in that day's snapshot (TMDB pages shift while paging, so a movie can appear twice).
 */
final class MovieSnapshots {

  private MovieSnapshots() {}

  static Dataset<Row> from(Dataset<Row> discoverRecords) {
    Column isValid = col(BronzeParser.REASON).isNull();
    // Beyond the snapshot's requested size (last page over-fetch): not part of the snapshot.
    Column withinTopN = col("top_n").isNull().or(col("position_rank").leq(col("top_n")));
    Column bestRankFirst =
        row_number()
            .over(
                Window.partitionBy(col("snapshot_date"), col("movie_id"))
                    .orderBy(col("position_rank")));
    return discoverRecords
        .filter(isValid) // quarantined records take no part in silver
        .filter(withinTopN)
        .withColumn("occurrence", bestRankFirst)
        .filter(col("occurrence").equalTo(1)) // keep the best-ranked occurrence only
        .select(
            col("snapshot_date"),
            col("movie_id"),
            col("position_rank").as("rank"),
            col("title"),
            col("original_language"),
            col("overview"),
            col("poster_path"),
            col("original_title"),
            col("adult"),
            col("video"),
            col("genre_ids"),
            col("popularity"),
            col("vote_average"),
            col("vote_count"));
  }

  /** One row per movie: its latest snapshot in the batch, with that date as {@code as_of}. */
  static Dataset<Row> latest(Dataset<Row> snapshots) {
    Column newestFirst =
        row_number().over(Window.partitionBy(col("movie_id")).orderBy(col("snapshot_date").desc()));
    return snapshots
        .withColumn("recency", newestFirst)
        .filter(col("recency").equalTo(1)) // the movie's newest snapshot wins (SCD type 1)
        .drop("recency")
        .withColumnRenamed("snapshot_date", "as_of");
  }
}
