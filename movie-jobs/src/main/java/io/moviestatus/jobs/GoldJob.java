package io.moviestatus.jobs;

import static java.util.Objects.requireNonNull;

import io.moviestatus.model.LakeLayout;
import io.moviestatus.transform.gold.GoldBuild;
import io.moviestatus.transform.gold.GoldBuildReport;
import java.time.LocalDate;
import java.util.concurrent.Callable;
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

  /** The validated configuration of one run. */
  public record Config(LakeLayout lake, LocalDate date, double minimumVotes) {
    public Config {
      requireNonNull(lake, "lake is null");
      if (!(minimumVotes >= 0) || Double.isInfinite(minimumVotes)) {
        throw new IllegalArgumentException(
            "--minimum-votes must be a finite number >= 0, was " + minimumVotes);
      }
    }
  }

  @Spec CommandSpec spec;
  @Mixin LakeOption lake = new LakeOption();
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
    var startup = timings.startup();
    GoldBuildReport report = run(config);
    System.out.println(report);
    timings.print("gold", startup, report.timings());
    return 0;
  }

  public static GoldBuildReport run(Config config) {
    GoldBuild.Builder build =
        GoldBuild.builder(Jobs.spark(), config.lake()).minimumVotes(config.minimumVotes());
    if (config.date() != null) {
      build.date(config.date());
    }
    return build.build().run();
  }
}
