/**
 * The recommender, the only module on Spark MLlib: a ranking model (implicit-feedback ALS, tuned by
 * validation NDCG@10) makes each user's top-10 list, a rating model (ALS on the bias baseline's
 * residuals) predicts the rating shown next to it; both are evaluated on the same held-out split
 * against the bias baseline and most popular (protocol: {@code docs/rankings.md}).
 *
 * <p>Public API: {@link io.moviestatus.recommend.Recommender} (train, evaluate, store, write {@code
 * recommender_metrics} and {@code user_recommendations}) configured by {@link
 * io.moviestatus.recommend.RecommenderConfig}, returning a {@link
 * io.moviestatus.recommend.RecommenderReport} with its {@link
 * io.moviestatus.recommend.RecommenderEvaluation} ({@link io.moviestatus.recommend.Metrics} per
 * model); {@link io.moviestatus.recommend.Recommendations} reads a user's list. Training, scoring,
 * the model store, cold start and the commit are package-private.
 *
 * <pre>{@code
 * LakeLayout lake = LakeLayout.of("./lake");
 * RecommenderReport report = Recommender.builder(spark, lake).build().run();
 * List<Recommendation> top = Recommendations.forUser(spark, lake, userKey);
 * }</pre>
 */
package io.moviestatus.recommend;
