package io.moviestatus.lake;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wall-clock stages of one build, measured lap by lap: each {@link #mark} ends the stage that began
 * at the previous mark (or at creation). Builds return the stages in their report; runners print
 * them with {@code --timings}. Each stage is also logged at debug level.
 *
 * <pre>{@code
 * StageTimings timings = new StageTimings("silver");
 * List<BronzeFile> files = list();
 * timings.mark("listing");
 * }</pre>
 */
public final class StageTimings {

  private static final Logger LOG = LoggerFactory.getLogger(StageTimings.class);

  /**
   * One stage: its name and wall-clock milliseconds. A stage {@code beside} the others ran on
   * another thread, overlapping the laps (it is listed, not added to the total).
   */
  public record Stage(String name, long millis, boolean beside) {
    public Stage {
      requireNonNull(name, "name is null");
    }

    public Stage(String name, long millis) {
      this(name, millis, false);
    }
  }

  private final String build;
  private final List<Stage> stages = new ArrayList<>();
  private long last = System.nanoTime();

  public StageTimings(String build) {
    this.build = requireNonNull(build, "build is null");
  }

  /** Ends the current stage under {@code name}; the next stage starts now. */
  public void mark(String name) {
    long now = System.nanoTime();
    Stage stage = new Stage(name, (now - last) / 1_000_000);
    synchronized (stages) {
      stages.add(stage);
    }
    last = now;
    LOG.debug("{}: {} {} ms", build, stage.name(), stage.millis());
  }

  /**
   * Records a stage that ran on another thread beside the laps, {@code millis} long. Thread-safe;
   * does not end the current lap.
   */
  public void beside(String name, long millis) {
    Stage stage = new Stage(name, millis, true);
    synchronized (stages) {
      stages.add(stage);
    }
    LOG.debug("{}: {} {} ms (beside)", build, stage.name(), stage.millis());
  }

  /** The stages so far, in order. */
  public List<Stage> stages() {
    synchronized (stages) {
      return List.copyOf(stages);
    }
  }

  /**
   * {@code name 123 ms} per line, then the total of the laps; a stage that ran beside them is
   * indented and left out of the total.
   */
  public static String format(List<Stage> stages) {
    long total = stages.stream().filter(stage -> !stage.beside()).mapToLong(Stage::millis).sum();
    return stages.stream()
            .map(
                stage ->
                    stage.beside()
                        ? String.format(
                            Locale.ROOT, "    beside: %-18s %7d ms", stage.name(), stage.millis())
                        : String.format(
                            Locale.ROOT, "  %-28s %7d ms", stage.name(), stage.millis()))
            .collect(Collectors.joining("\n", "", stages.isEmpty() ? "" : "\n"))
        + String.format(Locale.ROOT, "  %-28s %7d ms", "total", total);
  }
}
