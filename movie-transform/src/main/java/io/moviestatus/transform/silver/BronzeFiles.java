package io.moviestatus.transform.silver;

import io.moviestatus.lake.internal.LakeFiles;
import io.moviestatus.model.BronzeContract;
import io.moviestatus.model.LakeLayout;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;

/**
 * Lists bronze snapshot files. Every year/month folder is walked, so a month boundary never hides a
 * day; temporary files of an in-flight ingest (names that are not {@code yyyy-MM-dd.jsonl} or
 * {@code yyyy-MM-dd.json.gz}) are skipped.
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
                    file.path(),
                    source.folder(),
                    file.date(),
                    file.modificationTime(),
                    file.size()))
        .toList();
  }

  /**
   * The complete daily ID exports: those whose metadata file exists. The ingest writes the metadata
   * last (and removes it first when it re-ingests a day), so an export without it is still being
   * written and is left for a later build.
   */
  static List<BronzeFile> listExports(Configuration conf, LakeLayout lake) {
    Set<LocalDate> complete =
        LakeFiles.list(conf, lake.bronzeExport(), BronzeFiles::metadataDateOf).stream()
            .map(LakeFiles.Listed::date)
            .collect(Collectors.toSet());
    return LakeFiles.list(conf, lake.bronzeExport(), BronzeContract::exportDateOf).stream()
        .filter(file -> complete.contains(file.date())) // the ingest has not finished this day yet
        .map(
            file ->
                new BronzeFile(
                    file.path(),
                    BronzeContract.MOVIE_IDS_EXPORT_FOLDER,
                    file.date(),
                    file.modificationTime(),
                    file.size()))
        .toList();
  }

  private static Optional<LocalDate> metadataDateOf(String fileName) {
    String suffix = BronzeContract.EXPORT_METADATA_SUFFIX;
    return fileName.endsWith(suffix)
        ? BronzeContract.exportDateOf(fileName.substring(0, fileName.length() - suffix.length()))
        : Optional.empty();
  }
}
