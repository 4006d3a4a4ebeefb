package io.moviestatus.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * Where each layer lives under one lake root: a local folder by default, {@code abfss://…} or
 * {@code dbfs:/…} on Azure Databricks.
 *
 * <pre>{@code
 * LakeLayout lake = LakeLayout.of("abfss://lake@acct.dfs.core.windows.net/movie-status");
 * String path = lake.tablePath(Tables.STATUS_FACT); // …/silver/status_fact
 * }</pre>
 */
public record LakeLayout(String root) {

  public LakeLayout {
    requireNonNull(root, "root is null");
    if (root.isBlank()) {
      throw new IllegalArgumentException("lake root is blank");
    }
    while (root.length() > 1 && root.endsWith("/")) {
      root = root.substring(0, root.length() - 1);
    }
  }

  public static LakeLayout of(String root) {
    return new LakeLayout(root);
  }

  public String bronze() {
    return root + "/bronze";
  }

  /** Folder where rating files are dropped: {@code <lake>/bronze/ratings}. */
  public String bronzeRatings() {
    return bronze() + "/ratings";
  }

  /**
   * Folder of TMDB's daily ID exports, {@code <lake>/bronze/tmdb/movie_ids_export} (see {@link
   * BronzeContract#MOVIE_IDS_EXPORT_FOLDER}).
   */
  public String bronzeExport() {
    return bronze() + "/tmdb/" + BronzeContract.MOVIE_IDS_EXPORT_FOLDER;
  }

  /** A day's export as published: {@code <bronzeExport>/<yyyy>/<MM>/<yyyy-MM-dd>.json.gz}. */
  public String exportFile(LocalDate date) {
    requireNonNull(date, "date is null");
    return String.format(
        "%s/%04d/%02d/%s%s",
        bronzeExport(),
        date.getYear(),
        date.getMonthValue(),
        date,
        BronzeContract.EXPORT_FILE_EXTENSION);
  }

  /** The fetch metadata beside a day's export: {@code <exportFile>.meta.json}. */
  public String exportMetadataFile(LocalDate date) {
    return exportFile(date) + BronzeContract.EXPORT_METADATA_SUFFIX;
  }

  public String silver() {
    return root + "/silver";
  }

  public String gold() {
    return root + "/gold";
  }

  /** Processed-file logs, quarantine, models: {@code <lake>/_state}. */
  public String state() {
    return root + "/_state";
  }

  /** The Delta table folder of a contract, under its layer. */
  public String tablePath(TableContract table) {
    requireNonNull(table, "table is null");
    String layerRoot =
        switch (table.layer()) {
          case SILVER -> silver();
          case GOLD -> gold();
          case STATE -> state();
        };
    return layerRoot + "/" + table.name();
  }
}
