package io.moviestatus.transform.ratings;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * One rating file landed in bronze: {@code
 * <lake>/bronze/ratings/<folder>/<yyyy>/<MM>/<yyyy-MM-dd>-<name>}.
 *
 * @param folder {@code movielens}, {@code movielens_links} or {@code events}
 * @param landedOn the date in the file name (the day it was imported)
 */
record RatingFile(
    String path, String folder, LocalDate landedOn, long modificationTime, long size) {

  RatingFile {
    requireNonNull(path, "path is null");
    requireNonNull(folder, "folder is null");
    requireNonNull(landedOn, "landedOn is null");
  }

  /** True for a JSON-lines events file, false for CSV. */
  boolean json() {
    return isJson(path);
  }

  static boolean isJson(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".json") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson");
  }

  static boolean isCsv(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".csv");
  }

  /** The landing date a bronze file name starts with, or empty (e.g. a temporary file). */
  static Optional<LocalDate> dateOf(String fileName) {
    if (fileName.startsWith(".") || fileName.startsWith("_") || fileName.length() < 12) {
      return Optional.empty();
    }
    if (fileName.charAt(10) != '-') {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(fileName.substring(0, 10)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
