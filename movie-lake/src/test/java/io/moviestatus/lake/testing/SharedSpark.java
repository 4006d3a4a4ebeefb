package io.moviestatus.lake.testing;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import io.moviestatus.lake.LocalSpark;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The one local SparkSession of the test JVM, and DataFrame equality (our own: spark-testing-base
 * has no build for Spark 4.0, so both Spark lines use this one).
 */
public final class SharedSpark {

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

  /**
   * Same schema (names, types, nullability) and same rows as a multiset, in any order; a failure
   * lists the rows missing and the rows not expected.
   */
  public static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual) {
    assertSameSchema(expected.schema(), actual.schema());
    assertThat(actual.collectAsList())
        .as("rows of the frame (in any order)")
        .containsExactlyInAnyOrderElementsOf(expected.collectAsList());
  }

  /**
   * Same schema and the same rows in the same order, float, double and decimal values equal within
   * {@code tolerance}; a failure names the row, the column and both values.
   */
  public static void assertSameRowsWithin(
      Dataset<Row> expected, Dataset<Row> actual, double tolerance) {
    assertSameSchema(expected.schema(), actual.schema());
    List<Row> want = expected.collectAsList();
    List<Row> got = actual.collectAsList();
    assertThat(got).as("row count").hasSize(want.size());
    String[] names = expected.schema().fieldNames();
    for (int r = 0; r < want.size(); r++) {
      for (int c = 0; c < names.length; c++) {
        Object w = want.get(r).get(c);
        Object g = got.get(r).get(c);
        assertThat(closeEnough(w, g, tolerance))
            .as(
                "row %d, column %s: expected %s but was %s (tolerance %s)",
                r, names[c], w, g, tolerance)
            .isTrue();
      }
    }
  }

  private static void assertSameSchema(StructType expected, StructType actual) {
    assertThat(actual.treeString()).as("schema of the frame").isEqualTo(expected.treeString());
  }

  private static boolean closeEnough(Object expected, Object actual, double tolerance) {
    if (expected instanceof Double || expected instanceof Float) {
      if (!(actual instanceof Double || actual instanceof Float)) {
        return false;
      }
      double w = ((Number) expected).doubleValue();
      double g = ((Number) actual).doubleValue();
      return Double.compare(w, g) == 0 || Math.abs(w - g) <= tolerance;
    }
    if (expected instanceof BigDecimal w && actual instanceof BigDecimal g) {
      return w.subtract(g).abs().compareTo(BigDecimal.valueOf(tolerance)) <= 0;
    }
    return Objects.equals(expected, actual);
  }
}
