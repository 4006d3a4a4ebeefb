package io.moviestatus.transform.ratings;

import io.moviestatus.lake.internal.LakeFiles;
import io.moviestatus.model.LakeLayout;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * Lists the landed files of the bronze ratings area through the Hadoop FileSystem API (local,
 * abfss://, dbfs:/). Landing is {@link io.moviestatus.ingest.RatingsLanding}'s.
 */
final class RatingsBronze {

  private final Configuration conf;
  private final LakeLayout lake;

  RatingsBronze(Configuration conf, LakeLayout lake) {
    this.conf = conf;
    this.lake = lake;
  }

  /** The landed files of a folder, oldest landing first. */
  List<RatingFile> list(String folder) {
    return LakeFiles.list(conf, lake.bronzeRatings() + "/" + folder, RatingFile::dateOf).stream()
        .map(
            file ->
                new RatingFile(
                    file.path(), folder, file.date(), file.modificationTime(), file.size()))
        .toList();
  }
}
