package io.moviestatus.transform.silver;

import static java.util.Objects.requireNonNull;

import io.moviestatus.lake.testing.SharedSpark;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.TableContract;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The lake a silver test class shares between its scenarios: its builds, and the rows of its
 * tables, whole or of one scenario's movies or days.
 */
final class SilverTestLake {

  private final SparkSession spark = SharedSpark.spark();
  private final LakeLayout layout;

  /** The lake at {@code root}, where the test writes its bronze fixtures. */
  SilverTestLake(Path root) {
    this.layout = LakeLayout.of(requireNonNull(root, "root is null").toString());
  }

  LakeLayout layout() {
    return layout;
  }

  SparkSession spark() {
    return spark;
  }

  /** A build of this lake, to configure. */
  SilverBuild.Builder builder() {
    return SilverBuild.builder(spark, layout);
  }

  /** An incremental build. */
  SilverBuildReport build() {
    return builder().build().run();
  }

  /** A rebuild of the snapshot dates {@code from} to {@code to}. */
  SilverBuildReport rebuild(LocalDate from, LocalDate to) {
    return builder().range(from, to).build().run();
  }

  Dataset<Row> table(TableContract contract) {
    return spark.read().format("delta").load(layout.tablePath(contract));
  }

  /** Rows of a table as sorted strings "a|b|c" (columns in contract order). */
  List<String> rows(TableContract contract) {
    Column[] columns = contract.columnNames().stream().map(Column::new).toArray(Column[]::new);
    return SharedSpark.rows(table(contract).select(columns));
  }

  /** The rows of a table that satisfy a SQL condition, as {@link #rows(TableContract)}. */
  List<String> rows(TableContract contract, String condition) {
    Column[] columns = contract.columnNames().stream().map(Column::new).toArray(Column[]::new);
    return SharedSpark.rows(table(contract).filter(condition).select(columns));
  }
}
