package io.moviestatus.lake;

import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.Tables;
import java.util.Collection;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The quarantine ({@link Tables#QUARANTINE}), shared by every build. The other bookkeeping table,
 * the processed-files log, is {@link ProcessedFiles}'.
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
}
