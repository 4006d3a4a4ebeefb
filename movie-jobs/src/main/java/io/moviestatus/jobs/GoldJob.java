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

  /** The parsed configuration of one run ({@link GoldBuild.Builder} validates it). */
  public record Config(LakeLayout lake, LocalDate date, double minimumVotes) {
    public Config {
      requireNonNull(lake, "lake is null");
    }
  }

  @Spec CommandSpec spec;
  @Mixin LakeOption lake = new LakeOption();
  @Mixin CatalogOption catalog = new CatalogOption();
  @Mixin TimingsOption timings = new TimingsOption();

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description = "Build (or rebuild) this date only.")
  LocalDate date;

  @Option(
      names = "--minimum-votes",
      paramLabel = "M",
      defaultValue = "500",
      description =
          "m of the weighted rating WR = v/(v+m)·R + m/(v+m)·C (default: ${DEFAULT-VALUE}).")
  double minimumVotes;

  public static void main(String[] args) {
    Jobs.main(new GoldJob(), args);
  }

  @Override
  public Integer call() {
    Config config = Jobs.validated(spec, () -> new Config(lake.layout(), date, minimumVotes));
    GoldBuild build = Jobs.validated(spec, () -> build(Jobs.spark(), config));
    var startup = timings.startup();
    GoldBuildReport report = build.run();
    System.out.println(report);
    timings.print("gold", startup, report.timings());
    catalog.register(config.lake());
    return 0;
  }

  /** Runs one build on {@code spark}. */
  public static GoldBuildReport run(SparkSession spark, Config config) {
    return build(spark, config).run();
  }

  static GoldBuild build(SparkSession spark, Config config) {
    GoldBuild.Builder build =
        GoldBuild.builder(spark, config.lake()).minimumVotes(config.minimumVotes());
    if (config.date() != null) {
      build.date(config.date());
    }
    return build.build();
  }
}
