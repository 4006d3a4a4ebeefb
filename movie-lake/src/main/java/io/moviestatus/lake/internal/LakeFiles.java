package io.moviestatus.lake.internal;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.regexp_replace;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Lists dated files below a lake folder through the Hadoop FileSystem API (local, abfss://,
 * dbfs:/), walking every sub-folder.
 */
public final class LakeFiles {

  /**
   * A listed file: its qualified path, the date its name stands for, its modification time and
   * size.
   */
  public record Listed(String path, LocalDate date, long modificationTime, long size) {
    public Listed {
      requireNonNull(path, "path is null");
      requireNonNull(date, "date is null");
    }
  }

  private LakeFiles() {}

  /**
   * The text lines of the files, read in one pass, as ({@code source_file}, {@code value}) where
   * {@code source_file} is the path exactly as given (the string the quarantine and the processed
   * files log key on), whatever URI form the reader reports for it.
   */
  public static Dataset<Row> readLines(SparkSession spark, List<String> paths) {
    requireNonNull(spark, "spark is null");
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("no files to read");
    }
    // The reader reports each file as a URI; its raw (still encoded) path identifies the file.
    StructType names =
        new StructType()
            .add("raw_path", DataTypes.StringType)
            .add("source_file", DataTypes.StringType);
    List<Row> rows = paths.stream().map(path -> RowFactory.create(rawPath(path), path)).toList();
    Column reportedRawPath =
        regexp_replace(col("_metadata.file_path"), "^[A-Za-z][A-Za-z0-9+.-]*:(//[^/]*)?", "");
    return spark
        .read()
        .text(paths.toArray(String[]::new))
        .select(reportedRawPath.as("raw_path"), col("value"))
        .join(broadcast(spark.createDataFrame(rows, names)), "raw_path", "left")
        .select(coalesce(col("source_file"), col("raw_path")).as("source_file"), col("value"));
  }

  /** The encoded path of a file name or URI, without scheme and authority. */
  static String rawPath(String path) {
    return new Path(path).toUri().getRawPath();
  }

  /**
   * The files below {@code root} whose name {@code dateOfName} maps to a date (others, such as a
   * writer's temporary files, are skipped), oldest date first; empty when the folder is missing.
   */
  public static List<Listed> list(
      Configuration conf, String root, Function<String, Optional<LocalDate>> dateOfName) {
    Path folder = new Path(root);
    List<Listed> files = new ArrayList<>();
    try {
      FileSystem fs = folder.getFileSystem(conf);
      if (!fs.exists(folder)) {
        return files;
      }
      walk(fs, folder, dateOfName, files);
    } catch (FileNotFoundException e) {
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot list files under " + folder + ": " + e.getMessage(), e);
    }
    files.sort(Comparator.comparing(Listed::date).thenComparing(Listed::path));
    return files;
  }

  /**
   * Adds the dated files below {@code dir}, one {@code listStatus} per folder. Not {@code
   * listFiles(dir, true)}: its {@code LocatedFileStatus} copies each file's permission, which the
   * local file system without Hadoop's native library reads by running {@code stat} once per file
   * (4.3 s for the 800 bronze files of 400 days).
   */
  private static void walk(
      FileSystem fs, Path dir, Function<String, Optional<LocalDate>> dateOfName, List<Listed> files)
      throws IOException {
    for (FileStatus status : fs.listStatus(dir)) {
      if (status.isDirectory()) {
        walk(fs, status.getPath(), dateOfName, files);
        continue;
      }
      // only files whose name carries a date (a writer's temporary files do not)
      Optional<LocalDate> date = dateOfName.apply(status.getPath().getName());
      if (status.isFile() && date.isPresent()) {
        files.add(
            new Listed(
                status.getPath().toString(),
                date.get(),
                status.getModificationTime(),
                status.getLen()));
      }
    }
  }
}
