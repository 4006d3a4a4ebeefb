package io.moviestatus.recommend;

/**
 * The parameters chosen on the validation slice.
 *
 * @param rankingRank ranking model (implicit ALS): rank
 * @param rankingRegParam ranking model: regParam
 * @param alpha ranking model: confidence scale α
 * @param confidence ranking model: rating-to-feedback form
 * @param validationNdcg ranking model: NDCG@k of the chosen parameters on validation
 * @param ratingRank rating model (explicit ALS): rank
 * @param ratingRegParam rating model: regParam
 * @param validationRmse rating model: RMSE of the chosen parameters on validation
 */
public record Tuning(
    int rankingRank,
    double rankingRegParam,
    double alpha,
    Confidence confidence,
    double validationNdcg,
    int ratingRank,
    double ratingRegParam,
    double validationRmse) {}
