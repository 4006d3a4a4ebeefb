package io.moviestatus.model;

import static java.util.Objects.requireNonNull;

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
