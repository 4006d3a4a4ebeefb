package io.moviestatus.transform.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import io.moviestatus.lake.StageTimings;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The status days of a {@link SilverPlan}, parsed: the discover snapshots (when the batch has
 * discover files), the day status of both sources (when it has exports), the records rejected and
 * their count. From them the pure builders make the rows of {@code status_fact}, {@code dates_dim},
 * {@code movies_dim} and {@code movies_genres}; nothing here writes.
 *
 * @param snapshots {@link MovieSnapshots#from} the discover records
 * @param dayStatus {@link DayStatus#build} of the snapshots and the export records
 * @param rejected the rejected discover and export records as quarantine rows
 * @param quarantined how many records were rejected
 */
record StatusInputs(
    Optional<Dataset<Row>> snapshots,
    Optional<Dataset<Row>> dayStatus,
    Optional<Dataset<Row>> rejected,
    long quarantined) {

  /** The most movie_id ranges (shuffle partitions) a batch of export days is cut into. */
  private static final long MAX_RANGES = 20_000;

  /**
   * Parses the plan's discover and export files; the records and what is built from them more than
   * once are persisted in {@code cache}. A day of exports is cut into movie_id ranges of at most
   * {@code statusRowsPerFile} rows.
   */
  static StatusInputs parse(
      SparkSession spark,
      SilverPlan plan,
      long statusRowsPerFile,
      CachedFrames cache,
      StageTimings timings) {
    Optional<Dataset<Row>> snapshots = Optional.empty();
    Optional<Dataset<Row>> rejected = Optional.empty();
    long quarantined = 0;
    if (!plan.discover().isEmpty()) {
      Dataset<Row> records =
          cache.persist(BronzeParser.discoverRecords(BronzeLines.of(spark, plan.discover())));
      snapshots = Optional.of(cache.persist(MovieSnapshots.from(records)));
      Dataset<Row> discoverRejects = QuarantineBuilder.build(records, plan.now());
      rejected = Optional.of(discoverRejects);
      quarantined = discoverRejects.count();
      timings.mark("parse discover");
    }
    Optional<Dataset<Row>> dayStatus = Optional.empty();
    if (!plan.exports().isEmpty()) {
      Dataset<Row> records =
          cache.persist(ExportParser.records(BronzeLines.ofExports(spark, plan.exports())));
      Column isValid = col(BronzeParser.REASON).isNull();
      Row counts = records.agg(count(when(isValid, 1)), count(when(not(isValid), 1))).head();
      quarantined += counts.getLong(1);
      Dataset<Row> exportRejects = QuarantineBuilder.build(records, plan.now());
      rejected = Optional.of(rejected.map(r -> r.unionByName(exportRejects)).orElse(exportRejects));
      // One movie_id range per file to be written: the ranges sort and write in parallel.
      long ranges =
          Math.max(BronzeLines.parallelism(spark), ceilDiv(counts.getLong(0), statusRowsPerFile));
      dayStatus =
          Optional.of(
              cache.persist(
                  DayStatus.build(snapshots, records, (int) Math.min(ranges, MAX_RANGES))));
      timings.mark("parse export");
    }
    return new StatusInputs(snapshots, dayStatus, rejected, quarantined);
  }

  /**
   * The {@code status_fact} rows of the days: from the day status, laid out by {@link DayStatus} in
   * files of at most its rows per file; else from the snapshots (a few thousand rows a day: one
   * file).
   */
  Dataset<Row> facts() {
    return dayStatus
        .map(StatusFactBuilder::build)
        .orElseGet(() -> StatusFactBuilder.build(snapshots.orElseThrow()).coalesce(1));
  }

  /** The cap on rows per {@code status_fact} file: {@code statusRowsPerFile} for export days. */
  long rowsPerFile(long statusRowsPerFile) {
    return dayStatus.isPresent() ? statusRowsPerFile : 0;
  }

  /**
   * The snapshots whose dates make {@code dates_dim}'s rows, or empty when the plan's days are to
   * be taken as they are (an export batch, whose dates come from the driver).
   */
  Optional<Dataset<Row>> datesFrom() {
    return dayStatus.isPresent() ? Optional.empty() : snapshots;
  }

  private static long ceilDiv(long dividend, long divisor) {
    return (dividend + divisor - 1) / divisor;
  }
}
