package io.moviestatus.lake;

import static java.util.Objects.requireNonNull;

import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.Layer;
import io.moviestatus.model.MissingPrerequisiteException;
import io.moviestatus.model.TableContract;
import io.moviestatus.model.Tables;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * What a stage needs before it runs, checked in one place: a lake at the given path, a table an
 * earlier stage writes. Each check throws a {@link MissingPrerequisiteException} whose message says
 * what is missing and which command to run first (the job runners exit with code 7).
 *
 * <pre>{@code
 * Prerequisites.requireLake(spark, lake); // silver: bronze files or silver tables
 * Prerequisites.requireTable(spark, lake, Tables.STATUS_FACT, "run silver first");
 * }</pre>
 */
public final class Prerequisites {

  private Prerequisites() {}

  /**
   * The contract's table must exist in the lake.
   *
   * @param runFirst what to do about it, e.g. {@code "run silver first"}
   * @throws MissingPrerequisiteException {@code <layer> <table> does not exist at <path>:
   *     <runFirst>}
   */
  public static void requireTable(
      SparkSession spark, LakeLayout lake, TableContract contract, String runFirst) {
    requireNonNull(runFirst, "runFirst is null");
    if (!DeltaTables.exists(spark, lake, contract)) {
      throw new MissingPrerequisiteException(
          contract.layer().name().toLowerCase(Locale.ROOT)
              + " "
              + contract.name()
              + " does not exist at "
              + lake.tablePath(contract)
              + ": "
              + runFirst);
    }
  }

  /**
   * The path must hold a lake: at least one file below its bronze folder, or a silver table. One
   * listing walk that stops at the first file; the silver tables are looked up only without one.
   *
   * @throws MissingPrerequisiteException {@code no lake at <root>: no bronze files and no silver
   *     tables}
   */
  public static void requireLake(SparkSession spark, LakeLayout lake) {
    requireNonNull(spark, "spark is null");
    requireNonNull(lake, "lake is null");
    if (hasFile(spark, new Path(lake.bronze()))) {
      return;
    }
    for (TableContract contract : Tables.all()) {
      if (contract.layer() == Layer.SILVER && DeltaTables.exists(spark, lake, contract)) {
        return;
      }
    }
    throw new MissingPrerequisiteException(
        "no lake at " + lake.root() + ": no bronze files and no silver tables");
  }

  private static boolean hasFile(SparkSession spark, Path folder) {
    try {
      FileSystem fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return fs.exists(folder) && hasFile(fs, folder);
    } catch (FileNotFoundException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
    }
  }

  /**
   * Depth first, one {@code listStatus} per folder (see {@link
   * io.moviestatus.lake.internal.LakeFiles}), stopping early.
   */
  private static boolean hasFile(FileSystem fs, Path dir) throws IOException {
    for (FileStatus status : fs.listStatus(dir)) {
      if (status.isFile() || (status.isDirectory() && hasFile(fs, status.getPath()))) {
        return true;
      }
    }
    return false;
  }
}
