package io.moviestatus.transform.ratings;

import static java.util.Objects.requireNonNull;

import io.moviestatus.lake.StageTimings;
import io.moviestatus.lake.TableChange;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a {@link RatingsImport} did.
 *
 * @param landed bronze paths of the files copied in by this run
 * @param filesBuilt rating files built into silver by this run
 * @param ratingsFact rows inserted / updated in {@code ratings_fact}, and records quarantined
 * @param quarantinedByReason quarantined records per {@link RatingRejection#code()}
 * @param timings wall-clock time of each stage of the run
 * @param keyRotation what a {@link RatingsImport.Builder#rotateKey() key rotation} rebuilt; null
 *     for an import
 */
public record RatingsImportReport(
    List<String> landed,
    int filesBuilt,
    TableChange ratingsFact,
    Map<String, Long> quarantinedByReason,
    List<StageTimings.Stage> timings,
    KeyRotation keyRotation) {

  public RatingsImportReport {
    landed = List.copyOf(landed);
    requireNonNull(ratingsFact, "ratingsFact is null");
    quarantinedByReason = Map.copyOf(quarantinedByReason);
    timings = List.copyOf(timings);
  }

  public RatingsImportReport(
      List<String> landed,
      int filesBuilt,
      TableChange ratingsFact,
      Map<String, Long> quarantinedByReason) {
    this(landed, filesBuilt, ratingsFact, quarantinedByReason, List.of(), null);
  }

  /**
   * A key rotation: {@code ratings_fact} rebuilt from every rating file in bronze under the new
   * key.
   *
   * @param fingerprint the new key's fingerprint prefix, as messages show it
   * @param ratings rows of the rebuilt {@code ratings_fact}
   * @param users distinct user_keys in it (as many as before, each a new one)
   */
  public record KeyRotation(String fingerprint, long ratings, long users) {
    public KeyRotation {
      requireNonNull(fingerprint, "fingerprint is null");
    }

    /** What was rebuilt, and what it means for the recommender's user-keyed outputs. */
    @Override
    public String toString() {
      return "key rotated: "
          + ratings
          + " rating(s) of "
          + users
          + " user(s) re-pseudonymised under the key with fingerprint "
          + fingerprint
          + "; user_recommendations and the recommender's models keep the old user_keys until"
          + " the next recommend, which retrains because ratings_fact changed";
    }
  }

  /** Records quarantined with the given reason. */
  public long quarantined(RatingRejection reason) {
    return quarantinedByReason.getOrDefault(reason.code(), 0L);
  }

  /** MovieLens ratings whose movie has no TMDB id. */
  public long noTmdbId() {
    return quarantined(RatingRejection.NO_TMDB_ID);
  }

  /** Header line, the table change, the quarantine reasons, then the key rotation. */
  @Override
  public String toString() {
    if (filesBuilt == 0) {
      return "ratings: landed " + landed.size() + " file(s); no new rating files to build";
    }
    String reasons =
        new TreeMap<>(quarantinedByReason)
            .entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
    return "ratings: landed "
        + landed.size()
        + " file(s), built "
        + filesBuilt
        + " file(s)\n"
        + ratingsFact
        + (reasons.isEmpty() ? "" : "\nquarantined: " + reasons)
        + (keyRotation == null ? "" : "\n" + keyRotation);
  }
}
