package io.moviestatus.transform.lake;

import io.delta.tables.DeltaTable;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.Tables;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The lake's bookkeeping tables shared by every build: the quarantine and the processed-files log
 * ({@link Tables#QUARANTINE}, {@link Tables#PROCESSED_FILES}).
 */
public final class LakeState {

  private LakeState() {}

  /**
   * Replaces the quarantine rows of the given source files with {@code rejected} (one commit), so
   * rebuilding a file never duplicates its rejects and a fixed file clears them.
   */
  public static void replaceQuarantine(
      SparkSession spark, LakeLayout lake, Dataset<Row> rejected, Collection<String> sourceFiles) {
    DeltaTables.ensure(spark, lake, Tables.QUARANTINE);
    DeltaTables.replaceWhere(
        rejected, lake, Tables.QUARANTINE, DeltaTables.inList("source_file", sourceFiles));
  }

  /**
   * Records files as built (rows of {@link Tables#PROCESSED_FILES}); the commit point of a build.
   */
  public static void markProcessed(SparkSession spark, LakeLayout lake, Dataset<Row> files) {
    DeltaTable table = DeltaTables.ensure(spark, lake, Tables.PROCESSED_FILES);
    table
        .as("t")
        .merge(files.as("s"), "t.path = s.path")
        .whenMatched()
        .updateAll()
        .whenNotMatched()
        .insertAll()
        .execute();
  }

  /**
   * Signatures {@code path|modification_time|size} of the files of a source in the processed-files
   * log: a listed file with the same signature was built and has not changed since.
   */
  public static Set<String> builtFiles(
      SparkSession spark, LakeLayout lake, Collection<String> sources) {
    if (!DeltaTables.exists(spark, lake, Tables.PROCESSED_FILES)) {
      return Set.of();
    }
    return DeltaTable.forPath(spark, lake.tablePath(Tables.PROCESSED_FILES))
        .toDF()
        .filter(org.apache.spark.sql.functions.col("source").isin(sources.toArray()))
        .select("path", "modification_time", "size")
        .collectAsList()
        .stream()
        .map(row -> signature(row.getString(0), row.getLong(1), row.getLong(2)))
        .collect(Collectors.toSet());
  }

  /** The signature {@link #builtFiles} compares. */
  public static String signature(String path, long modificationTime, long size) {
    return path + "|" + modificationTime + "|" + size;
  }
}
