package io.moviestatus.recommend;

import static java.util.Objects.requireNonNull;

import io.moviestatus.lake.TableChange;

/**
 * What a {@link Recommender} run did: the model it saved, its evaluation, and the recommendations
 * it wrote; or, when its inputs and parameters were those of the latest version, that version, kept
 * ({@link #trained()} false, no evaluation, nothing written).
 *
 * @param modelVersion the version trained, or kept
 * @param modelPath the folder of its models
 * @param evaluation the run's evaluation; null when the run kept the latest version
 * @param users users in the ratings the version was trained on
 * @param movies movies in those ratings
 * @param recommendations the change to {@code user_recommendations} (all zero when kept)
 * @param ratingsVersion Delta version of {@code ratings_fact} the version was trained on (for a
 *     kept version, the one it recorded)
 * @param rankingsVersion Delta version of {@code movie_rankings} its cold-start list came from;
 *     null when there was none
 */
public record RecommenderReport(
    String modelVersion,
    String modelPath,
    RecommenderEvaluation evaluation,
    long users,
    long movies,
    TableChange recommendations,
    long ratingsVersion,
    Long rankingsVersion) {

  public RecommenderReport {
    requireNonNull(modelVersion, "modelVersion is null");
    requireNonNull(modelPath, "modelPath is null");
    requireNonNull(recommendations, "recommendations is null");
  }

  /** False when the run kept the latest version instead of training. */
  public boolean trained() {
    return evaluation != null;
  }

  @Override
  public String toString() {
    if (!trained()) {
      return "recommend: nothing new since model "
          + modelVersion
          + " (no data change to ratings_fact since its version "
          + ratingsVersion
          + (rankingsVersion == null
              ? ", no movie_rankings"
              : " nor to movie_rankings since its version " + rankingsVersion)
          + ", the same parameters): kept it and its recommendations ("
          + users
          + " users, "
          + movies
          + " movies), saved at "
          + modelPath
          + "; --retrain trains anyway\n"
          + recommendations;
    }
    return "recommend: model "
        + modelVersion
        + " ("
        + users
        + " users, "
        + movies
        + " movies) saved to "
        + modelPath
        + "\n"
        + evaluation
        + "\n"
        + recommendations;
  }
}
