package io.moviestatus.lake;

import org.apache.spark.sql.SparkSession;

/**
 * A local SparkSession with Delta Lake, for the launcher, tests and benchmarks. Databricks jobs use
 * the cluster's session ({@code SparkSession.builder().getOrCreate()}) instead.
 *
 * <p>Both sessions run Spark's interpreted operators instead of generated code: on one machine,
 * compiling generated code (Janino) costs more than it saves on anything short of a million-row
 * batch, for the short builds and for the recommender alike (measured with cold {@code
 * bin/movie-status} runs, docs/benchmarks.md). {@link io.moviestatus.lake.internal.LargeBatch}
 * turns code generation back on for a million-row batch.
 *
 * <pre>{@code
 * SparkSession spark = LocalSpark.session(); // local[*], UI off, Delta on, 4 shuffle partitions, AQE
 * SparkSession quick = LocalSpark.shortRunSession(); // no AQE, core-many shuffle partitions
 * }</pre>
 */
public final class LocalSpark {

  private LocalSpark() {}

  /**
   * Gets or creates the JVM's local session: adaptive query execution on, four shuffle partitions.
   * The launcher's session for long runs (the recommender, the demo); the tests' session.
   */
  public static SparkSession session() {
    return builder().getOrCreate();
  }

  /**
   * Gets or creates the JVM's local session for a short cold run (a scheduled build of one day):
   * queries are planned once (no adaptive re-planning between stages) and each shuffle has one
   * partition per core, measured in {@code scripts/bench-cold.sh}. {@link
   * io.moviestatus.lake.internal.LargeBatch} turns adaptive execution back on for a million-row
   * batch.
   */
  public static SparkSession shortRunSession() {
    return builder()
        .config("spark.sql.adaptive.enabled", "false")
        .config(
            "spark.sql.shuffle.partitions",
            String.valueOf(Runtime.getRuntime().availableProcessors()))
        .getOrCreate();
  }

  private static SparkSession.Builder builder() {
    return SparkSession.builder()
        .appName("movie-status")
        .master("local[*]")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.codegen.wholeStage", "false")
        .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.default.parallelism", "4")
        .config("spark.sql.adaptive.enabled", "true")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config(
            "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.databricks.delta.snapshotPartitions", "2")
        // The local lake's file system without a chmod or readlink process per file written.
        .config("spark.hadoop.fs.file.impl", ShelllessLocalFileSystem.class.getName())
        .config(
            "spark.hadoop.fs.AbstractFileSystem.file.impl",
            ShelllessLocalFileSystem.Context.class.getName())
        // Delta's VACUUM lists a table in this many tasks (Spark's default 10,000: about 10 s a
        // table on one machine for a listing that takes milliseconds).
        .config("spark.sql.sources.parallelPartitionDiscovery.parallelism", "4")
        .config("spark.databricks.delta.retentionDurationCheck.enabled", "true");
  }
}
