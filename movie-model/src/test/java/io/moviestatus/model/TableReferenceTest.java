package io.moviestatus.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TableReferenceTest {

  @Test
  void tableReferenceInDocsIsGeneratedFromTheContracts() throws IOException {
    String tables = Files.readString(Path.of("..", "docs", "tables.md"));
    int begin = tables.indexOf(TableReference.BEGIN);
    int end = tables.indexOf(TableReference.END);
    assertThat(begin).as("docs/tables.md has the table reference begin marker").isNotNegative();
    assertThat(end).as("docs/tables.md has the table reference end marker").isGreaterThan(begin);
    assertThat(tables.substring(begin, end + TableReference.END.length()))
        .as(
            "docs/tables.md block equals TableReference.readmeBlock(); paste the expected text into docs/tables.md")
        .isEqualTo(TableReference.readmeBlock());
  }

  @Test
  void referenceShowsTypesConstraintsAndKeys() {
    String markdown = TableReference.markdown(java.util.List.of(Tables.DATES_DIM));
    assertThat(markdown)
        .contains("#### `silver/dates_dim`")
        .contains("Key: (date_id).")
        .contains("| `date_id` | DATE | NOT NULL | Date |")
        .contains("| `day` | INT |  | GENERATED ALWAYS AS (DAY(date_id)) |");
  }
}
