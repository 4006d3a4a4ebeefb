package io.moviestatus.jobs;

import static java.util.Objects.requireNonNull;

import io.moviestatus.model.LakeLayout;
import io.moviestatus.transform.gold.GoldBuild;
import io.moviestatus.transform.gold.GoldBuildReport;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Silver + ratings → gold rankings. Databricks JAR task main class; also {@code movie-status gold}.
 */
@Command(
    name = "gold",
    mixinStandardHelpOptions = true,
    description =
        "Build movie_rankings and genre_rankings (default: every status_fact date not built yet).")
public final class GoldJob implements Callable<Integer> {

  /**
   * The parsed configuration of one run ({@link GoldBuild.Builder} validates it; its default m is
   * {@link GoldBuild#DEFAULT_MINIMUM_VOTES}).
   */
  public record Config(LakeLayout lake, LocalDate date, double minimumVotes) {
    public Config {
      requireNonNull(lake, "lake is null");
    }
  }

  @Spec CommandSpec spec;
  @Mixin LakeOption lake = new LakeOption();
  @Mixin CatalogOption catalog = new CatalogOption();
  @Mixin TimingsOption timings = new TimingsOption();
  @Mixin GoldOptions gold = new GoldOptions();

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description = "Build (or rebuild) this date only.")
  LocalDate date;

  public static void main(String[] args) {
    Jobs.main(new GoldJob(), args);
  }

  @Override
  public Integer call() {
    Config config = Jobs.validated(spec, () -> gold.config(lake.layout(), date));
    GoldBuild build = Jobs.validated(spec, () -> GoldOptions.build(Jobs.spark(), config));
    var startup = timings.startup();
    GoldBuildReport report = build.run();
    System.out.println(report);
    timings.print("gold", startup, report.timings());
    catalog.register(config.lake());
    return 0;
  }

  /**
   * Runs one build on {@code spark}.
   *
   * @throws IllegalArgumentException when m is not valid (naming {@code --minimum-votes})
   * @throws io.moviestatus.model.MissingPrerequisiteException when silver has not run yet
   */
  public static GoldBuildReport run(SparkSession spark, Config config) {
    return GoldOptions.build(spark, config).run();
  }
}
