package io.moviestatus.recommend;

import static java.util.Objects.requireNonNull;

import io.moviestatus.transform.lake.TableChange;

/**
 * What a {@link Recommender} run did: the model it saved, its evaluation, and the recommendations
 * it wrote.
 */
public record RecommenderReport(
    String modelVersion,
    String modelPath,
    RecommenderEvaluation evaluation,
    long users,
    long movies,
    TableChange recommendations) {

  public RecommenderReport {
    requireNonNull(modelVersion, "modelVersion is null");
    requireNonNull(modelPath, "modelPath is null");
    requireNonNull(evaluation, "evaluation is null");
    requireNonNull(recommendations, "recommendations is null");
  }

  @Override
  public String toString() {
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
