package io.moviestatus.transform.bench;

import io.moviestatus.lake.LocalSpark;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import scala.Option;

/**
 * The floor under every cold command that touches a Delta table: one fresh JVM starts the
 * launcher's short-run session, then runs, each timed on its own, the first Spark job of the
 * process (a count of ten generated rows), the Delta snapshot of one table (log listing, protocol
 * and metadata), its state reconstruction (the file list, a Spark job Delta runs before any scan)
 * and a count of its rows, then the same count again. {@code scripts/bench-cold.sh} runs it ({@code
 * ONLY=floor}) in a fresh JVM with the launcher's classpath, AppCDS archive and short-command
 * flags:
 *
 * <pre>
 * ./mvnw -B -DskipTests package
 * RUNS=3 ONLY="bare floor" scripts/bench-cold.sh 5000 30
 * </pre>
 *
 * <p>Prints one line: {@code session S s; first Spark job J s; snapshot N s; state reconstruction
 * (F files) R s; count (C rows) T s; same count again A s}.
 */
public final class ColdDeltaFloor {

  private ColdDeltaFloor() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: ColdDeltaFloor DELTA_TABLE_PATH");
      System.exit(2);
    }
    String path = args[0];
    long start = System.nanoTime();
    SparkSession spark = LocalSpark.shortRunSession();
    spark.sparkContext().setLogLevel("ERROR");
    long session = System.nanoTime();
    spark.range(10).count();
    long firstJob = System.nanoTime();
    Snapshot snapshot =
        DeltaLog.forTable(spark, path).update(false, Option.empty(), Option.empty());
    long snapshotLoaded = System.nanoTime();
    long files = snapshot.allFiles().count();
    long reconstructed = System.nanoTime();
    long rows = spark.read().format("delta").load(path).count();
    long counted = System.nanoTime();
    spark.read().format("delta").load(path).count();
    long again = System.nanoTime();
    System.out.printf(
        Locale.ROOT,
        "session %.2f s; first Spark job %.2f s; snapshot %.2f s; state reconstruction (%d files)"
            + " %.2f s; count (%d rows) %.2f s; same count again %.2f s%n",
        seconds(start, session),
        seconds(session, firstJob),
        seconds(firstJob, snapshotLoaded),
        files,
        seconds(snapshotLoaded, reconstructed),
        rows,
        seconds(reconstructed, counted),
        seconds(counted, again));
    spark.stop();
  }

  private static double seconds(long from, long to) {
    return (to - from) / 1e9;
  }
}
