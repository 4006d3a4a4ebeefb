package io.moviestatus.transform.silver;

import io.moviestatus.lake.StageTimings;
import io.moviestatus.lake.TableChange;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a silver build did: the files it built, one {@link TableChange} per table, and the
 * wall-clock time of each stage.
 */
public record SilverBuildReport(
    int filesBuilt, List<TableChange> changes, List<StageTimings.Stage> timings) {

  public SilverBuildReport {
    changes = List.copyOf(changes);
    timings = List.copyOf(timings);
  }

  public SilverBuildReport(int filesBuilt, List<TableChange> changes) {
    this(filesBuilt, changes, List.of());
  }

  static SilverBuildReport nothingToDo(List<StageTimings.Stage> timings) {
    return new SilverBuildReport(0, List.of(), timings);
  }

  /** The change of one table; fails when the build did not touch it. */
  public TableChange change(String table) {
    return changes.stream()
        .filter(change -> change.table().equals(table))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("build did not touch " + table));
  }

  /** One line per table, after a header line. */
  @Override
  public String toString() {
    if (filesBuilt == 0) {
      return "silver: no new bronze files; every table is up to date";
    }
    return "silver: built "
        + filesBuilt
        + " bronze file(s)\n"
        + changes.stream().map(TableChange::toString).collect(Collectors.joining("\n"));
  }
}
