package io.moviestatus.transform.silver;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * {@link DayStatus} rows → the attributes the daily export gives {@code movies_dim}: movie_id,
 * original_title, adult, video, as_of (the day they come from), for each movie whose newest status
 * in the batch comes from the export. A movie the batch's discover snapshots list on that day or a
 * later one is left to them (discover's richer attributes win). Pure.
 */
final class ExportMovies {

  private ExportMovies() {}

  /**
   * @param discoverLatest the batch's latest discover movies ({@link MovieSnapshots#latest}), empty
   *     when the batch has none
   * @param singleDay true when the batch holds one snapshot date: each movie has one row then, and
   *     no shuffle is needed to find its newest
   */
  static Dataset<Row> latest(
      Dataset<Row> dayStatus, Optional<Dataset<Row>> discoverLatest, boolean singleDay) {
    Dataset<Row> fromExport =
        dayStatus.filter(col(DayStatus.SOURCE).equalTo(DayStatus.EXPORT)); // discover won the rest
    if (!singleDay) {
      Column newestFirst =
          row_number()
              .over(Window.partitionBy(col("movie_id")).orderBy(col("snapshot_date").desc()));
      fromExport =
          fromExport
              .withColumn("recency", newestFirst)
              .filter(col("recency").equalTo(1)) // the movie's newest export day wins
              .drop("recency");
    }
    Dataset<Row> movies =
        fromExport.select(
            col("movie_id"),
            col("original_title"),
            col("adult"),
            col("video"),
            col("snapshot_date").as("as_of"));
    Column newerThanDiscover =
        col("discover_as_of").isNull().or(col("as_of").gt(col("discover_as_of")));
    return discoverLatest
        .map(
            discover ->
                movies
                    .join(
                        broadcast(
                            discover.select(col("movie_id"), col("as_of").as("discover_as_of"))),
                        "movie_id",
                        "left")
                    // a same-day or later discover snapshot sets these attributes
                    .filter(newerThanDiscover)
                    .drop("discover_as_of"))
        .orElse(movies);
  }
}
