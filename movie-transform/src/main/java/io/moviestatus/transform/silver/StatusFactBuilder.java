package io.moviestatus.transform.silver;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Movie snapshots or {@link DayStatus} rows → {@code status_fact} rows: one per (movie_id,
 * date_id).
 */
final class StatusFactBuilder {

  private StatusFactBuilder() {}

  /** Works on both: their columns are named alike; a projection keeps the input's layout. */
  static Dataset<Row> build(Dataset<Row> snapshots) {
    return snapshots.select(
        col("movie_id"),
        col("snapshot_date").as("date_id"),
        col("popularity"),
        col("vote_average"),
        col("vote_count"));
  }
}
