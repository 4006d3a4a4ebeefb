package io.moviestatus.jobs;

import io.moviestatus.lake.LocalSpark;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The local launcher behind {@code bin/movie-status}: the job runners as subcommands, on a local
 * Spark session (local[*], UI off, Delta on).
 */
@Command(
    name = "movie-status",
    mixinStandardHelpOptions = true,
    version = "movie-status 0.1.0",
    description =
        "TMDB movie status lakehouse: ingest, silver, ratings, gold, pipeline, recommend, report, sql, demo.",
    subcommands = {
      DemoCommand.class,
      IngestJob.class,
      SilverJob.class,
      RatingsJob.class,
      GoldJob.class,
      PipelineCommand.class,
      RecommendJob.class,
      ReportJob.class,
      SqlCommand.class,
      MaintenanceJob.class
    })
public final class MovieStatus implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(Jobs.onTheBuiltLine() ? commandLine().execute(args) : ExitCode.USAGE.code());
  }

  /**
   * The launcher's command line: creates the local Spark session when a command (not --help) runs.
   * Its {@code --help} lists the exit codes of {@link ExitCode}.
   */
  static CommandLine commandLine() {
    CommandLine cli = Jobs.commandLine(new MovieStatus());
    cli.getCommandSpec()
        .usageMessage()
        .exitCodeListHeading("Exit codes:%n")
        .exitCodeList(ExitCode.helpList());
    cli.setExecutionStrategy(
        parseResult -> {
          CommandLine.ParseResult last = parseResult;
          while (last.hasSubcommand()) {
            last = last.subcommand();
          }
          boolean help = last.isUsageHelpRequested() || last.isVersionHelpRequested();
          // Jobs pick the session up with SparkSession.builder().getOrCreate().
          if (!help && parseResult.hasSubcommand()) {
            if (isLongRun(last.commandSpec())) {
              LocalSpark.session();
            } else {
              LocalSpark.shortRunSession();
            }
          }
          return new CommandLine.RunLast().execute(parseResult);
        });
    return cli;
  }

  /** A command annotated {@link LongRun}. */
  static boolean isLongRun(CommandLine.Model.CommandSpec command) {
    return command.userObject().getClass().isAnnotationPresent(LongRun.class);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }
}
