package io.moviestatus.lake.testing;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import io.moviestatus.lake.LocalSpark;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The one local SparkSession of the test JVM, and spark-testing-base's DataFrame equality. */
public final class SharedSpark {

  private static final JavaDataFrameSuiteBase FRAMES = new JavaDataFrameSuiteBase();

  private SharedSpark() {}

  /**
   * The JVM's local session, configured once when first asked for: one shuffle partition (test data
   * is tiny) and queries planned once, as the launcher's short builds run ({@link
   * LocalSpark#shortRunSession()}). A test that changes a setting restores it.
   */
  public static SparkSession spark() {
    return Session.SPARK;
  }

  /** Holder idiom: the session is created and configured on first use, once per JVM. */
  private static final class Session {
    static final SparkSession SPARK = configured(LocalSpark.session());

    private static SparkSession configured(SparkSession spark) {
      spark.sparkContext().setLogLevel("ERROR");
      spark.conf().set("spark.sql.shuffle.partitions", "1");
      spark.conf().set("spark.sql.adaptive.enabled", "false");
      return spark;
    }
  }

  /**
   * The rows of a frame as sorted strings {@code "a|b|c"}: every column in order, cast to string,
   * null as {@code null}. The one way tests read a lake table's content; a transform's output is
   * compared with {@link #assertSameRows} instead.
   */
  public static List<String> rows(Dataset<Row> frame) {
    Column[] fields =
        Arrays.stream(frame.columns())
            .map(name -> coalesce(col(name).cast("string"), lit("null")))
            .toArray(Column[]::new);
    return frame.select(concat_ws("|", fields)).as(Encoders.STRING()).collectAsList().stream()
        .sorted()
        .toList();
  }

  /** Same schema and same rows, in any order (spark-testing-base). */
  public static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual) {
    FRAMES.assertDataFrameNoOrderEquals(expected, actual);
  }
}
