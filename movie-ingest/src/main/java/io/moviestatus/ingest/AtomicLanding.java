package io.moviestatus.ingest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
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
 * Lands one file atomically through the Hadoop file system API: the content goes to a hidden
 * temporary file with a unique name in the target's folder ({@code .<name>.<uuid>.tmp}), which is
 * then renamed over the target. Readers never see a partial file; two landings of the same name at
 * once never share a temporary file (the last rename wins); on failure the temporary file is
 * deleted and the earlier target stays as it was.
 */
final class AtomicLanding {

  /** Writes the content to a new file (creating its folder, as {@code FileSystem.create} does). */
  @FunctionalInterface
  interface Content {
    void writeTo(FileSystem fs, Path temp) throws IOException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(AtomicLanding.class);

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
   * @return the qualified target path
   */
  static Path land(Configuration conf, Path target, Content content) throws IOException {
    requireNonNull(conf, "conf is null");
    requireNonNull(target, "target is null");
    requireNonNull(content, "content is null");
    FileSystem fs = target.getFileSystem(conf);
    Path qualified = fs.makeQualified(target);
    Path temp = temporaryFor(qualified);
    boolean renamed = false;
    try {
      content.writeTo(fs, temp);
      renameOver(conf, fs, temp, qualified);
      renamed = true;
      return qualified;
    } finally {
      if (!renamed) {
        deleteQuietly(fs, temp);
      }
    }
  }

  /** {@code <folder>/.<name>.<uuid>.tmp}: hidden, unique, and never a lake file name. */
  static Path temporaryFor(Path target) {
    return new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
  }

  /**
   * Renames {@code temp} over {@code target}. FileContext's {@code Rename.OVERWRITE} is atomic on
   * HDFS and replaces the target in one call elsewhere; a scheme with no FileContext binding falls
   * back to FileSystem delete + rename (the file is then briefly absent, never partial).
   *
   * <p>Where OVERWRITE is delete + rename (local disk, object stores), a concurrent landing of the
   * same name can put its file back in between: the rename is then tried again, so the last rename
   * wins. Renames of one target within this JVM take turns (the local file system moves a file and
   * its checksum file in two steps, which two renames at once could mix up).
   */
  private static void renameOver(Configuration conf, FileSystem fs, Path temp, Path target)
      throws IOException {
    FileContext context;
    try {
      context = FileContext.getFileContext(target.toUri(), conf);
    } catch (UnsupportedFileSystemException e) {
      context = null;
    }
    synchronized (RENAME_LOCKS[Math.floorMod(target.hashCode(), RENAME_LOCKS.length)]) {
      for (int attempt = 1; ; attempt++) {
        try {
          renameOnce(context, fs, temp, target);
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
