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
}
