package io.moviestatus.ingest;

import static java.util.Objects.requireNonNull;

import io.moviestatus.model.LakeLayout;
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
 * Lands rating input files in the bronze ratings area as dropped, through the Hadoop FileSystem API
 * (local, {@code abfss://}, {@code dbfs:/}): {@code
 * <lake>/bronze/ratings/<folder>/<yyyy>/<MM>/<date>-<name>}.
 *
 * <p>Atomic like {@link BronzeWriter}: each file is copied to a uniquely named hidden temporary
 * file beside its target and renamed over it, so a listing never sees half a file, two imports of
 * the same name at once do not collide, and a failed copy leaves the earlier landed file intact and
 * no temporary file behind. Landing the same name twice on one day replaces it.
 */
public final class RatingsLanding {

  private final Configuration conf;
  private final LakeLayout lake;

  /**
   * @param conf the Hadoop configuration (on Spark: {@code
   *     spark.sparkContext().hadoopConfiguration()})
   */
  public RatingsLanding(Configuration conf, LakeLayout lake) {
    this.conf = requireNonNull(conf, "conf is null");
    this.lake = requireNonNull(lake, "lake is null");
  }

  /** {@code <lake>/bronze/ratings/<folder>/<yyyy>/<MM>/<date>-<name>}. */
  public String landingPath(String folder, LocalDate date, String name) {
    requireNonNull(folder, "folder is null");
    requireNonNull(date, "date is null");
    requireNonNull(name, "name is null");
    return String.format(
        "%s/%s/%04d/%02d/%s-%s",
        lake.bronzeRatings(), folder, date.getYear(), date.getMonthValue(), date, name);
  }

  /**
   * The regular, non-hidden files of a file or folder input (not recursive), sorted by name.
   *
   * @throws IllegalArgumentException when the input does not exist
   */
  public List<Path> inputFiles(String input) {
    Path path = new Path(requireNonNull(input, "input is null"));
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

  /**
   * True when the input is a folder.
   *
   * @throws IllegalArgumentException when the input does not exist
   */
  public boolean isFolder(String input) {
    Path path = new Path(requireNonNull(input, "input is null"));
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
  public boolean exists(Path file) {
    requireNonNull(file, "file is null");
    try {
      return file.getFileSystem(conf).exists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Copies a file into bronze as is, atomically (see the class comment).
   *
   * @return the qualified path of the landed file
   */
  public String land(Path source, String folder, LocalDate date) {
    requireNonNull(source, "source is null");
    Path target = new Path(landingPath(folder, date, source.getName()));
    try {
      FileSystem sourceFs = source.getFileSystem(conf);
      return AtomicLanding.land(
              conf,
              target,
              (fs, temp) -> {
                if (!FileUtil.copy(sourceFs, source, fs, temp, false, false, conf)) {
                  throw new IOException("copy returned false");
                }
              })
          .toString();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot land " + source + " in " + target + ": " + e.getMessage(), e);
    }
  }
}
