package io.moviestatus.ingest;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * A hand-written fake store: the local disk under the scheme {@code nofc:}, which (like some object
 * stores) has a FileSystem but no FileContext binding. With {@link #FAIL_AFTER_BYTES} set, every
 * file it writes fails with an IOException after that many bytes, like a full disk or a dropped
 * connection.
 */
public class NoFileContextFileSystem extends RawLocalFileSystem {

  static final String SCHEME = "nofc";
  static final String FAIL_AFTER_BYTES = "test.nofc.fail-after-bytes";

  /** A configuration that maps {@code nofc:} to this class, uncached. */
  static Configuration configuration(long failAfterBytes) {
    Configuration conf = new Configuration();
    conf.set("fs." + SCHEME + ".impl", NoFileContextFileSystem.class.getName());
    conf.setBoolean("fs." + SCHEME + ".impl.disable.cache", true);
    conf.setLong(FAIL_AFTER_BYTES, failAfterBytes);
    return conf;
  }

  @Override
  public URI getUri() {
    return URI.create(SCHEME + ":///");
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  @Override
  public FSDataOutputStream create(
      Path f,
      boolean overwrite,
      int bufferSize,
      short replication,
      long blockSize,
      Progressable progress)
      throws IOException {
    return failing(super.create(f, overwrite, bufferSize, replication, blockSize, progress));
  }

  @Override
  public FSDataOutputStream create(
      Path f,
      FsPermission permission,
      boolean overwrite,
      int bufferSize,
      short replication,
      long blockSize,
      Progressable progress)
      throws IOException {
    return failing(
        super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress));
  }

  private FSDataOutputStream failing(FSDataOutputStream out) throws IOException {
    long limit = getConf().getLong(FAIL_AFTER_BYTES, -1);
    if (limit < 0) {
      return out;
    }
    OutputStream counting =
        new FilterOutputStream(out) {
          private long written;

          @Override
          public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            if (written + len > limit) {
              throw new IOException("simulated write failure after " + written + " bytes");
            }
            written += len;
            out.write(b, off, len);
          }
        };
    return new FSDataOutputStream(counting, null);
  }
}
