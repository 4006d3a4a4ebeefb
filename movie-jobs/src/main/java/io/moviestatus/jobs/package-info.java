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
 * session; {@code main} only parses the arguments, obtains the session and maps failures to the
 * exit codes of {@link io.moviestatus.jobs.ExitCode} (the one list: {@code movie-status --help}
 * shows it, a test checks the README's table against it).
 *
 * <pre>{@code
 * SilverBuildReport report =
 *     SilverJob.run(spark, new SilverJob.Config(LakeLayout.of("abfss://lake@acct.dfs.core.windows.net/"), null, null));
 * }</pre>
 */
package io.moviestatus.jobs;
