package io.moviestatus.transform;

import io.moviestatus.model.BronzeContract;
import io.moviestatus.model.LakeLayout;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Lists bronze snapshot files through the Hadoop FileSystem API (local, abfss://, dbfs:/). Every
 * year/month folder is walked, so a month boundary never hides a day; temporary files of an
 * in-flight ingest (names that are not {@code yyyy-MM-dd.jsonl}) are skipped.
 */
final class BronzeFiles {

  private BronzeFiles() {}

  static List<BronzeFile> list(Configuration conf, LakeLayout lake, BronzeContract.Source source) {
    Path root = new Path(BronzeContract.sourceRoot(lake, source));
    List<BronzeFile> files = new ArrayList<>();
    try {
      FileSystem fs = root.getFileSystem(conf);
      if (!fs.exists(root)) {
        return files;
      }
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
      while (it.hasNext()) {
        LocatedFileStatus status = it.next();
        Optional<java.time.LocalDate> date =
            BronzeContract.snapshotDateOf(status.getPath().getName());
        // Only snapshot files count; a writer's temporary file is not one yet.
        if (status.isFile() && date.isPresent()) {
          files.add(
              new BronzeFile(
                  status.getPath().toString(),
                  source,
                  date.get(),
                  status.getModificationTime(),
                  status.getLen()));
        }
      }
    } catch (FileNotFoundException e) {
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot list bronze files under " + root + ": " + e.getMessage(), e);
    }
    files.sort(Comparator.comparing(BronzeFile::snapshotDate).thenComparing(BronzeFile::path));
    return files;
  }
}
