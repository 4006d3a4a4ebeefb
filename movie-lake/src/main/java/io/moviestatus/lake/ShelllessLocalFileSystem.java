package io.moviestatus.lake;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFs;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FSLinkResolver;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FsConstants;
import org.apache.hadoop.fs.FsServerDefaults;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.local.LocalConfigKeys;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system ({@code file:}) without a shell command per file: the local lake's
 * {@code fs.file.impl} and {@code fs.AbstractFileSystem.file.impl} ({@link LocalSpark}).
 *
 * <p>Without Hadoop's native library (not shipped for this platform, and not on a plain {@code
 * spark-submit} or test classpath), Hadoop 3.3's {@link RawLocalFileSystem} runs a process for two
 * calls Spark and Delta make on every file: {@code chmod} in {@code setPermission} (every file and
 * folder created with a permission: each Parquet file, each {@code .crc}, each Delta commit file)
 * and {@code readlink} in {@code getFileLinkStatus} (twice per {@code FileContext.rename}: each
 * Delta commit, as {@code HDFSLogStore} writes it, and its checksum): the 16 tests of
 * SilverBuildTest, one to three small builds each, started 4,872 processes. This class makes the
 * same two calls through {@code java.nio.file}; all else is Hadoop's. A sticky bit, which {@code
 * java.nio} cannot set, still goes through Hadoop.
 */
final class ShelllessLocalFileSystem extends LocalFileSystem {

  /** Hadoop creates it by reflection from {@code fs.file.impl}. */
  ShelllessLocalFileSystem() {
    super(new Raw());
  }

  /** The raw (checksum-less) file system with the two calls replaced. */
  static final class Raw extends RawLocalFileSystem {

    @Override
    public void setPermission(Path path, FsPermission permission) throws IOException {
      if (permission.getStickyBit()) {
        super.setPermission(path, permission);
        return;
      }
      Files.setPosixFilePermissions(pathToFile(path).toPath(), posix(permission));
    }

    /**
     * As Hadoop's: the file's status, or for a symbolic link the link's own status with its
     * (qualified) target; Hadoop's own reads the target with the {@code readlink} command.
     */
    @Override
    public FileStatus getFileLinkStatus(Path path) throws IOException {
      File file = pathToFile(path);
      java.nio.file.Path nio = file.toPath();
      if (!Files.isSymbolicLink(nio)) {
        return getFileStatus(path);
      }
      Path target = new Path(Files.readSymbolicLink(nio).toString());
      FileStatus link;
      if (Files.exists(nio)) {
        FileStatus resolved = getFileStatus(path);
        link =
            new FileStatus(
                resolved.getLen(),
                false,
                resolved.getReplication(),
                resolved.getBlockSize(),
                resolved.getModificationTime(),
                resolved.getAccessTime(),
                resolved.getPermission(),
                resolved.getOwner(),
                resolved.getGroup(),
                target,
                path);
      } else if (Files.exists(nio, LinkOption.NOFOLLOW_LINKS)) { // a dangling link
        link =
            new FileStatus(0, false, 0, 0, 0, 0, FsPermission.getDefault(), "", "", target, path);
      } else {
        throw new FileNotFoundException("File " + path + " does not exist");
      }
      link.setSymlink(FSLinkResolver.qualifySymlinkTarget(getUri(), link.getPath(), target));
      return link;
    }

    static Set<PosixFilePermission> posix(FsPermission permission) {
      return PosixFilePermissions.fromString(
          permission.getUserAction().SYMBOL
              + permission.getGroupAction().SYMBOL
              + permission.getOtherAction().SYMBOL);
    }
  }

  /**
   * The {@code FileContext} side ({@code fs.AbstractFileSystem.file.impl}): Hadoop's {@code
   * LocalFs} (checksums over the raw file system) over {@link Raw}.
   */
  static final class Context extends ChecksumFs {

    /** Hadoop creates it by reflection with the file system's URI and configuration. */
    Context(URI uri, Configuration conf) throws IOException, URISyntaxException {
      super(new RawContext(conf));
    }
  }

  /** Hadoop's {@code RawLocalFs} over {@link Raw}. */
  static final class RawContext extends DelegateToFileSystem {

    RawContext(Configuration conf) throws IOException, URISyntaxException {
      super(FsConstants.LOCAL_FS_URI, new Raw(), conf, FsConstants.LOCAL_FS_URI.getScheme(), false);
    }

    @Override
    public int getUriDefaultPort() {
      return -1;
    }

    @Override
    @Deprecated
    public FsServerDefaults getServerDefaults() throws IOException {
      return LocalConfigKeys.getServerDefaults();
    }

    @Override
    public FsServerDefaults getServerDefaults(Path path) throws IOException {
      return LocalConfigKeys.getServerDefaults();
    }

    @Override
    public boolean isValidName(String src) {
      return true;
    }
  }
}
