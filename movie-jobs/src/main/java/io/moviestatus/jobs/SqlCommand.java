package io.moviestatus.jobs;

import io.moviestatus.model.Tables;
import io.moviestatus.transform.lake.DeltaTables;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code movie-status sql "QUERY"}: Spark SQL over the lake's tables by name, CSV on stdout. */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = "Run Spark SQL over the lake's tables (by table name); print CSV with a header.")
final class SqlCommand implements Callable<Integer> {

  @Mixin LakeOption lake = new LakeOption();

  @Parameters(
      index = "0",
      paramLabel = "QUERY",
      description = "e.g. \"SELECT * FROM movies_dim LIMIT 5\"")
  String query;

  @Override
  public Integer call() {
    run(Jobs.spark(), lake.layout(), query, System.out);
    return 0;
  }

  /** Runs the query over the lake's tables and prints the result as CSV. */
  static void run(
      SparkSession spark,
      io.moviestatus.model.LakeLayout lake,
      String query,
      java.io.PrintStream out) {
    DeltaTables.registerViews(spark, lake, Tables.all());
    Dataset<Row> result = spark.sql(query);
    Csv.write(result.schema(), result.collectAsList(), out);
  }
}
