package io.moviestatus.transform.ratings;

import io.moviestatus.model.LakeLayout;
import io.moviestatus.transform.lake.LakeFiles;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;

/**
 * The bronze ratings area through the Hadoop FileSystem API (local, abfss://, dbfs:/): lands input
 * files as dropped and lists landed files.
 */
final class RatingsBronze {

  private final Configuration conf;
  private final LakeLayout lake;

  RatingsBronze(Configuration conf, LakeLayout lake) {
    this.conf = conf;
    this.lake = lake;
  }

  /** {@code <lake>/bronze/ratings/<folder>/<yyyy>/<MM>/<date>-<name>}. */
  String landingPath(String folder, LocalDate date, String name) {
    return String.format(
        "%s/%s/%04d/%02d/%s-%s",
        lake.bronzeRatings(), folder, date.getYear(), date.getMonthValue(), date, name);
  }

  /** The regular, non-hidden files of a file or folder input (not recursive), sorted by name. */
  List<Path> inputFiles(String input) {
    Path path = new Path(input);
    try {
      FileSystem fs = path.getFileSystem(conf);
      FileStatus status = fs.getFileStatus(path);
      if (status.isFile()) {
        return List.of(status.getPath());
      }
      List<Path> files = new ArrayList<>();
      for (FileStatus child : fs.listStatus(path)) {
        String name = child.getPath().getName();
        if (child.isFile() && !name.startsWith(".") && !name.startsWith("_")) {
          files.add(child.getPath());
        }
      }
      files.sort(Comparator.comparing(Path::getName));
      return files;
    } catch (FileNotFoundException e) {
      throw new IllegalArgumentException("ratings input not found: " + input, e);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read ratings input " + input + ": " + e.getMessage(), e);
    }
  }

  /** True when the input is a folder. */
  boolean isFolder(String input) {
    Path path = new Path(input);
    try {
      return path.getFileSystem(conf).getFileStatus(path).isDirectory();
    } catch (FileNotFoundException e) {
      throw new IllegalArgumentException("ratings input not found: " + input, e);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read ratings input " + input + ": " + e.getMessage(), e);
    }
  }

  /** True when the file exists. */
  boolean exists(Path file) {
    try {
      return file.getFileSystem(conf).exists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Copies a file into bronze as is; written under a hidden temporary name first and then renamed,
   * so a listing never sees half a file. Landing the same file twice on one day replaces it.
   */
  String land(Path source, String folder, LocalDate date) {
    Path target = new Path(landingPath(folder, date, source.getName()));
    Path temp = new Path(target.getParent(), "." + target.getName() + ".tmp");
    try {
      FileSystem sourceFs = source.getFileSystem(conf);
      FileSystem targetFs = target.getFileSystem(conf);
      targetFs.mkdirs(target.getParent());
      if (!FileUtil.copy(sourceFs, source, targetFs, temp, false, true, conf)) {
        throw new IOException("copy returned false");
      }
      if (targetFs.exists(target)) {
        targetFs.delete(target, false);
      }
      if (!targetFs.rename(temp, target)) {
        throw new IOException("rename of " + temp + " returned false");
      }
      return targetFs.getFileStatus(target).getPath().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot land " + source + " in " + target + ": " + e.getMessage(), e);
    }
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
