package io.moviestatus.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moviestatus.lake.testing.SharedSpark;
import java.io.FileNotFoundException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.AbstractFileSystem;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShelllessLocalFileSystemTest {

  private final SparkSession spark = SharedSpark.spark();
  private final Configuration conf = spark.sparkContext().hadoopConfiguration();
  @TempDir java.nio.file.Path root;

  private Path path(String name) {
    return new Path(root.resolve(name).toUri());
  }

  private static String posix(java.nio.file.Path file) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  @Test
  void theLocalSessionsFileSystemAndFileContextAreTheShelllessOnes() throws Exception {
    assertThat(FileSystem.get(URI.create("file:///"), conf))
        .as("fs.file.impl of the local session")
        .isInstanceOf(ShelllessLocalFileSystem.class);
    assertThat(AbstractFileSystem.get(URI.create("file:///"), conf))
        .as("fs.AbstractFileSystem.file.impl (Delta's HDFSLogStore commits through FileContext)")
        .isInstanceOf(ShelllessLocalFileSystem.Context.class);
  }

  @Test
  void filesAndFoldersGetTheRequestedPermissionsAfterTheUmask() throws Exception {
    FileSystem fs = FileSystem.get(URI.create("file:///"), conf);

    try (FSDataOutputStream out =
        fs.create(
            path("a.txt"), new FsPermission((short) 0640), true, 4096, (short) 1, 1 << 20, null)) {
      out.write(1);
    }
    assertThat(fs.mkdirs(path("folder/inner"), new FsPermission((short) 0750))).isTrue();
    try (FSDataOutputStream out = fs.create(path("b.txt"), true)) { // the default 0666, umask 022
      out.write(1);
    }

    assertThat(posix(root.resolve("a.txt"))).as("created with 0640").isEqualTo("rw-r-----");
    assertThat(posix(root.resolve("folder/inner"))).as("mkdirs with 0750").isEqualTo("rwxr-x---");
    assertThat(posix(root.resolve("b.txt"))).as("default file, umask 022").isEqualTo("rw-r--r--");
    assertThat(root.resolve(".a.txt.crc")).as("the checksum file is written too").exists();
  }

  @Test
  void renameWithoutOverwriteMovesTheFileAndItsChecksumAndRefusesAnExistingTarget()
      throws Exception {
    FileContext context = FileContext.getFileContext(conf);
    try (FSDataOutputStream out = FileSystem.get(URI.create("file:///"), conf).create(path("t"))) {
      out.write("commit".getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(root.resolve("taken.json"), "earlier commit");

    context.rename(path("t"), path("00.json"), Options.Rename.NONE);

    assertThat(root.resolve("00.json")).hasContent("commit");
    assertThat(root.resolve(".00.json.crc")).as("checksum renamed with the file").exists();
    assertThat(root.resolve("t")).doesNotExist();
    Files.writeString(root.resolve("u"), "late commit");
    assertThatThrownBy(() -> context.rename(path("u"), path("taken.json"), Options.Rename.NONE))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(root.resolve("taken.json"))
        .as("the existing commit is kept")
        .hasContent("earlier commit");
  }

  @Test
  void linkStatusTellsLinksFromFilesAndMissingPaths() throws Exception {
    FileSystem fs = FileSystem.get(URI.create("file:///"), conf);
    Files.writeString(root.resolve("target.txt"), "x");
    Files.createSymbolicLink(root.resolve("link.txt"), root.resolve("target.txt"));
    Files.createSymbolicLink(root.resolve("dangling.txt"), root.resolve("gone.txt"));

    FileStatus file = fs.getFileLinkStatus(path("target.txt"));
    FileStatus link = fs.getFileLinkStatus(path("link.txt"));
    FileStatus dangling = fs.getFileLinkStatus(path("dangling.txt"));

    assertThat(file.isSymlink()).as("a regular file").isFalse();
    assertThat(file.getLen()).isEqualTo(1);
    assertThat(link.isSymlink()).as("a link").isTrue();
    assertThat(link.getSymlink()).isEqualTo(path("target.txt"));
    assertThat(dangling.isSymlink()).as("a dangling link").isTrue();
    assertThat(dangling.getSymlink()).isEqualTo(path("gone.txt"));
    assertThatThrownBy(() -> fs.getFileLinkStatus(path("missing.txt")))
        .isInstanceOf(FileNotFoundException.class);
  }

  @Test
  void aDeltaCommitStartsNoProcess() throws Exception {
    List<String> commands;
    try (Recording recording = new Recording()) {
      recording.enable("jdk.ProcessStart").withoutStackTrace();
      recording.start();
      spark.range(3).write().format("delta").save(root.resolve("table").toString());
      spark
          .range(3, 5)
          .write()
          .format("delta")
          .mode("append")
          .save(root.resolve("table").toString());
      recording.stop();
      java.nio.file.Path dump = root.resolve("processes.jfr");
      recording.dump(dump);
      commands =
          RecordingFile.readAllEvents(dump).stream()
              .map((RecordedEvent event) -> event.getString("command"))
              .toList();
    }

    assertThat(spark.read().format("delta").load(root.resolve("table").toString()).count())
        .isEqualTo(5);
    assertThat(commands)
        .as("processes started by two Delta writes (Hadoop's own ran chmod and readlink)")
        .isEmpty();
  }
}
