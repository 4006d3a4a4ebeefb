package io.moviestatus.jobs;

import static java.util.Objects.requireNonNull;

import io.moviestatus.model.LakeLayout;
import io.moviestatus.transform.silver.SilverBuild;
import io.moviestatus.transform.silver.SilverBuildReport;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

  /** The validated configuration of one run. */
  public record Config(LakeLayout lake, LocalDate from, LocalDate to) {
    public Config {
      requireNonNull(lake, "lake is null");
      if ((from == null) != (to == null)) {
        throw new IllegalArgumentException("--from and --to go together");
      }
      if (from != null && from.isAfter(to)) {
        throw new IllegalArgumentException(String.format("--from %s is after --to %s", from, to));
      }
    }
  }

  @Spec CommandSpec spec;
  @Mixin LakeOption lake = new LakeOption();
  @Mixin TimingsOption timings = new TimingsOption();

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM-DD",
      description = "First snapshot date to rebuild.")
  LocalDate from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last snapshot date to rebuild.")
  LocalDate to;

  public static void main(String[] args) {
    Jobs.main(new SilverJob(), args);
  }

  Config config() {
    return Jobs.validated(spec, () -> new Config(lake.layout(), from, to));
  }

  @Override
  public Integer call() {
    Config config = config();
    var startup = timings.startup();
    SilverBuildReport report = run(config);
    System.out.println(report);
    timings.print("silver", startup, report.timings());
    return 0;
  }

  /** Runs one build with the job's session. */
  public static SilverBuildReport run(Config config) {
    SilverBuild.Builder build = SilverBuild.builder(Jobs.spark(), config.lake());
    if (config.from() != null) {
      build.range(config.from(), config.to());
    }
    return build.build().run();
  }
}
