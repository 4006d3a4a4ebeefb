package io.moviestatus.transform.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.moviestatus.lake.internal.LakeFiles;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reads the lines of bronze files, as {@link BronzeParser} and {@link ExportParser} take them. */
final class BronzeLines {

  /**
   * Export batches of at least this many gzip bytes (about 350,000 lines; a whole day is about 13
   * MB) are parsed on every core; smaller ones parse faster than a shuffle would spread them.
   */
  private static final long SPREAD_BYTES = 4L << 20;

  private BronzeLines() {}

  /** The lines of discover or genre-list files: ({@code source_file}, {@code value}). */
  static Dataset<Row> of(SparkSession spark, List<BronzeFile> files) {
    return LakeFiles.readLines(spark, files.stream().map(BronzeFile::path).toList());
  }

  /**
   * The lines of export files with their path and date as constants: one gzip per day, read without
   * the per-line file-name matching of {@link #of}.
   */
  static Dataset<Row> ofExports(SparkSession spark, List<BronzeFile> files) {
    Dataset<Row> lines =
        files.stream()
            .map(
                file ->
                    spark
                        .read()
                        .text(file.path())
                        .select(
                            lit(file.path()).as(BronzeParser.SOURCE_FILE),
                            lit(Date.valueOf(file.snapshotDate())).as(BronzeParser.SNAPSHOT),
                            col(BronzeParser.VALUE)))
            .reduce(Dataset::unionByName)
            .orElseThrow();
    // A gzip is one split, read by one core: spread a big one's lines so that all cores parse them
    // (the JSON parse costs far more than this shuffle of the decompressed lines).
    int parallelism = parallelism(spark);
    return files.size() >= parallelism || bytes(files) < SPREAD_BYTES
        ? lines
        : lines.repartition(parallelism, col(BronzeParser.VALUE));
  }

  static long bytes(List<BronzeFile> files) {
    return files.stream().mapToLong(BronzeFile::size).sum();
  }

  static int parallelism(SparkSession spark) {
    return spark.sparkContext().defaultParallelism();
  }
}
