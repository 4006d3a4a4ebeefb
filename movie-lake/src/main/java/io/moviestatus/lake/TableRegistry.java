package io.moviestatus.lake;

import static java.util.Objects.requireNonNull;

import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.TableContract;
import io.moviestatus.model.TableNaming;
import io.moviestatus.model.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.Literal$;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the lake's Delta tables by name: each contract whose table exists at its lake path
 * becomes an external table {@code <catalog>.<schema>.<table>} at that path, with the contract's
 * description as comment (column comments and NOT NULL constraints are in the Delta schema
 * already). Idempotent: a registered table is left alone; one registered at another location is an
 * error (two lakes sharing a schema).
 *
 * <p>On Databricks the names are Unity Catalog tables; locally the session catalog holds them for
 * the session, so {@code spark.table("movies.status_fact")} works.
 *
 * <pre>{@code
 * List<String> created = TableRegistry.register(spark, lake, TableNaming.of("movie_status", "movies"));
 * }</pre>
 */
public final class TableRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(TableRegistry.class);

  private TableRegistry() {}

  /**
   * Creates the schema when it does not exist (Terraform creates it on Databricks) and registers
   * every existing lake table not registered yet. Returns the display names of the tables this call
   * registered.
   */
  public static List<String> register(SparkSession spark, LakeLayout lake, TableNaming naming) {
    requireNonNull(spark, "spark is null");
    requireNonNull(lake, "lake is null");
    requireNonNull(naming, "naming is null");
    String schema = naming.catalog().map(c -> c + ".").orElse("") + naming.schema();
    if (!spark.catalog().databaseExists(schema)) {
      spark.sql("CREATE SCHEMA IF NOT EXISTS " + naming.schemaIdentifier());
    }
    List<String> created = new ArrayList<>();
    for (TableContract contract : Tables.all()) {
      if (!DeltaTables.exists(spark, lake, contract)) {
        continue;
      }
      String path = lake.tablePath(contract);
      if (spark.catalog().tableExists(naming.displayName(contract))) {
        String registeredAt = location(spark, naming.qualifiedName(contract));
        if (!qualified(spark, registeredAt).equals(qualified(spark, path))) {
          throw new IllegalStateException(
              String.format(
                  "table %s is registered at %s, not at the lake's %s",
                  naming.displayName(contract), registeredAt, path));
        }
        continue;
      }
      spark.sql(
          String.format(
              "CREATE TABLE IF NOT EXISTS %s USING DELTA LOCATION %s COMMENT %s",
              naming.qualifiedName(contract), literal(path), literal(contract.description())));
      created.add(naming.displayName(contract));
    }
    LOG.info("registered {} table(s) in {}: {}", created.size(), schema, created);
    return created;
  }

  private static String location(SparkSession spark, String qualifiedName) {
    return spark.sql("DESCRIBE DETAIL " + qualifiedName).select("location").head().getString(0);
  }

  /** The path with scheme and authority, as the file system reports it. */
  private static String qualified(SparkSession spark, String location) {
    Path path = new Path(location);
    try {
      String qualified =
          path.getFileSystem(spark.sparkContext().hadoopConfiguration())
              .makeQualified(path)
              .toString();
      return qualified.endsWith("/") ? qualified.substring(0, qualified.length() - 1) : qualified;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve " + location, e);
    }
  }

  private static String literal(String value) {
    return Literal$.MODULE$.apply(value).sql();
  }
}
