package io.moviestatus.jobs;

import io.moviestatus.lake.Prerequisites;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.transform.silver.SilverBuild;
import io.moviestatus.transform.silver.SilverBuildReport;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/**
 * The silver stage on the command line, one home for {@code silver} and {@code pipeline}: the
 * options of {@code silver} ({@code pipeline} builds incrementally and has none), the configured
 * build, and the run, which needs a lake at the path.
 */
final class SilverOptions {

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM-DD",
      description = "First snapshot date to rebuild.")
  LocalDate from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last snapshot date to rebuild.")
  LocalDate to;

  /** The configuration the options ask for: incremental without {@code --from}/{@code --to}. */
  SilverJob.Config config(LakeLayout lake) {
    return new SilverJob.Config(lake, from, to);
  }

  /**
   * The configured build; {@link IllegalArgumentException} when the range is not one ({@link
   * SilverBuild.Builder#range}'s message names {@code --from}/{@code --to}).
   */
  static SilverBuild build(SparkSession spark, SilverJob.Config config) {
    SilverBuild.Builder build = SilverBuild.builder(spark, config.lake());
    if (config.from() != null || config.to() != null) {
      build.range(config.from(), config.to());
    }
    return build.build();
  }

  /**
   * Runs the build when the path holds a lake: on one without bronze files and silver tables (a
   * mistyped {@code --lake}, ingest never run) silver would report every table up to date.
   *
   * @throws io.moviestatus.model.MissingPrerequisiteException {@code no lake at <root>: …}
   */
  static SilverBuildReport run(SparkSession spark, LakeLayout lake, SilverBuild build) {
    Prerequisites.requireLake(spark, lake);
    return build.run();
  }
}
