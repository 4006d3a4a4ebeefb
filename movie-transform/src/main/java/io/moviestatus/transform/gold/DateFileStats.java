package io.moviestatus.transform.gold;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The rows per {@code date_id} of a Delta table from its files' statistics in the Delta log ({@code
 * numRecords}, {@code minValues.date_id}, {@code maxValues.date_id} of each file of the latest
 * snapshot, less the rows a deletion vector removed): no data file is read. A file counts for a
 * date only when it holds that date alone (its minimum and maximum date are equal, as every file of
 * a one-date write is); an answer that needs a file of several dates or without statistics is
 * empty, and the caller counts instead.
 */
final class DateFileStats {

  /** One data file: its date range (null: unknown) and rows (null: unknown). */
  private record DataFile(LocalDate min, LocalDate max, Long rows) {

    boolean empty() {
      return rows != null && rows == 0;
    }

    boolean oneKnownDate() {
      return rows != null && min != null && min.equals(max);
    }

    boolean mayHold(LocalDate day) {
      return min == null || max == null || (!day.isBefore(min) && !day.isAfter(max));
    }
  }

  private final List<DataFile> files;

  private DateFileStats(List<DataFile> files) {
    this.files = List.copyOf(files);
  }

  /** The statistics of the Delta table at {@code path} (its latest snapshot). */
  static DateFileStats of(SparkSession spark, String path) {
    requireNonNull(spark, "spark is null");
    requireNonNull(path, "path is null");
    // forPath loads the table's latest snapshot; withStats parses each AddFile's stats JSON.
    Dataset<Row> withStats =
        DeltaTable.forPath(spark, path).deltaLog().unsafeVolatileSnapshot().withStats();
    StructType schema = withStats.schema();
    Column min = statsColumn(schema, "minValues");
    Column max = statsColumn(schema, "maxValues");
    Column records =
        hasField(schema, "stats", "numRecords") ? col("stats.numRecords") : lit(null).cast("long");
    Column deleted =
        hasField(schema, "deletionVector", "cardinality")
            ? col("deletionVector.cardinality")
            : lit(null).cast("long");
    List<DataFile> files = new ArrayList<>();
    for (Row row : withStats.select(min, max, records, deleted).collectAsList()) {
      Long rows = row.isNullAt(2) ? null : row.getLong(2) - (row.isNullAt(3) ? 0 : row.getLong(3));
      files.add(new DataFile(day(row, 0), day(row, 1), rows));
    }
    return new DateFileStats(files);
  }

  /**
   * Rows per date on {@code days} (a date without rows is absent), or empty when a file that may
   * hold one of them has no statistics or holds several dates.
   */
  Optional<Map<LocalDate, Long>> rowsOn(Collection<LocalDate> days) {
    requireNonNull(days, "days is null");
    return rows(file -> days.stream().anyMatch(file::mayHold));
  }

  /** Rows of every date, or empty when a file has no statistics or holds several dates. */
  Optional<Map<LocalDate, Long>> rowsByDate() {
    return rows(file -> true);
  }

  /** Rows per date of the non-empty files {@code relevant} keeps; empty when one is unknown. */
  private Optional<Map<LocalDate, Long>> rows(Predicate<DataFile> relevant) {
    Map<LocalDate, Long> rows = new TreeMap<>();
    for (DataFile file : files) {
      if (file.empty() || !relevant.test(file)) {
        continue;
      }
      if (!file.oneKnownDate()) {
        return Optional.empty();
      }
      rows.merge(file.min(), file.rows(), Long::sum);
    }
    rows.values().removeIf(count -> count == 0);
    return Optional.of(rows);
  }

  private static Column statsColumn(StructType schema, String bound) {
    return hasField(schema, "stats", bound, "date_id")
        ? col("stats." + bound + ".date_id").cast("date")
        : lit(null).cast("date");
  }

  /** Whether the nested field {@code path} exists in {@code schema}. */
  private static boolean hasField(StructType schema, String... path) {
    StructType struct = schema;
    for (int i = 0; i < path.length; i++) {
      if (!List.of(struct.fieldNames()).contains(path[i])) {
        return false;
      }
      if (i < path.length - 1) {
        if (!(struct.apply(path[i]).dataType() instanceof StructType inner)) {
          return false;
        }
        struct = inner;
      }
    }
    return true;
  }

  private static LocalDate day(Row row, int i) {
    return row.isNullAt(i) ? null : ((Date) row.get(i)).toLocalDate();
  }
}
