package io.moviestatus.recommend;

/**
 * Test metrics of one model on the held-out ratings.
 *
 * @param precisionAtK mean precision@k over the test users with at least one relevant movie
 * @param ndcgAtK mean NDCG@k (binary relevance) over the same users
 * @param recallAtK mean recall@k over the same users
 * @param coverage distinct movies in the top-k lists of all users / movies in the catalogue
 * @param rmse test RMSE of the predicted ratings; NaN for a model that predicts no rating
 */
public record Metrics(
    double precisionAtK, double ndcgAtK, double recallAtK, double coverage, double rmse) {

  /** The same metrics with {@code rmse}. */
  Metrics withRmse(double rmse) {
    return new Metrics(precisionAtK, ndcgAtK, recallAtK, coverage, rmse);
  }

  String row(String name) {
    return String.format(
        "%-28s %-8s %.4f       %.4f   %.4f     %.4f",
        name,
        Double.isNaN(rmse) ? "-" : String.format("%.4f", rmse),
        precisionAtK,
        ndcgAtK,
        recallAtK,
        coverage);
  }
}
