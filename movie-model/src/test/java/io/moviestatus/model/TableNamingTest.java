package io.moviestatus.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TableNamingTest {

  private static final LakeLayout LAKE = LakeLayout.of("abfss://lake@acct.dfs.core.windows.net/ms");

  @Test
  void unityCatalogNamingQualifiesEveryTableWithCatalogAndSchema() {
    TableNaming names = TableNaming.of("movie_status_dev", "movies");
    assertThat(names.qualifiedName(Tables.STATUS_FACT))
        .as("SQL identifier")
        .isEqualTo("`movie_status_dev`.`movies`.`status_fact`");
    assertThat(names.displayName(Tables.QUARANTINE))
        .as("name as people write it")
        .isEqualTo("movie_status_dev.movies.quarantine");
    assertThat(names.schemaIdentifier()).isEqualTo("`movie_status_dev`.`movies`");
  }

  @Test
  void localNamingUsesTheMoviesSchemaOfTheCurrentCatalog() {
    TableNaming names = TableNaming.local();
    assertThat(names.catalog()).as("no catalog: the session's current one").isEmpty();
    assertThat(names.qualifiedName(Tables.MOVIES_DIM)).isEqualTo("`movies`.`movies_dim`");
    assertThat(names.displayName(Tables.MOVIES_DIM)).isEqualTo("movies.movies_dim");
  }

  @Test
  void namesResolveToContractsAndPathsAndBack() {
    TableNaming names = TableNaming.of("c", "movies");
    assertThat(names.resolve("status_fact")).isSameAs(Tables.STATUS_FACT);
    assertThat(names.resolve("movies.genre_rankings")).isSameAs(Tables.GENRE_RANKINGS);
    assertThat(names.resolve("`c`.`movies`.`processed_files`")).isSameAs(Tables.PROCESSED_FILES);
    assertThat(names.path(LAKE, "c.movies.movie_rankings"))
        .isEqualTo("abfss://lake@acct.dfs.core.windows.net/ms/gold/movie_rankings");
    assertThat(
            TableNaming.tableAt(
                LAKE, "abfss://lake@acct.dfs.core.windows.net/ms/_state/quarantine/"))
        .as("path -> table, trailing slash ignored")
        .contains(Tables.QUARANTINE);
    assertThat(TableNaming.tableAt(LAKE, "abfss://lake@acct.dfs.core.windows.net/ms/bronze/tmdb"))
        .as("bronze holds files, not tables")
        .isEqualTo(Optional.empty());
  }

  @Test
  void namesOutsideTheSchemaOrCatalogAreRefused() {
    TableNaming names = TableNaming.of("c", "movies");
    assertThatThrownBy(() -> names.resolve("other.status_fact"))
        .hasMessage("table other.status_fact is not in schema movies of the lake's tables");
    assertThatThrownBy(() -> names.resolve("prod.movies.status_fact"))
        .hasMessage("table prod.movies.status_fact is not in catalog c");
    assertThatThrownBy(() -> names.resolve("a.b.c.d")).hasMessage("not a table name: 'a.b.c.d'");
  }

  @Test
  void identifiersThatWouldNeedEscapingAreRefused() {
    assertThatThrownBy(() -> TableNaming.of("c`; DROP", "movies"))
        .hasMessage(
            "catalog name 'c`; DROP' must be letters, digits, underscores and hyphens (not starting with a hyphen)");
    assertThatThrownBy(() -> TableNaming.of(null, "-x"))
        .hasMessageStartingWith("schema name '-x' must be");
  }
}
