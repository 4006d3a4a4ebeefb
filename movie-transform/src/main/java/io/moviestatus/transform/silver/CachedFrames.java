package io.moviestatus.transform.silver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * The frames one build persisted, from both of its threads; closing unpersists them all (after the
 * build's last write, so that no write still reads them).
 */
final class CachedFrames implements AutoCloseable {

  private final List<Dataset<Row>> frames = Collections.synchronizedList(new ArrayList<>());

  /** Persists {@code frame} in memory (spilling to disk) until {@link #close}. */
  Dataset<Row> persist(Dataset<Row> frame) {
    frames.add(frame);
    return frame.persist(StorageLevel.MEMORY_AND_DISK());
  }

  @Override
  public void close() {
    frames.forEach(Dataset::unpersist);
  }
}
