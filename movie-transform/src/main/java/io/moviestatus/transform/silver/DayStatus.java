package io.moviestatus.transform.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * A day's status of every movie from both TMDB sources → one row per (snapshot_date, movie_id):
 * snapshot_date, movie_id, popularity, vote_average, vote_count, original_title, adult, video,
 * source ({@code discover} or {@code export}).
 *
 * <p>Which source fills which column: the discover snapshot, when it lists the movie that day,
 * fills every column (its values win, popularity included: they come from the same API as the vote
 * columns beside them); otherwise the daily export fills popularity, original_title, adult and
 * video, and the vote columns stay null. An id the export lists twice keeps its most popular line.
 *
 * <p>The rows come range-partitioned by (snapshot_date, movie_id) into {@code partitions}
 * partitions, sorted within each: written as is, every file holds one narrow movie_id range of one
 * day, so a query for one day or for one movie reads few files (min/max statistics), and the
 * partitions sort and write in parallel. The deduplication runs on that partitioning, so it costs
 * no second shuffle. Pure: no reads, no writes, no actions (the range bounds are sampled when the
 * result is first computed).
 */
final class DayStatus {

  static final String SOURCE = "source";
  static final String DISCOVER = "discover";
  static final String EXPORT = "export";

  private DayStatus() {}

  /**
   * @param snapshots discover movie snapshots ({@link MovieSnapshots#from}), empty when the batch
   *     has no discover file
   * @param exportRecords parsed export lines ({@link ExportParser#records})
   * @param partitions how many movie_id ranges to cut the days into (at least 1)
   */
  static Dataset<Row> build(
      Optional<Dataset<Row>> snapshots, Dataset<Row> exportRecords, int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
    }
    Column isValid = col(BronzeParser.REASON).isNull();
    Dataset<Row> export =
        exportRecords
            .filter(isValid) // quarantined lines take no part in silver
            .select(
                col("snapshot_date"),
                col("movie_id"),
                col("popularity"),
                lit(null).cast(DataTypes.FloatType).as("vote_average"),
                lit(null).cast(DataTypes.IntegerType).as("vote_count"),
                col("original_title"),
                col("adult"),
                col("video"),
                lit(EXPORT).as(SOURCE));
    Dataset<Row> all =
        snapshots
            .map(
                discover ->
                    discover
                        .select(
                            col("snapshot_date"),
                            col("movie_id"),
                            col("popularity"),
                            col("vote_average"),
                            col("vote_count"),
                            col("original_title"),
                            col("adult"),
                            col("video"),
                            lit(DISCOVER).as(SOURCE))
                        .unionByName(export))
            .orElse(export);
    Column discoverFirstThenMostPopular =
        row_number()
            .over(
                Window.partitionBy(col("snapshot_date"), col("movie_id"))
                    .orderBy(
                        col(SOURCE).equalTo(lit(DISCOVER)).desc(),
                        col("popularity").desc_nulls_last(),
                        col("original_title").asc_nulls_last()));
    // Range-partitioned by (day, movie), the window sorts each partition by (snapshot_date,
    // movie_id, …): the partitioning satisfies the window's clustering, so no second shuffle.
    return all.repartitionByRange(partitions, col("snapshot_date"), col("movie_id"))
        .withColumn("winner", discoverFirstThenMostPopular)
        .filter(col("winner").equalTo(1)) // one row per movie and day: the winning source's
        .drop("winner");
  }
}
