package io.moviestatus.ingest;

/** Told after each page of a snapshot is fetched; called from the thread that asked for it. */
@FunctionalInterface
public interface ProgressListener {

  ProgressListener NONE = (fetched, total) -> {};

  /**
   * @param pagesFetched pages fetched so far (1..totalPages)
   * @param totalPages pages the snapshot needs
   */
  void onProgress(int pagesFetched, int totalPages);
}
