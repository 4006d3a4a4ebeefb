package io.moviestatus.jobs;

import static java.util.Objects.requireNonNull;

import io.moviestatus.model.LakeLayout;
import io.moviestatus.transform.silver.SilverBuild;
import io.moviestatus.transform.silver.SilverBuildReport;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Bronze → silver star schema. Databricks JAR task main class; also {@code movie-status silver}.
 */
@Command(
    name = "silver",
    mixinStandardHelpOptions = true,
    description =
        "Build the silver star schema from bronze (incremental by default; --from/--to rebuilds a date range).")
public final class SilverJob implements Callable<Integer> {

  /**
   * The parsed configuration of one run: without {@code from} and {@code to} an incremental build,
   * else a rebuild of that range ({@link SilverBuild.Builder#range} validates it).
   */
  public record Config(LakeLayout lake, LocalDate from, LocalDate to) {
    public Config {
      requireNonNull(lake, "lake is null");
    }
  }

  @Spec CommandSpec spec;
  @Mixin LakeOption lake = new LakeOption();
  @Mixin CatalogOption catalog = new CatalogOption();
  @Mixin TimingsOption timings = new TimingsOption();
  @Mixin SilverOptions silver = new SilverOptions();

  public static void main(String[] args) {
    Jobs.main(new SilverJob(), args);
  }

  Config config() {
    return Jobs.validated(spec, () -> silver.config(lake.layout()));
  }

  @Override
  public Integer call() {
    Config config = config();
    SparkSession spark = Jobs.spark();
    SilverBuild build = Jobs.validated(spec, () -> SilverOptions.build(spark, config));
    var startup = timings.startup();
    SilverBuildReport report = SilverOptions.run(spark, config.lake(), build);
    System.out.println(report);
    timings.print("silver", startup, report.timings());
    catalog.register(config.lake());
    return 0;
  }

  /**
   * Runs one build on {@code spark}.
   *
   * @throws IllegalArgumentException when the range is not one
   * @throws io.moviestatus.model.MissingPrerequisiteException when the lake has neither bronze
   *     files nor silver tables
   */
  public static SilverBuildReport run(SparkSession spark, Config config) {
    return SilverOptions.run(spark, config.lake(), SilverOptions.build(spark, config));
  }
}
