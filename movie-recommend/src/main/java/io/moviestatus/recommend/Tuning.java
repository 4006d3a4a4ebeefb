package io.moviestatus.recommend;

import static java.util.Objects.requireNonNull;

/**
 * The parameters chosen on the validation slice. The ranking model is the family with the higher
 * validation NDCG@k; the best implicit-ALS parameters are kept either way.
 *
 * @param rankingRank ranking model (implicit ALS): rank
 * @param rankingRegParam ranking model: regParam
 * @param alpha ranking model: confidence scale α
 * @param confidence ranking model: rating-to-feedback form
 * @param validationNdcg ranking model: NDCG@k of the chosen family and parameters on validation
 * @param ratingRank rating model (explicit ALS): rank
 * @param ratingRegParam rating model: regParam
 * @param validationRmse rating model: RMSE of the chosen parameters on validation
 * @param family the chosen ranking family
 * @param easeLambda EASE: the best λ (NaN when EASE was not tried)
 * @param easeTaste EASE: the best taste weight β (NaN when EASE was not tried)
 * @param ialsValidationNdcg validation NDCG@k of the best implicit-ALS parameters
 * @param easeValidationNdcg validation NDCG@k of the best EASE parameters (NaN: not tried)
 * @param easeIalsWeight EASE: weight of implicit ALS in the blend (0: EASE alone; NaN: not tried)
 */
public record Tuning(
    int rankingRank,
    double rankingRegParam,
    double alpha,
    Confidence confidence,
    double validationNdcg,
    int ratingRank,
    double ratingRegParam,
    double validationRmse,
    RankingFamily family,
    double easeLambda,
    double easeTaste,
    double ialsValidationNdcg,
    double easeValidationNdcg,
    double easeIalsWeight) {

  public Tuning {
    requireNonNull(confidence, "confidence is null");
    requireNonNull(family, "family is null");
  }
}
