package io.moviestatus.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

class TablesTest {

  /** "name TYPE [NOT NULL]" per column, as the original design lists them. */
  private static List<String> ddl(TableContract table) {
    return Arrays.stream(table.schema().fields())
        .map(f -> f.name() + " " + f.dataType().sql() + (f.nullable() ? "" : " NOT NULL"))
        .toList();
  }

  @Test
  void starSchemaMatchesTheOriginalDesignWithGenreSpelledRight() {
    assertThat(ddl(Tables.STATUS_FACT))
        .containsExactly(
            "movie_id INT NOT NULL",
            "date_id DATE NOT NULL",
            "popularity FLOAT",
            "vote_average FLOAT",
            "vote_count INT");
    assertThat(ddl(Tables.MOVIES_DIM))
        .containsExactly(
            "movie_id INT NOT NULL",
            "title STRING",
            "original_language STRING",
            "overview STRING",
            "poster_path STRING",
            "original_title STRING",
            "adult BOOLEAN",
            "video BOOLEAN");
    assertThat(ddl(Tables.GENRES_DIM))
        .containsExactly("genre_id INT NOT NULL", "genre STRING NOT NULL");
    assertThat(ddl(Tables.MOVIES_GENRES))
        .containsExactly("movie_id INT NOT NULL", "genre_id INT NOT NULL");
    assertThat(ddl(Tables.DATES_DIM))
        .containsExactly("date_id DATE NOT NULL", "day INT", "month INT", "year INT");
    assertThat(Tables.DATES_DIM.generatedColumns())
        .containsExactly(
            Map.entry("day", "DAY(date_id)"),
            Map.entry("month", "MONTH(date_id)"),
            Map.entry("year", "YEAR(date_id)"));
    assertThat(Tables.all())
        .extracting(TableContract::name)
        .noneMatch(name -> name.contains("gerne"));
  }

  @Test
  void keysAreTheNaturalKeys() {
    assertThat(Tables.STATUS_FACT.keyColumns()).containsExactly("movie_id", "date_id");
    assertThat(Tables.MOVIES_DIM.keyColumns()).containsExactly("movie_id");
    assertThat(Tables.GENRES_DIM.keyColumns()).containsExactly("genre_id");
    assertThat(Tables.MOVIES_GENRES.keyColumns()).containsExactly("movie_id", "genre_id");
    assertThat(Tables.DATES_DIM.keyColumns()).containsExactly("date_id");
    assertThat(Tables.starSchema()).allMatch(t -> t.layer() == Layer.SILVER);
  }

  @Test
  void writableColumnsLeaveGeneratedColumnsToDelta() {
    assertThat(Tables.DATES_DIM.writableColumns()).containsExactly("date_id");
    assertThat(Tables.DATES_DIM.writableSchema().fieldNames()).containsExactly("date_id");
    assertThat(Tables.STATUS_FACT.notNullColumns()).containsExactly("movie_id", "date_id");
  }

  @Test
  void everyTableNameIsUniqueAndFoundByName() {
    assertThat(Tables.all()).extracting(TableContract::name).doesNotHaveDuplicates();
    for (TableContract table : Tables.all()) {
      assertThat(Tables.byName(table.name())).isSameAs(table);
    }
    assertThatThrownBy(() -> Tables.byName("gernes_dim")).hasMessage("no table named gernes_dim");
  }

  @Test
  void contractRejectsANullableKeyAndUnknownColumns() {
    assertThatThrownBy(
            () ->
                TableContract.builder("t", Layer.SILVER)
                    .optional("id", DataTypes.IntegerType, "")
                    .key("id")
                    .build())
        .hasMessage("key column id of t must be NOT NULL");
    assertThatThrownBy(
            () ->
                TableContract.builder("t", Layer.SILVER)
                    .required("id", DataTypes.IntegerType, "")
                    .key("other")
                    .build())
        .hasMessage("key column other is not in table t");
    assertThatThrownBy(
            () ->
                TableContract.builder("t", Layer.SILVER)
                    .required("id", DataTypes.IntegerType, "")
                    .partitionedBy("day")
                    .build())
        .hasMessage("partition column day is not in table t");
  }

  @Test
  void columnCommentsComeFromTheContract() {
    StructField date = Tables.DATES_DIM.schema().apply("day");
    assertThat(date.getComment().get()).isEqualTo("GENERATED ALWAYS AS (DAY(date_id))");
    assertThat(Tables.STATUS_FACT.comment("vote_average"))
        .startsWith("TMDB vote average, 0 to 10, from the discover snapshot");
  }
}
