/**
 * TMDB ingest into the bronze layer: the API client, the atomic bronze writer and the landing of
 * rating files. Depends on the Hadoop client API only (no Spark).
 *
 * <p>Public API: {@link io.moviestatus.ingest.TmdbClient} (with its {@code Builder}) and {@link
 * io.moviestatus.ingest.TmdbCredential}; {@link io.moviestatus.ingest.Ingestion} (one day's
 * snapshot + genre list) over {@link io.moviestatus.ingest.BronzeWriter}; {@link
 * io.moviestatus.ingest.RatingsLanding}; {@link io.moviestatus.ingest.ExportIngestion} (TMDB's
 * daily ID export, byte-exact, streamed); the typed errors {@link
 * io.moviestatus.ingest.TmdbApiException} (HTTP status, TMDB code, message), {@link
 * io.moviestatus.ingest.TmdbUnavailableException} and {@link
 * io.moviestatus.ingest.TmdbMalformedResponseException} and {@link
 * io.moviestatus.ingest.TmdbExportNotPublishedException}; {@link
 * io.moviestatus.ingest.AtomicLanding} (a file written to a temporary name, renamed over its
 * target: the one landing of bronze files, rating files, the export and the HTML report). Paging,
 * the HTTP settings both clients share, retry policy, error mapping and interceptors are
 * package-private.
 *
 * <pre>{@code
 * LakeLayout lake = LakeLayout.of("./lake");
 * try (TmdbClient tmdb = TmdbClient.builder().credential(TmdbCredential.bearer(token)).build()) {
 *   IngestResult result =
 *       new Ingestion(tmdb, new BronzeWriter(hadoopConf), lake).ingest(LocalDate.now(), 100);
 * }
 * }</pre>
 */
package io.moviestatus.ingest;
