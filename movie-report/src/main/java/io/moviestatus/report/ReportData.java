package io.moviestatus.report;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the report shows, collected from the lake: small aggregated results only (at most a
 * few hundred rows per chart).
 */
record ReportData(
    LocalDate date,
    int days,
    String lake,
    Instant generatedAt,
    LocalDate changeBase,
    List<LocalDate> dates,
    List<TopMovie> top,
    List<Trend> trends,
    List<Mover> movers,
    List<ScatterMovie> scatter,
    long snapshotSize,
    List<Count> genres,
    List<Count> ratingsPerDay,
    List<Count> ratingDistribution,
    Metrics recommender,
    List<Count> quarantine,
    List<Count> processedFiles) {

  ReportData {
    requireNonNull(date, "date is null");
    requireNonNull(lake, "lake is null");
    requireNonNull(generatedAt, "generatedAt is null");
    dates = List.copyOf(dates);
    top = List.copyOf(top);
    trends = List.copyOf(trends);
    movers = List.copyOf(movers);
    scatter = List.copyOf(scatter);
    genres = List.copyOf(genres);
    ratingsPerDay = List.copyOf(ratingsPerDay);
    ratingDistribution = List.copyOf(ratingDistribution);
    requireNonNull(recommender, "recommender is null");
    quarantine = List.copyOf(quarantine);
    processedFiles = List.copyOf(processedFiles);
  }

  /** First day of the window. */
  LocalDate from() {
    return date.minusDays(days - 1L);
  }

  /**
   * A movie of the day's top by popularity; {@code rankChange} is null when the movie was not in
   * the snapshot of {@link #changeBase}; {@code popularityByDay} is aligned with {@link #dates}.
   */
  record TopMovie(
      int rank,
      int movieId,
      String title,
      Double popularity,
      Double weightedRating,
      Integer rankChange,
      List<Double> popularityByDay) {
    TopMovie {
      requireNonNull(title, "title is null");
      popularityByDay =
          java.util.Collections.unmodifiableList(new java.util.ArrayList<>(popularityByDay));
    }
  }

  /** The popularity of one of the day's top 10 on one date of the window. */
  record Trend(int rank, String title, LocalDate date, double popularity) {}

  /** A movie whose popularity rank changed between {@link #changeBase} and the report's date. */
  record Mover(int movieId, String title, int rankBefore, int rankNow) {
    /** Positive: climbed. */
    int change() {
      return rankBefore - rankNow;
    }
  }

  /** A movie of the day's snapshot: popularity against weighted rating. */
  record ScatterMovie(int movieId, String title, double popularity, double weightedRating) {}

  /** A count by key (a date or a value) and series (a genre, a reason, a source). */
  record Count(String key, String series, long count) {}

  /**
   * The recommender_metrics table as found: its column names and types, one row per model version
   * (newest first), values as Java objects. Nothing here knows which metrics exist.
   */
  record Metrics(List<String> columns, List<String> types, List<List<Object>> rows) {
    Metrics {
      columns = List.copyOf(columns);
      types = List.copyOf(types);
      rows =
          rows.stream()
              .map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r)))
              .toList();
    }
  }
}
