package com.example.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.moviestatus.lake.LocalSpark;
import io.moviestatus.model.BronzeContract;
import io.moviestatus.model.BronzeContract.Source;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.Tables;
import io.moviestatus.transform.silver.SilverBuild;
import io.moviestatus.transform.silver.SilverBuildReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team's project outside the movie-status build: it imports the line's BOM, depends on
 * movie-transform without a version, builds silver from its own bronze files with the library API
 * and queries the silver tables on local Spark.
 */
class SilverFromBronzeTest {

  private static final LocalDate NOV_20 = LocalDate.of(2026, 11, 20);
  private static final LocalDate NOV_21 = LocalDate.of(2026, 11, 21);

  @TempDir Path root;

  @Test
  void silverBuiltFromTwoDaysOfBronzeHoldsExactlyTheirRows() throws IOException {
    LakeLayout lake = LakeLayout.of(root.toString());
    land(lake, Source.GENRE_MOVIE_LIST, NOV_20, "genre-2026-11-20.jsonl");
    land(lake, Source.DISCOVER_MOVIE, NOV_20, "discover-2026-11-20.jsonl");
    land(lake, Source.DISCOVER_MOVIE, NOV_21, "discover-2026-11-21.jsonl");
    SparkSession spark = LocalSpark.shortRunSession();

    SilverBuildReport report = SilverBuild.builder(spark, lake).build().run();

    assertThat(report.filesBuilt()).as("bronze files built").isEqualTo(3);
    String facts = lake.tablePath(Tables.STATUS_FACT);
    String movies = lake.tablePath(Tables.MOVIES_DIM);
    assertThat(
            rows(
                spark.sql(
                    "SELECT f.movie_id, m.title, f.date_id, f.popularity, f.vote_count"
                        + " FROM delta.`" + facts + "` f JOIN delta.`" + movies + "` m"
                        + " USING (movie_id) ORDER BY f.date_id, f.movie_id")
                    .collectAsList()))
        .as("status facts joined to their movies")
        .containsExactly(
            "550|Fight Club|2026-11-20|61.5|30000",
            "603|The Matrix|2026-11-20|40.25|25000",
            "13|Forrest Gump|2026-11-21|30.0|27000",
            "603|The Matrix|2026-11-21|45.5|25010");
    assertThat(
            rows(
                spark.sql(
                    "SELECT genre_id, genre FROM delta.`"
                        + lake.tablePath(Tables.GENRES_DIM)
                        + "` ORDER BY genre_id")
                    .collectAsList()))
        .as("genres")
        .containsExactly("18|Drama", "28|Action", "35|Comedy");
  }

  private static void land(LakeLayout lake, Source source, LocalDate date, String resource)
      throws IOException {
    Path file = Path.of(BronzeContract.snapshotPath(lake, source, date));
    Files.createDirectories(file.getParent());
    try (InputStream in = SilverFromBronzeTest.class.getResourceAsStream("/bronze/" + resource)) {
      Files.copy(in, file);
    }
  }

  private static List<String> rows(List<Row> rows) {
    return rows.stream().map(row -> row.mkString("|")).toList();
  }
}
