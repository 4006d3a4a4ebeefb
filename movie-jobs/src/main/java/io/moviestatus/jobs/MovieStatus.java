package io.moviestatus.jobs;

import io.moviestatus.transform.LocalSpark;
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
    description = "TMDB movie status lakehouse: ingest, silver, ratings, gold, recommend, sql, demo.",
    subcommands = {DemoCommand.class, IngestJob.class, SilverJob.class, SqlCommand.class})
public final class MovieStatus implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    CommandLine cli = Jobs.commandLine(new MovieStatus());
    cli.setExecutionStrategy(
        parseResult -> {
          boolean help = parseResult.isUsageHelpRequested() || parseResult.isVersionHelpRequested()
              || parseResult.subcommands().stream().anyMatch(p -> p.isUsageHelpRequested());
          if (!help && parseResult.hasSubcommand()) {
            LocalSpark.session(); // jobs pick it up with SparkSession.builder().getOrCreate()
          }
          return new CommandLine.RunLast().execute(parseResult);
        });
    int code = cli.execute(args);
    System.exit(code);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }
}
