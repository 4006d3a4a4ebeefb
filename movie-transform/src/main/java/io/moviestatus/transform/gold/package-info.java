/**
 * Gold rankings from silver and {@code ratings_fact}: {@code movie_rankings} (Bayesian weighted
 * rating, its rank, popularity rank, 7-day trend) and {@code genre_rankings}.
 *
 * <p>Public API: {@link io.moviestatus.transform.gold.GoldBuild} and {@link
 * io.moviestatus.transform.gold.GoldBuildReport}; the builders are package-private pure functions.
 *
 * <pre>{@code
 * GoldBuildReport report = GoldBuild.builder(spark, LakeLayout.of("./lake")).build().run();
 * }</pre>
 */
package io.moviestatus.transform.gold;
