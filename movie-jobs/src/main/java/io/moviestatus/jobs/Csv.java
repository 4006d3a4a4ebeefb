package io.moviestatus.jobs;

import java.io.PrintStream;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/** RFC 4180 CSV: header line, then rows; nulls are empty fields. */
final class Csv {

  private Csv() {}

  static void write(StructType schema, List<Row> rows, PrintStream out) {
    out.println(
        String.join(",", java.util.Arrays.stream(schema.fieldNames()).map(Csv::field).toList()));
    for (Row row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length(); i++) {
        if (i > 0) {
          line.append(',');
        }
        line.append(row.isNullAt(i) ? "" : field(String.valueOf(row.get(i))));
      }
      out.println(line);
    }
    out.flush();
  }

  static String field(String value) {
    boolean quote =
        value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }
}
