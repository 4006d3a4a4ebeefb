package io.moviestatus.lake;

import static java.util.Objects.requireNonNull;

import io.delta.tables.DeltaColumnBuilder;
import io.delta.tables.DeltaTable;
import io.delta.tables.DeltaTableBuilder;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.TableContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.Literal$;
import org.apache.spark.sql.delta.actions.Action;
import org.apache.spark.sql.delta.actions.CommitInfo;
import org.apache.spark.sql.delta.actions.FileAction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;

/**
 * Delta tables of the lake, created from their contracts. Generated columns go through the {@link
 * DeltaTable} builder because OSS Delta refuses {@code GENERATED ALWAYS AS} in SQL DDL.
 *
 * <pre>{@code
 * DeltaTable facts = DeltaTables.ensure(spark, lake, Tables.STATUS_FACT);
 * }</pre>
 */
public final class DeltaTables {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DeltaTables.class);

  private DeltaTables() {}

  /**
   * Opens the table, creating it from the contract when it does not exist yet. A table written
   * before the contract gained optional columns gets them added (at the end, null in existing rows:
   * one metadata-only commit), so lakes of earlier versions keep working.
   */
  public static DeltaTable ensure(SparkSession spark, LakeLayout lake, TableContract contract) {
    return ensure(spark, lake, contract, Map.of());
  }

  /**
   * {@link #ensure(SparkSession, LakeLayout, TableContract)}, a table it creates getting {@code
   * properties} in its first commit.
   */
  private static DeltaTable ensure(
      SparkSession spark, LakeLayout lake, TableContract contract, Map<String, String> properties) {
    requireNonNull(spark, "spark is null");
    String path = lake.tablePath(contract);
    if (hasLog(spark, path) && DeltaTable.isDeltaTable(spark, path)) {
      DeltaTable table = DeltaTable.forPath(spark, path);
      return addMissingColumns(spark, table, path, contract)
          ? DeltaTable.forPath(spark, path) // reopened: the old handle has the old schema
          : table;
    }
    DeltaTableBuilder builder =
        DeltaTable.createIfNotExists(spark).location(path).comment(contract.description());
    for (Map.Entry<String, String> property : properties.entrySet()) {
      builder = builder.property(property.getKey(), property.getValue());
    }
    for (StructField field : contract.schema().fields()) {
      DeltaColumnBuilder column =
          DeltaTable.columnBuilder(spark, field.name())
              .dataType(field.dataType())
              .nullable(field.nullable())
              .comment(contract.comment(field.name()));
      String expression = contract.generatedColumns().get(field.name());
      if (expression != null) {
        column = column.generatedAlwaysAs(expression);
      }
      builder = builder.addColumn(column.build());
    }
    if (!contract.partitionColumns().isEmpty()) {
      builder = builder.partitionedBy(contract.partitionColumns().toArray(String[]::new));
    }
    return builder.execute();
  }

  private static boolean addMissingColumns(
      SparkSession spark, DeltaTable table, String path, TableContract contract) {
    java.util.Set<String> present = java.util.Set.of(table.toDF().schema().fieldNames());
    java.util.List<String> missing = new java.util.ArrayList<>();
    for (StructField field : contract.schema().fields()) {
      if (present.contains(field.name())) {
        continue;
      }
      if (!field.nullable() || contract.generatedColumns().containsKey(field.name())) {
        throw new IllegalStateException(
            String.format(
                "table %s at %s lacks the required column %s: migrate it by hand",
                contract.name(), path, field.name()));
      }
      missing.add(
          String.format(
              "`%s` %s COMMENT %s",
              field.name(),
              field.dataType().sql(),
              Literal$.MODULE$.apply(contract.comment(field.name())).sql()));
    }
    if (missing.isEmpty()) {
      return false;
    }
    spark.sql(
        String.format(
            "ALTER TABLE delta.`%s` ADD COLUMNS (%s)",
            path.replace("`", "``"), String.join(", ", missing)));
    LOG.info("{}: added column(s) {}", contract.name(), missing);
    return true;
  }

  /**
   * The table's properties (its {@code TBLPROPERTIES}: those set by {@link #setProperties} and
   * Delta's own), read from its latest commit; empty when the table does not exist.
   */
  public static Map<String, String> properties(
      SparkSession spark, LakeLayout lake, TableContract contract) {
    if (!exists(spark, lake, contract)) {
      return Map.of();
    }
    // DESCRIBE DETAIL: a command answered from the refreshed snapshot, no Spark job.
    Row detail =
        DeltaTable.forPath(spark, lake.tablePath(contract)).detail().select("properties").first();
    return detail.isNullAt(0) ? Map.of() : Map.copyOf(detail.<String, String>getJavaMap(0));
  }

  /**
   * Sets table properties in one commit: a table that does not exist yet is created from the
   * contract with them, else an {@code ALTER TABLE … SET TBLPROPERTIES} commits them (metadata
   * only: {@link #dataChangedSince} does not count it).
   */
  public static void setProperties(
      SparkSession spark, LakeLayout lake, TableContract contract, Map<String, String> properties) {
    requireNonNull(properties, "properties is null");
    if (properties.isEmpty()) {
      throw new IllegalArgumentException("no table property to set on " + contract.name());
    }
    if (!exists(spark, lake, contract)) {
      ensure(spark, lake, contract, properties);
      return;
    }
    String assignments =
        properties.entrySet().stream()
            .map(p -> sqlString(p.getKey()) + " = " + sqlString(p.getValue()))
            .collect(java.util.stream.Collectors.joining(", "));
    spark.sql(
        String.format(
            "ALTER TABLE delta.`%s` SET TBLPROPERTIES (%s)",
            lake.tablePath(contract).replace("`", "``"), assignments));
  }

  private static String sqlString(String value) {
    return Literal$.MODULE$.apply(requireNonNull(value, "property is null")).sql();
  }

  /** True when the contract's table exists in the lake. */
  public static boolean exists(SparkSession spark, LakeLayout lake, TableContract contract) {
    String path = lake.tablePath(contract);
    return hasLog(spark, path) && DeltaTable.isDeltaTable(spark, path);
  }

  /**
   * Whether the folder has a {@code _delta_log}: one file-system call, where asking Delta about a
   * missing table initialises its log machinery (about a second in a cold JVM).
   */
  private static boolean hasLog(SparkSession spark, String path) {
    Path log = new Path(path, "_delta_log");
    try {
      return log.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check " + log + ": " + e.getMessage(), e);
    }
  }

  /**
   * Registers a temporary view, named like the table, for every contract whose table exists in the
   * lake, so Spark SQL can address tables by name. Returns the names registered.
   */
  public static java.util.List<String> registerViews(
      SparkSession spark, LakeLayout lake, java.util.Collection<TableContract> contracts) {
    java.util.List<String> registered = new java.util.ArrayList<>();
    for (TableContract contract : contracts) {
      if (exists(spark, lake, contract)) {
        spark
            .read()
            .format("delta")
            .load(lake.tablePath(contract))
            .createOrReplaceTempView(contract.name());
        registered.add(contract.name());
      }
    }
    return registered;
  }

  /**
   * Overwrites the rows matching {@code predicate} with {@code rows} (Delta {@code replaceWhere}):
   * one commit that touches only the files holding matching rows. Writes the contract's writable
   * columns; Delta computes the generated ones and enforces NOT NULL.
   */
  public static void replaceWhere(
      Dataset<Row> rows, LakeLayout lake, TableContract contract, String predicate) {
    replaceWhere(rows, lake, contract, predicate, 0);
  }

  /**
   * {@link #replaceWhere(Dataset, LakeLayout, TableContract, String)} writing files of at most
   * {@code maxRecordsPerFile} rows (0: no cap): a partition's rows are cut into consecutive files
   * in their order, so sorted rows give files of narrow key ranges.
   */
  public static void replaceWhere(
      Dataset<Row> rows,
      LakeLayout lake,
      TableContract contract,
      String predicate,
      long maxRecordsPerFile) {
    rows.select(contract.writableColumns().stream().map(functions::col).toArray(Column[]::new))
        .write()
        .format("delta")
        .mode("overwrite")
        .option("replaceWhere", predicate)
        .option("maxRecordsPerFile", maxRecordsPerFile)
        .save(lake.tablePath(contract));
  }

  /**
   * {@code column IN (literal, …)} with each value rendered as a Spark SQL literal (strings
   * escaped, {@link java.time.LocalDate} as {@code DATE'…'}): the predicate of a replaceWhere or of
   * a pruned read.
   */
  public static String inList(String column, java.util.Collection<?> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("IN list of " + column + " is empty");
    }
    return values.stream()
        .map(v -> v instanceof java.time.LocalDate day ? java.sql.Date.valueOf(day) : v)
        .map(v -> Literal$.MODULE$.apply(v).sql())
        .collect(java.util.stream.Collectors.joining(", ", column + " IN (", ")"));
  }

  /**
   * The version of the table's latest commit this process knows of (no I/O: Delta's cached
   * snapshot, which its own commits advance). Taken before a write and passed to {@link
   * #lastChange}, it tells a write that committed from one Delta skipped.
   */
  public static long version(DeltaTable table) {
    return table.deltaLog().unsafeVolatileSnapshot().version();
  }

  /**
   * Whether any commit after {@code version} added or removed data files of the table: false when
   * the later commits changed metadata only (added columns, table properties). A write that rewrote
   * files without changing a row (a MERGE copies the unchanged rows of every file it touches)
   * counts as a change. Reads only the commits after {@code version}. True when one of them is no
   * longer in the log (cleaned up) or the table's latest version is older than {@code version} (a
   * table written anew).
   *
   * <pre>{@code
   * boolean retrain = DeltaTables.dataChangedSince(spark, lake, Tables.RATINGS_FACT, trainedOn);
   * }</pre>
   */
  public static boolean dataChangedSince(
      SparkSession spark, LakeLayout lake, TableContract contract, long version) {
    DeltaTable table = DeltaTable.forPath(spark, lake.tablePath(contract));
    long latest = version(table);
    if (latest < version) {
      return true;
    }
    long expected = version + 1;
    var commits = table.deltaLog().getChanges(expected, false);
    while (commits.hasNext()) {
      var commit = commits.next();
      long committed = (Long) commit._1();
      if (committed > latest) {
        break; // committed after the version read above: the next run sees it
      }
      if (committed != expected) {
        return true; // a commit in between is gone from the log
      }
      for (Action action : ScalaCollections.asJava(commit._2())) {
        if (action instanceof FileAction file && file.dataChange()) {
          return true;
        }
      }
      expected++;
    }
    return expected <= latest; // a missing commit at the end
  }

  /**
   * Row counts of a write, the latest commit: inserted, updated, deleted, from Delta's operation
   * metrics; all zero when no commit followed {@code versionBefore}. (For overwrites Delta counts
   * rows copied out of rewritten files too, so callers of {@link #replaceWhere} count their own
   * changes.)
   */
  public static TableChange lastChange(
      DeltaTable table, long versionBefore, String name, long quarantined) {
    if (version(table) == versionBefore) {
      // No commit: Delta skips a MERGE that changes nothing (e.g. an empty source).
      return new TableChange(name, 0, 0, 0, quarantined);
    }
    return TableChange.of(name, lastCommit(table), quarantined);
  }

  /** A commit's version, operation (WRITE, MERGE, …) and operation metrics (Delta's names). */
  public record Commit(long version, String operation, Map<String, String> metrics) {
    public Commit {
      requireNonNull(operation, "operation is null");
      metrics = Map.copyOf(metrics);
    }
  }

  /**
   * The table's latest commit this process knows of (see {@link #version}), read from its commit
   * file in the log: {@link DeltaTable#history} answers the same with a Spark job, about half a
   * second per call in a cold JVM.
   */
  public static Commit lastCommit(DeltaTable table) {
    long version = version(table);
    var changes = table.deltaLog().getChanges(version, false);
    while (changes.hasNext()) {
      var change = changes.next();
      if ((Long) change._1() != version) {
        continue;
      }
      for (Action action : ScalaCollections.asJava(change._2())) {
        if (action instanceof CommitInfo info) {
          Map<String, String> metrics =
              info.operationMetrics().isDefined()
                  ? ScalaCollections.asJava(info.operationMetrics().get())
                  : Map.of();
          return new Commit(version, info.operation(), metrics);
        }
      }
    }
    throw new IllegalStateException(
        String.format("commit %d of %s has no commitInfo", version, table.deltaLog().dataPath()));
  }
}
