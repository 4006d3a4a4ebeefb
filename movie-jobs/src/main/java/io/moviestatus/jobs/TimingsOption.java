package io.moviestatus.jobs;

import io.moviestatus.lake.StageTimings;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code --timings} option of the build runners: prints the wall-clock time of each stage of
 * the run, startup included, after the report.
 */
final class TimingsOption {

  @Option(
      names = "--timings",
      description = "Print the time of each stage (JVM and Spark start, listing, state read, …).")
  boolean enabled;

  /** Startup as seen when the job starts: JVM start → SparkContext → now. */
  List<StageTimings.Stage> startup() {
    if (!enabled) {
      return List.of();
    }
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    long contextStart = Jobs.spark().sparkContext().startTime();
    long now = System.currentTimeMillis();
    return List.of(
        new StageTimings.Stage("JVM start to SparkContext", Math.max(0, contextStart - jvmStart)),
        new StageTimings.Stage("session start (Delta, catalog)", Math.max(0, now - contextStart)));
  }

  /** Prints the stages when {@code --timings} is given; {@code startup} is taken before the run. */
  void print(String job, List<StageTimings.Stage> startup, List<StageTimings.Stage> stages) {
    if (enabled) {
      List<StageTimings.Stage> all = new ArrayList<>(startup);
      all.addAll(stages);
      System.out.println(job + " timings:\n" + StageTimings.format(all));
    }
  }
}
