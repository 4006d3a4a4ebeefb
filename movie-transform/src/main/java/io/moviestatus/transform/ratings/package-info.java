/**
 * Ratings of anonymous users: rating files landed in bronze as dropped (by {@code movie-ingest}),
 * parsed with per-record quarantine, user ids pseudonymised (HMAC-SHA256) before silver, merged
 * into {@code ratings_fact} (latest rating per user and movie wins). The table records its key's
 * fingerprint: an import under another key refuses, a key rotation rebuilds it from bronze.
 *
 * <p>Public API: {@link io.moviestatus.transform.ratings.RatingsImport}, {@link
 * io.moviestatus.transform.ratings.RatingsImportReport}, {@link
 * io.moviestatus.transform.ratings.RatingsFormat}, {@link
 * io.moviestatus.transform.ratings.RatingRejection}, {@link
 * io.moviestatus.transform.ratings.PseudonymKey}, {@link
 * io.moviestatus.transform.ratings.PseudonymKeyMismatchException}.
 *
 * <pre>{@code
 * RatingsImportReport report =
 *     RatingsImport.builder(spark, LakeLayout.of("./lake"), PseudonymKey.of(secretBytes))
 *         .input("/drop/ratings.csv", RatingsFormat.EVENTS)
 *         .build()
 *         .run();
 * }</pre>
 */
package io.moviestatus.transform.ratings;
