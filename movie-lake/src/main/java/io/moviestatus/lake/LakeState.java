package io.moviestatus.lake;

import io.delta.tables.DeltaTable;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.Tables;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
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
   * Files new to the log are appended, otherwise merged by path. The plain-text index of the log
   * ({@link ProcessedFilesIndex}) is then brought up to the new version.
   */
  public static void markProcessed(SparkSession spark, LakeLayout lake, Dataset<Row> files) {
    DeltaTable table = DeltaTables.ensure(spark, lake, Tables.PROCESSED_FILES);
    ProcessedFilesIndex index = index(spark, lake);
    OptionalLong base = index.latestVersion();
    Map<String, ProcessedFilesIndex.Entry> before =
        base.isPresent() ? index.read(base.getAsLong()) : null;
    List<ProcessedFilesIndex.Entry> added =
        files.collectAsList().stream().map(LakeState::entry).toList(); // local rows: no job
    if (before != null && added.stream().noneMatch(e -> before.containsKey(e.path()))) {
      files.write().format("delta").mode("append").save(lake.tablePath(Tables.PROCESSED_FILES));
    } else {
      table
          .as("t")
          .merge(files.as("s"), "t.path = s.path")
          .whenMatched()
          .updateAll()
          .whenNotMatched()
          .insertAll()
          .execute();
    }
    OptionalLong after = index.latestVersion();
    if (after.isEmpty()) {
      index.remove();
    } else if (before != null && after.getAsLong() == base.getAsLong() + 1) {
      Map<String, ProcessedFilesIndex.Entry> now = new LinkedHashMap<>(before);
      added.forEach(entry -> now.put(entry.path(), entry));
      index.write(after.getAsLong(), now.values());
    } else { // no index yet, or another writer committed too: rebuild it from the table
      index.write(after.getAsLong(), readTable(spark, lake, after.getAsLong()).values());
    }
  }

  /**
   * Signatures {@code path|modification_time|size} of the files of a source in the processed-files
   * log: a listed file with the same signature was built and has not changed since. Read from the
   * log's plain-text index when it is current (cheap in a cold JVM), else from the table.
   */
  public static Set<String> builtFiles(
      SparkSession spark, LakeLayout lake, Collection<String> sources) {
    ProcessedFilesIndex index = index(spark, lake);
    OptionalLong version = index.latestVersion();
    if (version.isEmpty()) {
      return Set.of();
    }
    Map<String, ProcessedFilesIndex.Entry> entries = index.read(version.getAsLong());
    if (entries == null) {
      entries = readTable(spark, lake, version.getAsLong());
    }
    return entries.values().stream()
        .filter(entry -> sources.contains(entry.source()))
        .map(entry -> signature(entry.path(), entry.modificationTime(), entry.size()))
        .collect(Collectors.toSet());
  }

  private static ProcessedFilesIndex index(SparkSession spark, LakeLayout lake) {
    return new ProcessedFilesIndex(spark.sparkContext().hadoopConfiguration(), lake);
  }

  private static Map<String, ProcessedFilesIndex.Entry> readTable(
      SparkSession spark, LakeLayout lake, long version) {
    Map<String, ProcessedFilesIndex.Entry> entries = new LinkedHashMap<>();
    spark
        .read()
        .format("delta")
        .option("versionAsOf", version)
        .load(lake.tablePath(Tables.PROCESSED_FILES))
        .select("path", "source", "modification_time", "size")
        .collectAsList()
        .forEach(row -> entries.put(row.getString(0), entry(row)));
    return entries;
  }

  private static ProcessedFilesIndex.Entry entry(Row row) {
    return new ProcessedFilesIndex.Entry(
        row.getAs("path"),
        row.getAs("source"),
        row.<Long>getAs("modification_time"),
        row.<Long>getAs("size"));
  }

  /** The path of a {@link #signature}. */
  public static String pathOf(String signature) {
    int size = signature.lastIndexOf('|');
    int time = signature.lastIndexOf('|', size - 1);
    return signature.substring(0, time);
  }

  /** The signature {@link #builtFiles} compares. */
  public static String signature(String path, long modificationTime, long size) {
    return path + "|" + modificationTime + "|" + size;
  }
}
