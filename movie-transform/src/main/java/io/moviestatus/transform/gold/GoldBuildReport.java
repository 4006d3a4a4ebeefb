package io.moviestatus.transform.gold;

import io.moviestatus.lake.StageTimings;
import io.moviestatus.lake.TableChange;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a {@link GoldBuild} did: the dates it (re)built, one {@link TableChange} per table, and the
 * wall-clock time of each stage.
 */
public record GoldBuildReport(
    List<LocalDate> dates, List<TableChange> changes, List<StageTimings.Stage> timings) {

  public GoldBuildReport {
    dates = List.copyOf(dates);
    changes = List.copyOf(changes);
    timings = List.copyOf(timings);
  }

  public GoldBuildReport(List<LocalDate> dates, List<TableChange> changes) {
    this(dates, changes, List.of());
  }

  /** The change of one table; fails when the build did not touch it. */
  public TableChange change(String table) {
    return changes.stream()
        .filter(change -> change.table().equals(table))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("build did not touch " + table));
  }

  @Override
  public String toString() {
    if (dates.isEmpty()) {
      return "gold: every status_fact date is already ranked";
    }
    return "gold: ranked "
        + dates.size()
        + " date(s) "
        + dates.get(0)
        + (dates.size() > 1 ? " to " + dates.get(dates.size() - 1) : "")
        + "\n"
        + changes.stream().map(TableChange::toString).collect(Collectors.joining("\n"));
  }
}
