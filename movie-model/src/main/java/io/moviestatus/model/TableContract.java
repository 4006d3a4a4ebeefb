package io.moviestatus.model;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The single definition of a Delta table: name, layer, schema (with NOT NULL flags and column
 * comments), natural key, generated columns and partitioning. DDL, readers, validators and the
 * table reference ({@code docs/tables.md}) all derive from it.
 *
 * <pre>{@code
 * TableContract dates = TableContract.builder("dates_dim", Layer.SILVER)
 *     .description("Calendar dimension")
 *     .column("date_id", DataTypes.DateType, false, "Snapshot date")
 *     .generated("day", DataTypes.IntegerType, "DAY(date_id)", "Day of month")
 *     .key("date_id")
 *     .build();
 * }</pre>
 */
public record TableContract(
    String name,
    Layer layer,
    String description,
    StructType schema,
    List<String> keyColumns,
    Map<String, String> generatedColumns,
    List<String> partitionColumns) {

  public TableContract {
    requireNonNull(name, "name is null");
    requireNonNull(layer, "layer is null");
    requireNonNull(description, "description is null");
    requireNonNull(schema, "schema is null");
    keyColumns = List.copyOf(requireNonNull(keyColumns, "keyColumns is null"));
    generatedColumns =
        java.util.Collections.unmodifiableMap(
            new LinkedHashMap<>(requireNonNull(generatedColumns, "generatedColumns is null")));
    partitionColumns = List.copyOf(requireNonNull(partitionColumns, "partitionColumns is null"));
    Set<String> columns = Set.of(schema.fieldNames());
    for (String column : keyColumns) {
      check(columns.contains(column), "key column %s is not in table %s", column, name);
      check(!schema.apply(column).nullable(), "key column %s of %s must be NOT NULL", column, name);
    }
    for (String column : generatedColumns.keySet()) {
      check(columns.contains(column), "generated column %s is not in table %s", column, name);
    }
    for (String column : partitionColumns) {
      check(columns.contains(column), "partition column %s is not in table %s", column, name);
    }
  }

  public static Builder builder(String name, Layer layer) {
    return new Builder(name, layer);
  }

  /** Column names in schema order. */
  public List<String> columnNames() {
    return Arrays.asList(schema.fieldNames());
  }

  /** Columns declared NOT NULL. */
  public List<String> notNullColumns() {
    return Arrays.stream(schema.fields())
        .filter(field -> !field.nullable())
        .map(StructField::name)
        .collect(Collectors.toUnmodifiableList());
  }

  /** Columns a writer supplies: every column except the generated ones. */
  public List<String> writableColumns() {
    return columnNames().stream()
        .filter(column -> !generatedColumns.containsKey(column))
        .collect(Collectors.toUnmodifiableList());
  }

  /** The schema a writer supplies (no generated columns). */
  public StructType writableSchema() {
    return new StructType(
        Arrays.stream(schema.fields())
            .filter(field -> !generatedColumns.containsKey(field.name()))
            .toArray(StructField[]::new));
  }

  /** The comment of a column, or an empty string. */
  public String comment(String column) {
    StructField field = schema.apply(column);
    return field.getComment().isDefined() ? field.getComment().get() : "";
  }

  private static void check(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(format, args));
    }
  }

  /** Builds a contract column by column. */
  public static final class Builder {
    private final String name;
    private final Layer layer;
    private String description = "";
    private StructType schema = new StructType();
    private final List<String> keys = new java.util.ArrayList<>();
    private final Map<String, String> generated = new LinkedHashMap<>();
    private final List<String> partitions = new java.util.ArrayList<>();

    private Builder(String name, Layer layer) {
      this.name = requireNonNull(name, "name is null");
      this.layer = requireNonNull(layer, "layer is null");
    }

    public Builder description(String description) {
      this.description = requireNonNull(description, "description is null");
      return this;
    }

    public Builder column(String column, DataType type, boolean nullable, String comment) {
      schema =
          schema.add(
              new StructField(column, type, nullable, Metadata.empty()).withComment(comment));
      return this;
    }

    /** A NOT NULL column. */
    public Builder required(String column, DataType type, String comment) {
      return column(column, type, false, comment);
    }

    /** A nullable column. */
    public Builder optional(String column, DataType type, String comment) {
      return column(column, type, true, comment);
    }

    /** A column computed by Delta from a SQL expression ({@code GENERATED ALWAYS AS}). */
    public Builder generated(String column, DataType type, String expression, String comment) {
      generated.put(column, requireNonNull(expression, "expression is null"));
      return column(column, type, true, comment);
    }

    public Builder key(String... columns) {
      keys.addAll(List.of(columns));
      return this;
    }

    public Builder partitionedBy(String... columns) {
      partitions.addAll(List.of(columns));
      return this;
    }

    public TableContract build() {
      return new TableContract(name, layer, description, schema, keys, generated, partitions);
    }
  }
}
