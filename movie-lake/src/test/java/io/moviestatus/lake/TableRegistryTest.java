package io.moviestatus.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moviestatus.lake.testing.SharedSpark;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.TableContract;
import io.moviestatus.model.TableNaming;
import io.moviestatus.model.Tables;
import java.nio.file.Path;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalog.Column;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableRegistryTest {

  private final SparkSession spark = SharedSpark.spark();
  @TempDir Path root;

  private void write(LakeLayout lake, TableContract contract, Row... rows) {
    new LakeWriter(spark, lake)
        .upsert(contract, spark.createDataFrame(List.of(rows), contract.writableSchema()));
  }

  private static Row fact(int movie, String date, float popularity) {
    return RowFactory.create(movie, Date.valueOf(date), popularity, 7.5f, 100);
  }

  private List<String> rows(String query) {
    return spark.sql(query).collectAsList().stream().map(Row::toString).toList();
  }

  @Test
  void existingLakeTablesBecomeNamedTablesInTheMoviesSchemaWithTheContractComments()
      throws Exception {
    LakeLayout lake = LakeLayout.of(root.resolve("lake").toString());
    write(lake, Tables.STATUS_FACT, fact(2, "2026-11-01", 9.5f), fact(1, "2026-11-01", 3.0f));
    write(lake, Tables.GENRES_DIM, RowFactory.create(28, "Action"));

    List<String> created = TableRegistry.register(spark, lake, TableNaming.local());

    assertThat(created)
        .as("only tables present in the lake, in contract order")
        .containsExactly("movies.status_fact", "movies.genres_dim");
    assertThat(
            spark.table("movies.status_fact").orderBy("movie_id").collectAsList().stream()
                .map(Row::toString)
                .toList())
        .as("spark.table by name reads the lake's rows")
        .containsExactly("[1,2026-11-01,3.0,7.5,100]", "[2,2026-11-01,9.5,7.5,100]");
    assertThat(rows("SELECT genre FROM spark_catalog.movies.genres_dim"))
        .as("fully qualified in the session catalog")
        .containsExactly("[Action]");
    assertThat(spark.catalog().getTable("movies.status_fact").description())
        .as("table comment from the contract")
        .isEqualTo(Tables.STATUS_FACT.description());
    assertThat(
            spark.catalog().listColumns("movies.status_fact").collectAsList().stream()
                .filter(c -> c.name().equals("popularity"))
                .map(Column::description)
                .toList())
        .as("column comment from the contract")
        .containsExactly(Tables.STATUS_FACT.comment("popularity"));
    assertThat(rows("DESCRIBE DETAIL movies.status_fact").get(0))
        .as("an external Delta table at the lake path")
        .contains("delta")
        .contains(lake.tablePath(Tables.STATUS_FACT));
  }

  @Test
  void registeringAgainChangesNothingAndAddsOnlyTablesCreatedSince() {
    LakeLayout lake = LakeLayout.of(root.resolve("lake").toString());
    TableNaming naming = TableNaming.of(null, "again");
    write(lake, Tables.STATUS_FACT, fact(1, "2026-11-01", 3.0f));
    assertThat(TableRegistry.register(spark, lake, naming)).containsExactly("again.status_fact");

    assertThat(TableRegistry.register(spark, lake, naming))
        .as("second registration: nothing new")
        .isEmpty();
    write(lake, Tables.STATUS_FACT, fact(2, "2026-11-02", 4.0f));
    write(
        lake,
        Tables.MOVIES_DIM,
        RowFactory.create(1, "Dune", "en", "Sand.", "/d.jpg", "Dune", false, false));
    assertThat(TableRegistry.register(spark, lake, naming))
        .as("a table the lake gained since")
        .containsExactly("again.movies_dim");

    assertThat(rows("SELECT count(*) FROM again.status_fact"))
        .as("rows written by path after registration are visible by name")
        .containsExactly("[2]");
    assertThat(rows("SHOW TABLES IN again").stream().map(r -> r.split(",")[1]).toList())
        .as("one table per contract present, no duplicates")
        .containsExactlyInAnyOrder("movies_dim", "status_fact");
  }

  @Test
  void aNameAlreadyRegisteredForAnotherLakeIsAnError() {
    LakeLayout first = LakeLayout.of(root.resolve("first").toString());
    LakeLayout second = LakeLayout.of(root.resolve("second").toString());
    TableNaming naming = TableNaming.of(null, "shared");
    write(first, Tables.GENRES_DIM, RowFactory.create(28, "Action"));
    write(second, Tables.GENRES_DIM, RowFactory.create(35, "Comedy"));
    TableRegistry.register(spark, first, naming);

    assertThatThrownBy(() -> TableRegistry.register(spark, second, naming))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("table shared.genres_dim is registered at ")
        .hasMessageEndingWith("not at the lake's " + second.tablePath(Tables.GENRES_DIM));
    assertThat(rows("SELECT genre FROM shared.genres_dim"))
        .as("the first registration stands")
        .containsExactly("[Action]");
  }
}
