/**
 * The job runners: one {@code main} per job for Databricks JAR tasks and {@code spark-submit}, and
 * the local launcher {@link io.moviestatus.jobs.MovieStatus} ({@code bin/movie-status}) that runs
 * them as commands on a local session.
 *
 * <p>Public API: {@link io.moviestatus.jobs.IngestJob}, {@link io.moviestatus.jobs.SilverJob},
 * {@link io.moviestatus.jobs.RatingsJob}, {@link io.moviestatus.jobs.GoldJob}, {@link
 * io.moviestatus.jobs.RecommendJob}, {@link io.moviestatus.jobs.ReportJob} and {@link
 * io.moviestatus.jobs.MaintenanceJob}. Each has an immutable {@code Config} record and {@code
 * public static run(SparkSession, Config)}, so another team's job can run a stage on its own
 * session; {@code main} only parses the arguments, obtains the session and maps failures to exit
 * codes (the exit-code table of README.md, "Command line").
 *
 * <pre>{@code
 * SilverBuildReport report =
 *     SilverJob.run(spark, new SilverJob.Config(LakeLayout.of("abfss://lake@acct.dfs.core.windows.net/"), null, null));
 * }</pre>
 */
package io.moviestatus.jobs;
