package io.moviestatus.transform.testing;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import io.moviestatus.transform.lake.LocalSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The one local SparkSession of the test JVM, and spark-testing-base's DataFrame equality. */
public final class SharedSpark {

  private static final JavaDataFrameSuiteBase FRAMES = new JavaDataFrameSuiteBase();

  private SharedSpark() {}

  public static SparkSession spark() {
    SparkSession spark = LocalSpark.session();
    spark.sparkContext().setLogLevel("ERROR");
    spark.conf().set("spark.sql.shuffle.partitions", "1"); // test data is tiny
    return spark;
  }

  /** Same schema and same rows, in any order (spark-testing-base). */
  public static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual) {
    FRAMES.assertDataFrameNoOrderEquals(expected, actual);
  }
}
