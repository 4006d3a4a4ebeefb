package io.moviestatus.transform.silver;

import static java.util.Objects.requireNonNull;

import io.moviestatus.lake.ProcessedFiles;
import java.time.LocalDate;

/**
 * One bronze snapshot file as listed from storage; {@code folder} is its source folder under {@code
 * bronze/tmdb/} (the processed-files log's {@code source}).
 */
record BronzeFile(
    String path, String folder, LocalDate snapshotDate, long modificationTime, long size) {

  BronzeFile {
    requireNonNull(path, "path is null");
    requireNonNull(folder, "folder is null");
    requireNonNull(snapshotDate, "snapshotDate is null");
  }

  /** The file as the processed-files log records it. */
  ProcessedFiles.Entry entry() {
    return new ProcessedFiles.Entry(path, folder, snapshotDate, modificationTime, size);
  }
}
