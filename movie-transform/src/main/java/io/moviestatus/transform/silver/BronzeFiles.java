package io.moviestatus.transform.silver;

import io.moviestatus.model.BronzeContract;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.transform.lake.LakeFiles;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * Lists bronze snapshot files. Every year/month folder is walked, so a month boundary never hides a
 * day; temporary files of an in-flight ingest (names that are not {@code yyyy-MM-dd.jsonl}) are
 * skipped.
 */
final class BronzeFiles {

  private BronzeFiles() {}

  static List<BronzeFile> list(Configuration conf, LakeLayout lake, BronzeContract.Source source) {
    return LakeFiles.list(
            conf, BronzeContract.sourceRoot(lake, source), BronzeContract::snapshotDateOf)
        .stream()
        .map(
            file ->
                new BronzeFile(
                    file.path(), source, file.date(), file.modificationTime(), file.size()))
        .toList();
  }
}
