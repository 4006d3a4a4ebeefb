package io.moviestatus.jobs;

import io.moviestatus.lake.DeltaTables;
import io.moviestatus.lake.TableRegistry;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.TableNaming;
import io.moviestatus.model.Tables;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code movie-status sql "QUERY"}: Spark SQL over the lake's tables by name, CSV on stdout. Each
 * table is addressable as {@code status_fact} (a temporary view) and as {@code movies.status_fact}
 * (registered in the session catalog, as the jobs register them in Unity Catalog), so dashboard
 * queries run unchanged.
 */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description =
        "Run Spark SQL over the lake's tables (by table name or as movies.<table>); print CSV with a header.")
final class SqlCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin LakeOption lake = new LakeOption();
  @Mixin CatalogOption catalog = new CatalogOption();

  @Parameters(
      index = "0",
      paramLabel = "QUERY",
      description = "e.g. \"SELECT * FROM movies_dim LIMIT 5\"")
  String query;

  /**
   * Runs the query; one that Spark cannot parse or analyse (a syntax error, an unknown table or
   * column) is a bad argument: a usage error with the first line of Spark's message.
   */
  @Override
  public Integer call() {
    TableNaming naming = catalog.naming();
    try {
      run(
          Jobs.spark(),
          lake.layout(),
          naming == null ? TableNaming.local() : naming,
          query,
          System.out);
    } catch (Exception e) {
      // Scala's AnalysisException (ParseException among them) is checked to Java, undeclared
      if (e instanceof AnalysisException analysis) {
        throw new ParameterException(spec.commandLine(), Jobs.oneLine(analysis), analysis);
      }
      throw e;
    }
    return 0;
  }

  /** Runs the query over the lake's tables and prints the result as CSV. */
  static void run(
      SparkSession spark, LakeLayout lake, TableNaming naming, String query, PrintStream out) {
    DeltaTables.registerViews(spark, lake, Tables.all());
    TableRegistry.register(spark, lake, naming);
    Dataset<Row> result = spark.sql(query);
    Csv.write(result.schema(), result.collectAsList(), out);
  }
}
