package io.moviestatus.ingest;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lands a file atomically through the Hadoop file system API: the bytes go to a hidden temporary
 * file with a unique name in the target's folder ({@code .<name>.<uuid>.tmp}, ignored by Spark and
 * Hadoop input formats), which is renamed over the target once complete; on failure the temporary
 * file is deleted and the target stays as it was.
 *
 * <pre>{@code
 * try (AtomicLanding.Staged staged = landing.stage(target)) {
 *   try (OutputStream out = staged.create()) {
 *     out.write(bytes);
 *   }
 *   staged.commit(); // without it, close() deletes the temporary file
 * }
 * }</pre>
 */
final class AtomicLanding {

  private static final Logger LOG = LoggerFactory.getLogger(AtomicLanding.class);
  private static final int BUFFER_BYTES = 1 << 16;

  private final Configuration hadoopConf;

  AtomicLanding(Configuration hadoopConf) {
    this.hadoopConf = requireNonNull(hadoopConf, "hadoopConf is null");
  }

  /** A temporary file for {@code target} (not created until {@link Staged#create()}). */
  Staged stage(String target) throws IOException {
    requireNonNull(target, "target is null");
    Path targetPath = new Path(target);
    FileSystem fs = targetPath.getFileSystem(hadoopConf);
    Path qualified = fs.makeQualified(targetPath);
    Path temp =
        new Path(
            qualified.getParent(), "." + qualified.getName() + "." + UUID.randomUUID() + ".tmp");
    return new Staged(fs, qualified, temp);
  }

  /** Deletes {@code target} if it exists; true when a file was deleted. */
  boolean deleteIfExists(String target) throws IOException {
    requireNonNull(target, "target is null");
    Path path = new Path(target);
    FileSystem fs = path.getFileSystem(hadoopConf);
    return fs.exists(path) && fs.delete(path, false);
  }

  /** One temporary file on its way to its target. */
  final class Staged implements Closeable {
    private final FileSystem fs;
    private final Path target;
    private final Path temp;
    private boolean committed;

    private Staged(FileSystem fs, Path target, Path temp) {
      this.fs = fs;
      this.target = target;
      this.temp = temp;
    }

    Path target() {
      return target;
    }

    Path temp() {
      return temp;
    }

    /** Creates the temporary file (and missing parent folders); the caller closes the stream. */
    OutputStream create() throws IOException {
      return fs.create(temp, false, BUFFER_BYTES);
    }

    /**
     * Renames the temporary file over the target. FileContext's {@code Rename.OVERWRITE} replaces
     * the target in one call; a scheme with no FileContext binding falls back to FileSystem delete
     * + rename (the target is then briefly absent, never partial).
     */
    void commit() throws IOException {
      if (committed) {
        throw new IllegalStateException("already committed: " + target);
      }
      FileContext context;
      try {
        context = FileContext.getFileContext(target.toUri(), hadoopConf);
      } catch (UnsupportedFileSystemException e) {
        context = null;
      }
      if (context != null) {
        context.rename(temp, target, Options.Rename.OVERWRITE);
      } else {
        if (fs.exists(target) && !fs.delete(target, false)) {
          throw new IOException("Could not replace " + target);
        }
        if (!fs.rename(temp, target)) {
          throw new IOException("Could not rename " + temp + " to " + target);
        }
      }
      committed = true;
    }

    /** Deletes the temporary file unless it was committed; never throws. */
    @Override
    public void close() {
      if (committed) {
        return;
      }
      try {
        if (fs.exists(temp) && !fs.delete(temp, false)) {
          LOG.warn("Could not delete temporary file {}", temp);
        }
      } catch (IOException e) {
        LOG.warn("Could not delete temporary file {}: {}", temp, e.toString());
      }
    }
  }
}
