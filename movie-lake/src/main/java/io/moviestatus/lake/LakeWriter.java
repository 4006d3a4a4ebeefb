package io.moviestatus.lake;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import io.delta.tables.DeltaTable;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.TableContract;
import io.moviestatus.model.Tables;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Delta I/O of ratings, gold and recommender: one method per table write, each a single idempotent
 * Delta commit.
 */
public final class LakeWriter {

  private final SparkSession spark;
  private final LakeLayout lake;

  public LakeWriter(SparkSession spark, LakeLayout lake) {
    this.spark = requireNonNull(spark, "spark is null");
    this.lake = requireNonNull(lake, "lake is null");
  }

  /** The rows of a table, or an empty frame of its schema when it does not exist yet. */
  public Dataset<Row> read(TableContract contract) {
    if (DeltaTables.exists(spark, lake, contract)) {
      return DeltaTable.forPath(spark, lake.tablePath(contract)).toDF();
    }
    return spark.createDataFrame(java.util.List.of(), contract.schema());
  }

  /**
   * Latest rating wins: inserts new (user, movie) pairs, updates a pair only when the incoming
   * rating is newer than the stored one. Replaying the same ratings changes nothing and commits
   * nothing.
   */
  public TableChange mergeRatings(Dataset<Row> ratings, long quarantined) {
    DeltaTable table = DeltaTables.ensure(spark, lake, Tables.RATINGS_FACT);
    long before = DeltaTables.version(table);
    Column storedIsNotOlder =
        col("s.user_key")
            .equalTo(col("t.user_key"))
            .and(col("s.movie_id").equalTo(col("t.movie_id")))
            .and(col("t.rated_at").geq(col("s.rated_at")));
    // Only ratings new to the table or newer than the stored one go into the MERGE: it rewrites
    // every file holding a pair it matches, changed or not, and commits even when nothing changed
    // (a file imported again), which readers such as the recommender would take for new data.
    Dataset<Row> changes =
        ratings.as("s").join(table.toDF().as("t"), storedIsNotOlder, "left_anti");
    if (changes.isEmpty()) {
      return new TableChange(Tables.RATINGS_FACT.name(), 0, 0, 0, quarantined);
    }
    Map<String, String> all = assignments(Tables.RATINGS_FACT);
    table
        .as("t")
        .merge(changes.as("s"), "t.user_key = s.user_key AND t.movie_id = s.movie_id")
        .whenMatched("s.rated_at > t.rated_at")
        .updateExpr(all)
        .whenNotMatched()
        .insertExpr(all)
        .execute();
    return DeltaTables.lastChange(table, before, Tables.RATINGS_FACT.name(), quarantined);
  }

  /** Replaces the quarantine rows of the given source files. */
  public void replaceQuarantine(Dataset<Row> rejected, Collection<String> sourceFiles) {
    LakeState.replaceQuarantine(spark, lake, rejected, sourceFiles);
  }

  /**
   * Replaces the given dates of a date_id table (replaceWhere); one commit. The change counts the
   * rows written and the rows of those dates it replaced, both from the commit's metrics (rows of
   * other dates that Delta copied out of rewritten files are not counted).
   */
  public TableChange replaceDates(
      TableContract contract, Dataset<Row> rows, Collection<LocalDate> dates) {
    DeltaTable table = DeltaTables.ensure(spark, lake, contract);
    long before = DeltaTables.version(table);
    String predicate = DeltaTables.inList("date_id", dates);
    DeltaTables.replaceWhere(select(rows, contract), lake, contract, predicate);
    return DeltaTables.lastChange(table, before, contract.name(), 0);
  }

  /** Replaces the whole table's content; one commit. */
  public TableChange replaceAll(TableContract contract, Dataset<Row> rows) {
    DeltaTable table = DeltaTables.ensure(spark, lake, contract);
    long before = DeltaTables.version(table);
    select(rows, contract).write().format("delta").mode("overwrite").save(lake.tablePath(contract));
    return DeltaTables.lastChange(table, before, contract.name(), 0);
  }

  /** Inserts rows whose key is new, updates the others (every column); one commit. */
  public TableChange upsert(TableContract contract, Dataset<Row> rows) {
    DeltaTable table = DeltaTables.ensure(spark, lake, contract);
    long before = DeltaTables.version(table);
    String on =
        contract.keyColumns().stream()
            .map(column -> "t." + column + " = s." + column)
            .collect(Collectors.joining(" AND "));
    Map<String, String> all = assignments(contract);
    table
        .as("t")
        .merge(select(rows, contract).as("s"), on)
        .whenMatched()
        .updateExpr(all)
        .whenNotMatched()
        .insertExpr(all)
        .execute();
    return DeltaTables.lastChange(table, before, contract.name(), 0);
  }

  private static Dataset<Row> select(Dataset<Row> rows, TableContract contract) {
    return rows.select(
        contract.writableColumns().stream().map(functions::col).toArray(Column[]::new));
  }

  private static Map<String, String> assignments(TableContract contract) {
    return contract.writableColumns().stream()
        .collect(Collectors.toMap(column -> column, column -> "s." + column));
  }
}
