package io.moviestatus.model;

/** Medallion layer of a Delta table. Bronze holds raw files only (see {@link BronzeContract}). */
public enum Layer {
  SILVER,
  GOLD,
  /** Pipeline bookkeeping: processed-file logs, quarantine. */
  STATE
}
