package io.moviestatus.transform;

import static java.util.Objects.requireNonNull;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Lists dated files below a lake folder through the Hadoop FileSystem API (local, abfss://,
 * dbfs:/), walking every sub-folder.
 */
public final class LakeFiles {

  /**
   * A listed file: its qualified path, the date its name stands for, its modification time and
   * size.
   */
  public record Listed(String path, LocalDate date, long modificationTime, long size) {
    public Listed {
      requireNonNull(path, "path is null");
      requireNonNull(date, "date is null");
    }
  }

  private LakeFiles() {}

  /**
   * The files below {@code root} whose name {@code dateOfName} maps to a date (others, such as a
   * writer's temporary files, are skipped), oldest date first; empty when the folder is missing.
   */
  public static List<Listed> list(
      Configuration conf, String root, Function<String, Optional<LocalDate>> dateOfName) {
    Path folder = new Path(root);
    List<Listed> files = new ArrayList<>();
    try {
      FileSystem fs = folder.getFileSystem(conf);
      if (!fs.exists(folder)) {
        return files;
      }
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(folder, true);
      while (it.hasNext()) {
        LocatedFileStatus status = it.next();
        Optional<LocalDate> date = dateOfName.apply(status.getPath().getName());
        if (status.isFile() && date.isPresent()) {
          files.add(
              new Listed(
                  status.getPath().toString(),
                  date.get(),
                  status.getModificationTime(),
                  status.getLen()));
        }
      }
    } catch (FileNotFoundException e) {
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot list files under " + folder + ": " + e.getMessage(), e);
    }
    files.sort(Comparator.comparing(Listed::date).thenComparing(Listed::path));
    return files;
  }
}
