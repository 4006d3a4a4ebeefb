package io.moviestatus.transform.lake;

import org.apache.spark.sql.SparkSession;

/**
 * A local SparkSession with Delta Lake, for the launcher, tests and benchmarks. Databricks jobs use
 * the cluster's session ({@code SparkSession.builder().getOrCreate()}) instead.
 *
 * <pre>{@code
 * SparkSession spark = LocalSpark.session(); // local[*], UI off, Delta on, 4 shuffle partitions
 * // and no code generation (interpreted operators start faster on the small batches of a run)
 * }</pre>
 */
public final class LocalSpark {

  private LocalSpark() {}

  /** Gets or creates the JVM's local session. */
  public static SparkSession session() {
    return SparkSession.builder()
        .appName("movie-status")
        .master("local[*]")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.default.parallelism", "4")
        .config("spark.sql.adaptive.enabled", "true")
        // Small inputs, short-lived JVMs: compiling generated code (Janino) costs more than it
        // saves.
        .config("spark.sql.codegen.wholeStage", "false")
        .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config(
            "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.databricks.delta.snapshotPartitions", "2")
        .config("spark.databricks.delta.retentionDurationCheck.enabled", "true")
        .getOrCreate();
  }
}
