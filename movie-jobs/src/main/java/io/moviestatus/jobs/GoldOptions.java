package io.moviestatus.jobs;

import io.moviestatus.model.LakeLayout;
import io.moviestatus.transform.gold.GoldBuild;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/**
 * The gold stage on the command line, one home for {@code gold} and {@code pipeline}: the option
 * both take ({@code --minimum-votes}, its default {@link GoldBuild}'s) and the configured build,
 * whose builder checks the values.
 */
final class GoldOptions {

  @Option(
      names = "--minimum-votes",
      paramLabel = "M",
      defaultValue = "" + GoldBuild.DEFAULT_MINIMUM_VOTES,
      description =
          "m of gold's weighted rating WR = v/(v+m)·R + m/(v+m)·C (default: ${DEFAULT-VALUE}).")
  double minimumVotes;

  /** The configuration of a build of {@code date} (every date not built yet when null). */
  GoldJob.Config config(LakeLayout lake, LocalDate date) {
    return new GoldJob.Config(lake, date, minimumVotes);
  }

  /**
   * The configured build; an {@link IllegalArgumentException} of {@link GoldBuild.Builder} names
   * the option.
   */
  static GoldBuild build(SparkSession spark, GoldJob.Config config) {
    GoldBuild.Builder build = GoldBuild.builder(spark, config.lake());
    Jobs.option("--minimum-votes", () -> build.minimumVotes(config.minimumVotes()));
    if (config.date() != null) {
      build.date(config.date());
    }
    return build.build();
  }
}
