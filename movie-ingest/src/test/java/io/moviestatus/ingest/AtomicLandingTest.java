package io.moviestatus.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public landing helper on the local file system: the target is replaced, never removed. */
class AtomicLandingTest {

  private final Configuration conf = new Configuration();

  @TempDir java.nio.file.Path dir;

  private static AtomicLanding.Content text(String text) {
    return (fs, temp) -> {
      try (OutputStream out = fs.create(temp, false)) {
        out.write(text.getBytes(UTF_8));
      }
    };
  }

  @Test
  void replacingALocalFileNeverLeavesItsNameAbsent() throws Exception {
    java.nio.file.Path file = dir.resolve("report.html");
    Path target = new Path(file.toString());
    AtomicLanding.landWithoutChecksum(conf, target, text("version 0"));
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger absent = new AtomicInteger();
    AtomicInteger looks = new AtomicInteger();
    Thread reader =
        new Thread(
            () -> {
              while (!done.get()) {
                if (!Files.exists(file)) {
                  absent.incrementAndGet();
                }
                looks.incrementAndGet();
              }
            });
    reader.start();
    try {
      for (int i = 1; i <= 300; i++) {
        AtomicLanding.landWithoutChecksum(conf, target, text("version " + i));
      }
    } finally {
      done.set(true);
      reader.join();
    }

    assertThat(looks.get()).as("the reader looked while the file was replaced").isPositive();
    assertThat(absent.get()).as("times the reader found no file (of %d looks)", looks).isZero();
    assertThat(Files.readString(file)).isEqualTo("version 300");
  }

  @Test
  void landingWithoutChecksumLeavesTheFileAloneInItsFolder() throws Exception {
    Path target = new Path(dir.resolve("out/2026-11-25.html").toString());

    Path landed = AtomicLanding.landWithoutChecksum(conf, target, text("<html>"));
    AtomicLanding.landWithoutChecksum(conf, target, text("<html>again"));

    assertThat(landed.toString()).isEqualTo("file:" + dir.resolve("out/2026-11-25.html"));
    try (Stream<java.nio.file.Path> files = Files.list(dir.resolve("out"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no checksum or temporary file")
          .containsExactly("2026-11-25.html");
    }
    assertThat(Files.readString(dir.resolve("out/2026-11-25.html"))).isEqualTo("<html>again");
  }

  @Test
  void aFolderAtTheTargetIsNeitherReplacedNorFilled() throws Exception {
    java.nio.file.Path folder = Files.createDirectories(dir.resolve("taken"));
    Files.writeString(folder.resolve("inside.txt"), "kept");
    Path target = new Path(folder.toString());

    assertThatThrownBy(() -> AtomicLanding.land(conf, target, text("new")))
        .isInstanceOf(IOException.class)
        .hasMessage("Could not replace file:" + folder + ": it is a folder");
    try (Stream<java.nio.file.Path> files = Files.list(folder)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("the folder as it was")
          .containsExactly("inside.txt");
    }
    try (Stream<java.nio.file.Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no temporary file beside it")
          .containsExactly("taken");
    }
  }
}
