package io.moviestatus.transform.lake;

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

  /** One stage: its name and wall-clock milliseconds. */
  public record Stage(String name, long millis) {
    public Stage {
      requireNonNull(name, "name is null");
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
    stages.add(stage);
    last = now;
    LOG.debug("{}: {} {} ms", build, stage.name(), stage.millis());
  }

  /** The stages so far, in order. */
  public List<Stage> stages() {
    return List.copyOf(stages);
  }

  /** {@code name 123 ms} per line, then the total. */
  public static String format(List<Stage> stages) {
    long total = stages.stream().mapToLong(Stage::millis).sum();
    return stages.stream()
            .map(
                stage -> String.format(Locale.ROOT, "  %-28s %7d ms", stage.name(), stage.millis()))
            .collect(Collectors.joining("\n", "", stages.isEmpty() ? "" : "\n"))
        + String.format(Locale.ROOT, "  %-28s %7d ms", "total", total);
  }
}
