package io.moviestatus.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Every Delta table under a lake folder, found by its {@code _delta_log} (so a table added or a
 * column changed elsewhere is compared without touching the test), read with every column, and
 * normalised for what legitimately differs between two runs of the same pipeline into two lakes:
 *
 * <ul>
 *   <li>the lake's own location inside strings (fully qualified file paths) → {@code <lake>};
 *   <li>the run's clock: the columns that record when a build ran ({@code processed_at}, {@code
 *       quarantined_at}, {@code trained_at}), how long it took (any {@code *_seconds} column, e.g.
 *       the recommender's training time) and the bronze files' modification time are dropped;
 *       timestamps of the run inside strings (bronze {@code fetched_at}, model versions such as
 *       {@code als-20261125T220143937Z}) → {@code <time>}.
 * </ul>
 */
final class LakeTables {

  /** Columns whose value is the time a build ran (or a file was written), not data. */
  static final Set<String> RUN_CLOCK_COLUMNS =
      Set.of("processed_at", "quarantined_at", "trained_at", "modification_time");

  private static final String FETCHED_AT = "\"fetched_at\":\"[^\"]*\"";
  private static final String COMPACT_INSTANT = "\\d{8}T\\d{6,9}Z";

  private LakeTables() {}

  /** Lake-relative paths of the Delta tables under {@code lake}, e.g. {@code silver/movies_dim}. */
  static Set<String> tables(Path lake) throws IOException {
    try (Stream<Path> walk = Files.walk(lake)) {
      return walk.filter(p -> p.getFileName().toString().equals("_delta_log"))
          .map(p -> lake.relativize(p.getParent()).toString().replace('\\', '/'))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  /**
   * The table's rows, every column, normalised as described above; {@code lakeInData} is the lake
   * the table was written in (differs from {@code lake} for a copy).
   */
  static Dataset<Row> read(SparkSession spark, Path lake, String table, Path lakeInData) {
    Dataset<Row> rows = spark.read().format("delta").load(lake.resolve(table).toString());
    String root = lakeInData.toAbsolutePath().normalize().toString();
    List<Column> columns =
        Stream.of(rows.schema().fields())
            .filter(f -> !RUN_CLOCK_COLUMNS.contains(f.name()) && !f.name().endsWith("_seconds"))
            .map(f -> normalized(f, root))
            .toList();
    return rows.select(columns.toArray(Column[]::new));
  }

  private static Column normalized(StructField field, String root) {
    Column column = col(field.name());
    if (!field.dataType().equals(DataTypes.StringType)) {
      return column;
    }
    Column text = regexp_replace(column, lit(Pattern.quote(root)), lit("<lake>"));
    text = regexp_replace(text, lit(FETCHED_AT), lit("\"fetched_at\":\"<time>\""));
    text = regexp_replace(text, lit(COMPACT_INSTANT), lit("<time>"));
    return text.as(field.name());
  }

  /** The table's floating-point columns (compared within a tolerance where the test says so). */
  static Set<String> floatingColumns(Dataset<Row> rows) {
    return Stream.of(rows.schema().fields())
        .filter(
            f ->
                f.dataType().equals(DataTypes.DoubleType)
                    || f.dataType().equals(DataTypes.FloatType))
        .map(StructField::name)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
