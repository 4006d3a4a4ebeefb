package io.moviestatus.ingest;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lands files atomically through the Hadoop file system API — the one helper behind {@link
 * BronzeWriter}, {@link RatingsLanding}, {@link ExportIngestion} and movie-report's HTML report:
 * the content goes to a hidden temporary file with a unique name in the target's folder ({@code
 * .<name>.<uuid>.tmp}, ignored by Spark and Hadoop input formats), which is then renamed over the
 * target. Readers never see a partial file; two landings of the same name at once never share a
 * temporary file (the last rename wins); on failure the temporary file is deleted and the earlier
 * target stays as it was. The earlier target is only ever replaced by the rename, once the new
 * content is complete: on the local file system in one step ({@code rename(2)}), elsewhere as the
 * store's rename-over does it (see {@link #renameOver}).
 *
 * <pre>{@code
 * AtomicLanding.land(conf, target, (fs, temp) -> {
 *   try (OutputStream out = fs.create(temp, false)) {
 *     out.write(bytes);
 *   }
 * });
 * }</pre>
 *
 * <p>{@link #landWithoutChecksum} does the same without the {@code .<name>.crc} file Hadoop's local
 * file system writes beside each file, for a file published as it is (the report).
 *
 * <p>Within this package, two steps ({@code stage}) when the rename must wait, e.g. until a second
 * file is ready:
 *
 * <pre>{@code
 * try (AtomicLanding.Staged staged = AtomicLanding.stage(conf, target)) {
 *   try (OutputStream out = staged.create()) {
 *     out.write(bytes);
 *   }
 *   staged.commit(); // without it, close() deletes the temporary file
 * }
 * }</pre>
 */
public final class AtomicLanding {

  /** Writes a landing's content into its temporary file. */
  @FunctionalInterface
  public interface Content {
    /**
     * Creates {@code temp} on {@code fs} (which creates its folder, as {@code FileSystem.create}
     * does), writes the content and closes it.
     */
    void writeTo(FileSystem fs, Path temp) throws IOException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(AtomicLanding.class);

  private static final int BUFFER_BYTES = 1 << 16;

  /** The local file system's scheme: renames there replace the target in one step. */
  private static final String LOCAL_SCHEME = "file";

  /** Rename attempts when a concurrent landing recreates the target in between. */
  private static final int RENAME_ATTEMPTS = 10;

  /** Striped locks: renames over one target within this JVM take turns. */
  private static final Object[] RENAME_LOCKS = new Object[64];

  static {
    for (int i = 0; i < RENAME_LOCKS.length; i++) {
      RENAME_LOCKS[i] = new Object();
    }
  }

  private AtomicLanding() {}

  /**
   * Writes {@code content} to a temporary file beside {@code target}, then renames it over {@code
   * target}.
   *
   * @param conf the Hadoop configuration (on Spark: {@code
   *     spark.sparkContext().hadoopConfiguration()}), which holds the storage credentials
   * @return the qualified target path
   * @throws IOException when the content cannot be written or renamed; the earlier target, if any,
   *     is then as it was and no temporary file is left
   */
  public static Path land(Configuration conf, Path target, Content content) throws IOException {
    requireNonNull(content, "content is null");
    try (Staged staged = stage(conf, target)) {
      content.writeTo(staged.fs, staged.temp);
      staged.commit();
      return staged.target;
    }
  }

  /**
   * {@link #land} without a checksum file: the temporary file is written through a private instance
   * of the target's file system with checksums off (the shared, cached instance, whose setting
   * other writers rely on, stays untouched), so no {@code .<name>.crc} lands beside the target.
   *
   * @return the qualified target path
   */
  public static Path landWithoutChecksum(Configuration conf, Path target, Content content)
      throws IOException {
    requireNonNull(conf, "conf is null");
    requireNonNull(target, "target is null");
    requireNonNull(content, "content is null");
    try (FileSystem fs = FileSystem.newInstance(target.toUri(), conf)) {
      fs.setWriteChecksum(false);
      Path qualified = fs.makeQualified(target);
      try (Staged staged = new Staged(conf, fs, qualified, temporaryFor(qualified))) {
        content.writeTo(fs, staged.temp);
        staged.commit();
        return qualified;
      }
    }
  }

  /** A unique temporary file for {@code target}, not created yet; see {@link Staged}. */
  static Staged stage(Configuration conf, Path target) throws IOException {
    requireNonNull(conf, "conf is null");
    requireNonNull(target, "target is null");
    FileSystem fs = target.getFileSystem(conf);
    Path qualified = fs.makeQualified(target);
    return new Staged(conf, fs, qualified, temporaryFor(qualified));
  }

  /** Deletes {@code target} if it exists; true when a file was deleted. */
  static boolean deleteIfExists(Configuration conf, Path target) throws IOException {
    requireNonNull(conf, "conf is null");
    requireNonNull(target, "target is null");
    FileSystem fs = target.getFileSystem(conf);
    return fs.exists(target) && fs.delete(target, false);
  }

  /** {@code <folder>/.<name>.<uuid>.tmp}: hidden, unique, and never a lake file name. */
  static Path temporaryFor(Path target) {
    return new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
  }

  /**
   * One temporary file on its way to its target: {@link #commit()} renames it over the target;
   * {@link #close()} deletes it unless committed (so try-with-resources cleans up any failure).
   */
  static final class Staged implements Closeable {
    private final Configuration conf;
    private final FileSystem fs;
    private final Path target;
    private final Path temp;
    private boolean committed;

    private Staged(Configuration conf, FileSystem fs, Path target, Path temp) {
      this.conf = conf;
      this.fs = fs;
      this.target = target;
      this.temp = temp;
    }

    /** The qualified target path. */
    Path target() {
      return target;
    }

    Path temp() {
      return temp;
    }

    /**
     * Creates the temporary file (and missing parent folders) with a 64 KiB buffer; the caller
     * closes the stream before {@link #commit()}.
     */
    OutputStream create() throws IOException {
      return fs.create(temp, false, BUFFER_BYTES);
    }

    /** Renames the temporary file over the target (see {@link AtomicLanding#renameOver}). */
    void commit() throws IOException {
      if (committed) {
        throw new IllegalStateException("already committed: " + target);
      }
      renameOver(conf, fs, temp, target);
      committed = true;
    }

    /** Deletes the temporary file unless it was committed; never throws. */
    @Override
    public void close() {
      if (!committed) {
        deleteQuietly(fs, temp);
      }
    }
  }

  /**
   * Renames {@code temp} over {@code target}. On the local file system ({@code file:}) Hadoop's
   * {@code FileSystem.rename} is {@code rename(2)}, which replaces the target in one step: the
   * target is never absent. Elsewhere FileContext's {@code Rename.OVERWRITE}, atomic on HDFS and
   * one call elsewhere; a scheme with no FileContext binding falls back to FileSystem delete +
   * rename (the file is then briefly absent, never partial).
   *
   * <p>Where OVERWRITE is delete + rename (object stores), a concurrent landing of the same name
   * can put its file back in between: the rename is then tried again, so the last rename wins.
   * Renames of one target within this JVM take turns (the local file system moves a file and its
   * checksum file in two steps, which two renames at once could mix up).
   */
  private static void renameOver(Configuration conf, FileSystem fs, Path temp, Path target)
      throws IOException {
    boolean local = LOCAL_SCHEME.equals(target.toUri().getScheme());
    FileContext context = null;
    if (!local) {
      try {
        context = FileContext.getFileContext(target.toUri(), conf);
      } catch (UnsupportedFileSystemException e) {
        context = null;
      }
    }
    synchronized (RENAME_LOCKS[Math.floorMod(target.hashCode(), RENAME_LOCKS.length)]) {
      for (int attempt = 1; ; attempt++) {
        try {
          if (local) {
            renameLocal(fs, temp, target);
          } else {
            renameOnce(context, fs, temp, target);
          }
          return;
        } catch (FileAlreadyExistsException e) {
          if (attempt == RENAME_ATTEMPTS || !fs.exists(temp)) {
            throw e;
          }
          LOG.debug("{} reappeared while renaming over it; retrying", target);
        }
      }
    }
  }

  /** {@code rename(2)} through Hadoop's local file system (which moves the checksum file too). */
  private static void renameLocal(FileSystem fs, Path temp, Path target) throws IOException {
    // FileSystem.rename would move the file into a folder of the target's name: refuse that
    if (fs.exists(target) && fs.getFileStatus(target).isDirectory()) {
      throw new IOException("Could not replace " + target + ": it is a folder");
    }
    if (!fs.rename(temp, target)) {
      throw new IOException("Could not rename " + temp + " to " + target);
    }
  }

  private static void renameOnce(FileContext context, FileSystem fs, Path temp, Path target)
      throws IOException {
    if (context != null) {
      context.rename(temp, target, Options.Rename.OVERWRITE);
      return;
    }
    if (fs.exists(target) && !fs.delete(target, false)) {
      throw new IOException("Could not replace " + target);
    }
    if (!fs.rename(temp, target)) {
      if (fs.exists(target) && fs.exists(temp)) {
        throw new FileAlreadyExistsException(target + " reappeared before the rename");
      }
      throw new IOException("Could not rename " + temp + " to " + target);
    }
  }

  private static void deleteQuietly(FileSystem fs, Path temp) {
    try {
      if (fs.exists(temp) && !fs.delete(temp, false)) {
        LOG.warn("Could not delete temporary file {}", temp);
      }
    } catch (IOException e) {
      LOG.warn("Could not delete temporary file {}: {}", temp, e.toString());
    }
  }
}
