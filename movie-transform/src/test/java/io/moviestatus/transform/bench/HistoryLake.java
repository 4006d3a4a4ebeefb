package io.moviestatus.transform.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;

import io.moviestatus.lake.LocalSpark;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.Tables;
import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * A year of history under a lake's {@code status_fact}, for the capacity plan (docs/capacity.md):
 * appends {@code DAYS} earlier days, one Delta commit per day as silver makes them, each day cut
 * into {@code FILES} files of one movie_id range (silver's layout of a whole-catalogue day: 16–17
 * files). The simulated days hold {@code ROWS} rows each (small), so the table's log, file count
 * and checkpoints are a year's while its data stays on this disk; the cold commands measured on it
 * then show what a year of metadata adds to one day's silver and gold.
 *
 * <pre>
 * cp -r /tmp/bscale/lake /tmp/year-lake     # a lake of scripts/bench-scale.sh (1.1 M movies a day)
 * java -cp movie-transform/target/test-classes:$(cat movie-jobs/target/launcher/classpath.txt) \
 *   io.moviestatus.transform.bench.HistoryLake /tmp/year-lake 2025-09-30 365 17 1700
 * </pre>
 *
 * Arguments: lake root, first simulated day, days, files per day, rows per day.
 */
public final class HistoryLake {

  private HistoryLake() {}

  public static void main(String[] args) {
    if (args.length != 5) {
      System.err.println("usage: HistoryLake LAKE FIRST_DAY DAYS FILES_PER_DAY ROWS_PER_DAY");
      System.exit(2);
    }
    String table = LakeLayout.of(args[0]).tablePath(Tables.STATUS_FACT);
    LocalDate first = LocalDate.parse(args[1]);
    int days = Integer.parseInt(args[2]);
    int files = Integer.parseInt(args[3]);
    long rows = Long.parseLong(args[4]);
    SparkSession spark = LocalSpark.shortRunSession();
    spark.sparkContext().setLogLevel("ERROR");
    long start = System.nanoTime();
    for (int d = 0; d < days; d++) {
      LocalDate day = first.plusDays(d);
      // movie ids spread over the catalogue's id range (1..1.1 M), as the export's are
      Dataset<Row> rowsOfDay =
          spark
              .range(rows)
              .select(
                  col("id")
                      .multiply(1_100_000 / Math.max(1, rows))
                      .plus(1)
                      .cast("int")
                      .as("movie_id"),
                  lit(Date.valueOf(day)).as("date_id"),
                  rand(d).multiply(100).cast(DataTypes.FloatType).as("popularity"),
                  lit(null).cast(DataTypes.FloatType).as("vote_average"),
                  lit(null).cast(DataTypes.IntegerType).as("vote_count"))
              .repartitionByRange(files, col("movie_id"))
              .sortWithinPartitions("movie_id");
      rowsOfDay.write().format("delta").mode("append").save(table);
      if ((d + 1) % 30 == 0 || d == days - 1) {
        System.out.printf(
            "%d day(s) appended, last %s, %.1f s%n", d + 1, day, (System.nanoTime() - start) / 1e9);
      }
    }
  }
}
