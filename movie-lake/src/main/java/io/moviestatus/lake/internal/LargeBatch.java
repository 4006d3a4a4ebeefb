package io.moviestatus.lake.internal;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * Session settings for a batch of a million rows or more (a day of the whole catalogue), scoped to
 * one piece of work and restored afterwards, whatever session the caller chose:
 *
 * <ul>
 *   <li>Spark's generated code, which {@link io.moviestatus.lake.LocalSpark}'s sessions turn off:
 *       on a million rows it parses, shuffles and aggregates several times faster than interpreted
 *       operators (measured: docs/scale.md);
 *   <li>uncompressed in-memory caches: the dictionary statistics of a compressed cache cost more
 *       CPU than the memory they save on one machine;
 *   <li>adaptive query execution (Spark's default, which a short-run session turns off): it
 *       coalesces and balances the shuffles of a big batch.
 * </ul>
 *
 * <pre>{@code
 * long changed = LargeBatch.run(spark, () -> writer.write(bigDay));
 * }</pre>
 */
public final class LargeBatch {

  /** Rows from which a batch counts as large: below it, a short run's settings are faster. */
  public static final long ROWS = 200_000;

  private static final Map<String, String> SETTINGS =
      Map.of(
          "spark.sql.codegen.wholeStage",
          "true",
          "spark.sql.codegen.factoryMode",
          "FALLBACK",
          "spark.sql.inMemoryColumnarStorage.compressed",
          "false",
          "spark.sql.adaptive.enabled",
          "true");

  private LargeBatch() {}

  /** Runs {@code work} with the large-batch settings, then restores the session's own. */
  public static <T> T run(SparkSession spark, Supplier<T> work) {
    requireNonNull(spark, "spark is null");
    requireNonNull(work, "work is null");
    Map<String, String> previous = new HashMap<>();
    SETTINGS.forEach(
        (key, value) -> {
          previous.put(key, spark.conf().get(key, null));
          spark.conf().set(key, value);
        });
    try {
      return work.get();
    } finally {
      previous.forEach(
          (key, value) -> {
            if (value == null) {
              spark.conf().unset(key);
            } else {
              spark.conf().set(key, value);
            }
          });
    }
  }
}
