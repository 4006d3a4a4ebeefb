package io.moviestatus.transform.silver;

import static java.util.Objects.requireNonNull;

import io.moviestatus.lake.internal.LargeBatch;
import java.util.function.Consumer;

/**
 * What a test may change in a silver build ({@link SilverBuild.Builder}'s package-private methods);
 * production runs {@link #DEFAULT}.
 *
 * @param afterTableWrite runs after each table's commit (a failure here simulates a crash
 *     mid-build), on the thread that wrote the table: the build's own, or its side lane for
 *     dates_dim, genres_dim and the quarantine
 * @param statusRowsPerFile the most rows per {@code status_fact} file of a day built from an export
 * @param largeExportBytes export batches of at least this many gzip bytes run with {@link
 *     LargeBatch}'s settings
 */
record SilverHooks(
    Consumer<String> afterTableWrite, long statusRowsPerFile, long largeExportBytes) {

  /**
   * The most rows per {@code status_fact} file of a day built from a daily export: a day of 1.1
   * million movies is cut into 11 movie_id ranges, written as 16 or 17 files of about 0.6 MB at
   * most (the range bounds are sampled, so a range a little over the cap makes a full file and a
   * small one). One movie's history reads one file per day (see docs/scale.md).
   */
  static final long STATUS_ROWS_PER_FILE = 100_000;

  /**
   * Export batches of at least this many gzip bytes (about {@link LargeBatch#ROWS} lines; a whole
   * day is about 13 MB for 1.1 million lines) run with {@link LargeBatch}'s settings.
   */
  static final long LARGE_EXPORT_BYTES = 2_500_000;

  /** Production's: no hook, the sizes above. */
  static final SilverHooks DEFAULT =
      new SilverHooks(table -> {}, STATUS_ROWS_PER_FILE, LARGE_EXPORT_BYTES);

  SilverHooks {
    requireNonNull(afterTableWrite, "hook is null");
    if (statusRowsPerFile < 1) {
      throw new IllegalArgumentException(
          "rows per file must be at least 1, was " + statusRowsPerFile);
    }
    if (largeExportBytes < 1) {
      throw new IllegalArgumentException("bytes must be at least 1, was " + largeExportBytes);
    }
  }

  SilverHooks withAfterTableWrite(Consumer<String> hook) {
    return new SilverHooks(hook, statusRowsPerFile, largeExportBytes);
  }

  SilverHooks withStatusRowsPerFile(long rows) {
    return new SilverHooks(afterTableWrite, rows, largeExportBytes);
  }

  SilverHooks withLargeExportBytes(long bytes) {
    return new SilverHooks(afterTableWrite, statusRowsPerFile, bytes);
  }
}
