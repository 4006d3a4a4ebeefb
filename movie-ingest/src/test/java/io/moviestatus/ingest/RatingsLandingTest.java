package io.moviestatus.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moviestatus.model.LakeLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatingsLandingTest {

  private static final LocalDate DAY = LocalDate.of(2026, 11, 25);

  @TempDir Path dir;

  private Path landed(String name) {
    return dir.resolve("lake/bronze/ratings/events/2026/11/2026-11-25-" + name);
  }

  private List<String> folderContents() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("lake/bronze/ratings/events/2026/11"))) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  private Path drop(String folder, String name, String content) throws IOException {
    Path file = dir.resolve(folder).resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, UTF_8);
    return file;
  }

  private static org.apache.hadoop.fs.Path hadoop(Path file) {
    return new org.apache.hadoop.fs.Path(file.toUri());
  }

  @Test
  void landingCopiesTheFileAsIsToItsDatedPath() throws IOException {
    LakeLayout lake = LakeLayout.of(dir.resolve("lake").toUri().toString());
    RatingsLanding landing = new RatingsLanding(new Configuration(), lake);
    Path source = drop("drop", "events.csv", "user_id,movie_id,rating,rated_at\nu1,603,4.5,0\n");

    String path = landing.land(hadoop(source), "events", DAY);

    assertThat(path).as("qualified landed path").isEqualTo(hadoop(landed("events.csv")).toString());
    assertThat(Files.readString(landed("events.csv"), UTF_8))
        .as("content as dropped")
        .isEqualTo("user_id,movie_id,rating,rated_at\nu1,603,4.5,0\n");
    assertThat(folderContents())
        .as("the landed file and its checksum only, no temporary file")
        .containsExactly(".2026-11-25-events.csv.crc", "2026-11-25-events.csv");
  }

  @Test
  void concurrentLandingsOfTheSameNameLeaveOneCompleteFileAndNoTemporaryFile() throws Exception {
    LakeLayout lake = LakeLayout.of(dir.resolve("lake").toUri().toString());
    RatingsLanding landing = new RatingsLanding(new Configuration(), lake);
    int imports = 8;
    List<String> contents = new ArrayList<>();
    List<Path> sources = new ArrayList<>();
    for (int i = 0; i < imports; i++) {
      String content = ("u" + i + ",603,4.5,0\n").repeat(2_000);
      contents.add(content);
      sources.add(drop("drop" + i, "events.csv", content));
    }
    ExecutorService pool = Executors.newFixedThreadPool(imports);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> results = new ArrayList<>();
      for (Path source : sources) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return landing.land(hadoop(source), "events", DAY);
                }));
      }
      start.countDown();
      for (Future<String> result : results) {
        assertThat(result.get())
            .as("every import lands the same path")
            .isEqualTo(hadoop(landed("events.csv")).toString());
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(contents)
        .as("the landed file is one of the imports, complete")
        .contains(Files.readString(landed("events.csv"), UTF_8));
    org.apache.hadoop.fs.Path target = hadoop(landed("events.csv"));
    try (InputStream in = target.getFileSystem(new Configuration()).open(target)) {
      assertThat(contents)
          .as("read through Hadoop: its checksum file matches it")
          .contains(new String(in.readAllBytes(), UTF_8));
    }
    assertThat(folderContents())
        .as("no temporary file left by any import")
        .containsExactly(".2026-11-25-events.csv.crc", "2026-11-25-events.csv");
  }

  @Test
  void failingCopyKeepsTheEarlierLandedFileAndLeavesNoTemporaryFile() throws IOException {
    LakeLayout lake = LakeLayout.of("nofc:" + dir.resolve("lake").toAbsolutePath());
    Path first = drop("monday", "events.csv", "user_id,movie_id,rating,rated_at\nu1,603,4.5,0\n");
    new RatingsLanding(NoFileContextFileSystem.configuration(-1), lake)
        .land(hadoop(first), "events", DAY);
    Path second = drop("tuesday", "events.csv", "x".repeat(10_000));
    RatingsLanding failing = new RatingsLanding(NoFileContextFileSystem.configuration(100), lake);

    assertThatThrownBy(() -> failing.land(hadoop(second), "events", DAY))
        .as("the failed copy is reported")
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot land")
        .hasMessageContaining("simulated write failure");

    assertThat(Files.readString(landed("events.csv"), UTF_8))
        .as("the earlier landed file, intact")
        .isEqualTo("user_id,movie_id,rating,rated_at\nu1,603,4.5,0\n");
    assertThat(folderContents())
        .as("no temporary file left")
        .containsExactly("2026-11-25-events.csv");
  }

  @Test
  void missingInputIsABadArgument() {
    RatingsLanding landing =
        new RatingsLanding(new Configuration(), LakeLayout.of(dir.resolve("lake").toString()));
    String missing = dir.resolve("nowhere").toString();

    assertThatThrownBy(() -> landing.inputFiles(missing))
        .as("listing a missing input")
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ratings input not found: " + missing);
    assertThatThrownBy(() -> landing.isFolder(missing))
        .as("probing a missing input")
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ratings input not found: " + missing);
  }
}
