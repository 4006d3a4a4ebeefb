package io.moviestatus.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders the table reference (Markdown) from the contracts; {@code docs/tables.md} embeds its
 * output between {@link #BEGIN} and {@link #END}, and a test keeps the two equal.
 */
public final class TableReference {

  public static final String BEGIN =
      "<!-- table-reference:begin (generated from movie-model Tables; do not edit) -->";
  public static final String END = "<!-- table-reference:end -->";

  private TableReference() {}

  /** Markdown for the given tables. */
  public static String markdown(List<TableContract> tables) {
    StringBuilder out = new StringBuilder();
    for (TableContract table : tables) {
      out.append("#### `")
          .append(table.layer().name().toLowerCase(java.util.Locale.ROOT))
          .append('/')
          .append(table.name())
          .append("`\n\n")
          .append(table.description())
          .append(".");
      if (!table.keyColumns().isEmpty()) {
        out.append(" Key: (").append(String.join(", ", table.keyColumns())).append(").");
      }
      if (!table.partitionColumns().isEmpty()) {
        out.append(" Partitioned by ")
            .append(String.join(", ", table.partitionColumns()))
            .append('.');
      }
      out.append("\n\n| column | type | null | notes |\n|---|---|---|---|\n");
      for (var field : table.schema().fields()) {
        out.append("| `")
            .append(field.name())
            .append("` | ")
            .append(field.dataType().sql())
            .append(" | ")
            .append(field.nullable() ? "" : "NOT NULL")
            .append(" | ")
            .append(table.comment(field.name()))
            .append(" |\n");
      }
      out.append('\n');
    }
    return out.toString().stripTrailing() + "\n";
  }

  /** The block {@code docs/tables.md} holds, markers included. */
  public static String readmeBlock() {
    return BEGIN + "\n" + markdown(Tables.all()) + END;
  }

  /** Column list helper for messages. */
  static String columns(TableContract table) {
    return table.columnNames().stream().collect(Collectors.joining(", "));
  }
}
