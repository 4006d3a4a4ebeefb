package io.moviestatus.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TableReferenceTest {

  @Test
  void readmeTableReferenceIsGeneratedFromTheContracts() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int begin = readme.indexOf(TableReference.BEGIN);
    int end = readme.indexOf(TableReference.END);
    assertThat(begin).as("README has the table reference markers").isNotNegative();
    assertThat(readme.substring(begin, end + TableReference.END.length()))
        .as(
            "README block equals TableReference.readmeBlock(); paste the expected text into README.md")
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
