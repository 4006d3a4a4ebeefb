package io.moviestatus.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moviestatus.model.BronzeContract.Source;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BronzeContractTest {

  private final LakeLayout lake =
      LakeLayout.of("abfss://lake@acct.dfs.core.windows.net/movie-status/");

  @Test
  void snapshotFilesLiveInYearAndMonthFoldersNamedByTheirDate() {
    assertThat(BronzeContract.snapshotPath(lake, Source.DISCOVER_MOVIE, LocalDate.of(2026, 3, 7)))
        .isEqualTo(
            "abfss://lake@acct.dfs.core.windows.net/movie-status/bronze/tmdb/discover_movie/2026/03/2026-03-07.jsonl");
    assertThat(
            BronzeContract.snapshotPath(lake, Source.GENRE_MOVIE_LIST, LocalDate.of(2026, 12, 31)))
        .isEqualTo(
            "abfss://lake@acct.dfs.core.windows.net/movie-status/bronze/tmdb/genre_movie_list/2026/12/2026-12-31.jsonl");
  }

  @Test
  void snapshotDateIsReadBackFromTheFileNameOnly() {
    assertThat(BronzeContract.snapshotDateOf("2026-11-01.jsonl"))
        .contains(LocalDate.of(2026, 11, 1));
    assertThat(BronzeContract.snapshotDateOf(".2026-11-01.jsonl.5f1c.tmp"))
        .as("temporary file")
        .isEmpty();
    assertThat(BronzeContract.snapshotDateOf("2026-02-30.jsonl")).as("no such day").isEmpty();
    assertThat(BronzeContract.snapshotDateOf("2026-11-01.json")).isEmpty();
  }

  @Test
  void lakeLayoutPlacesEachLayerUnderOneRoot() {
    assertThat(lake.root()).isEqualTo("abfss://lake@acct.dfs.core.windows.net/movie-status");
    assertThat(lake.tablePath(Tables.STATUS_FACT)).endsWith("/movie-status/silver/status_fact");
    assertThat(lake.tablePath(Tables.QUARANTINE)).endsWith("/movie-status/_state/quarantine");
    assertThat(lake.bronzeRatings()).endsWith("/movie-status/bronze/ratings");
    assertThatThrownBy(() -> LakeLayout.of(" ")).hasMessage("lake root is blank");
  }

  @Test
  void envelopeSchemaNamesTheFetchMetadata() {
    assertThat(BronzeSchemas.ENVELOPE_SCHEMA.fieldNames())
        .containsExactly(
            "endpoint",
            "snapshot_date",
            "fetched_at",
            "request",
            "page",
            "top_n",
            "http_status",
            "body");
  }
}
