/**
 * Bronze to the silver star schema: {@code status_fact}, {@code movies_dim}, {@code genres_dim},
 * {@code movies_genres}, {@code dates_dim}; idempotent and incremental.
 *
 * <p>Public API: {@link io.moviestatus.transform.silver.SilverBuild} (the build), {@link
 * io.moviestatus.transform.silver.SilverBuildReport} (per-table changes) and {@link
 * io.moviestatus.transform.silver.QuarantineReason}. Everything else (the plan, the parsers, one
 * pure builder per table, the Delta writes) is package-private.
 *
 * <pre>{@code
 * SilverBuildReport report = SilverBuild.builder(spark, LakeLayout.of("./lake")).build().run();
 * report.changes().forEach(System.out::println);    // inserted / updated / deleted / quarantined
 * }</pre>
 */
package io.moviestatus.transform.silver;
