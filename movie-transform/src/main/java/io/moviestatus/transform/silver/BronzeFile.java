package io.moviestatus.transform.silver;

import static java.util.Objects.requireNonNull;

import io.moviestatus.model.BronzeContract;
import java.time.LocalDate;

/** One bronze snapshot file as listed from storage. */
record BronzeFile(
    String path,
    BronzeContract.Source source,
    LocalDate snapshotDate,
    long modificationTime,
    long size) {

  BronzeFile {
    requireNonNull(path, "path is null");
    requireNonNull(source, "source is null");
    requireNonNull(snapshotDate, "snapshotDate is null");
  }
}
