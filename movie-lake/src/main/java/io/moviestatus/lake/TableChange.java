package io.moviestatus.lake;

import static java.util.Objects.requireNonNull;

/** What one build did to one table. */
public record TableChange(
    String table, long inserted, long updated, long deleted, long quarantined) {

  public TableChange {
    requireNonNull(table, "table is null");
  }

  /** {@code status_fact: inserted 40, updated 0, deleted 0, quarantined 2}. */
  @Override
  public String toString() {
    return String.format(
        "%s: inserted %d, updated %d, deleted %d, quarantined %d",
        table, inserted, updated, deleted, quarantined);
  }

  /** The row counts of {@code last} (Delta's operation metrics), a MERGE's or a WRITE's. */
  static TableChange of(String name, DeltaTables.Commit last, long quarantined) {
    java.util.Map<String, String> metrics = last.metrics();
    if (last.operation().equals("MERGE")) {
      return new TableChange(
          name,
          metric(metrics, "numTargetRowsInserted"),
          metric(metrics, "numTargetRowsUpdated"),
          metric(metrics, "numTargetRowsDeleted"),
          quarantined);
    }
    // WRITE (append or replaceWhere): the rows written, and the rows the overwrite removed. A
    // replaceWhere on a data column rewrites the files it touches: numOutputRows then includes the
    // rows of other values it copied over (numCopiedRows), which are not a change.
    return new TableChange(
        name,
        metric(metrics, "numOutputRows") - metric(metrics, "numCopiedRows"),
        0,
        metric(metrics, "numDeletedRows"),
        quarantined);
  }

  private static long metric(java.util.Map<String, String> metrics, String key) {
    String value = metrics.get(key);
    return value == null ? 0 : Long.parseLong(value);
  }
}
