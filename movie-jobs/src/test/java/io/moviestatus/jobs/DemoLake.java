package io.moviestatus.jobs;

import io.moviestatus.lake.LocalSpark;
import io.moviestatus.lake.StageTimings;
import io.moviestatus.model.LakeLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The demo lake the tests share: {@code bin/movie-status demo} run once into {@code
 * movie-jobs/target/demo-lake} (the line's build directory: {@code target/spark-4.0/demo-lake} with
 * {@code -Pspark-4.0}). {@link DemoTest} (surefire) always builds it afresh; {@link
 * ReportBrowserIT} (failsafe, later in the same {@code mvn verify}) reuses it, and builds it itself
 * when it runs alone. Reuse needs the same Maven run: both plugins pass {@code
 * movie-status.build-id} (the build's start time, see movie-jobs/pom.xml), which is written beside
 * the lake with the demo's output once the demo has finished; without it (an IDE run) the lake is
 * always built.
 */
final class DemoLake {

  private static final String BUILD_ID = System.getProperty("movie-status.build-id", "");

  /** The demo's printed output and the lake it built. */
  record Built(Path root, String output) {
    LakeLayout layout() {
      return LakeLayout.of(root.toString());
    }
  }

  private DemoLake() {}

  static Path root() {
    return ShadedJarIT.Build.buildDir().resolve("demo-lake");
  }

  /** Written last: the build id on the first line, then the demo's output. */
  private static Path done() {
    return root().resolveSibling("demo-lake.out");
  }

  /** Runs the demo into a fresh {@link #root()}. */
  static Built build() throws IOException {
    Path root = root();
    Files.deleteIfExists(done());
    delete(root);
    Files.createDirectories(root);
    LocalSpark.session().sparkContext().setLogLevel("ERROR");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<StageTimings.Stage> stages;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      stages = DemoCommand.run(LocalSpark.session(), LakeLayout.of(root.toString()), out);
    }
    String output = bytes.toString(StandardCharsets.UTF_8);
    System.out.println(output + "demo lake built in " + root + ":\n" + StageTimings.format(stages));
    Files.writeString(done(), BUILD_ID + "\n" + output, StandardCharsets.UTF_8);
    return new Built(root, output);
  }

  /** The lake this Maven run built, else a new one. */
  static Built reuseOrBuild() throws IOException {
    if (!BUILD_ID.isEmpty() && Files.isRegularFile(done())) {
      String text = Files.readString(done(), StandardCharsets.UTF_8);
      int eol = text.indexOf('\n');
      if (eol > 0 && text.substring(0, eol).equals(BUILD_ID)) {
        System.out.println("demo lake of this build reused: " + root());
        return new Built(root(), text.substring(eol + 1));
      }
    }
    return build();
  }

  /** A copy of the lake's files, to put back with {@link #restore}. */
  static Path snapshot() throws IOException {
    Path copy = root().resolveSibling("demo-lake.snapshot");
    delete(copy);
    copy(root(), copy);
    return copy;
  }

  /** Puts the lake back as {@link #snapshot} found it (same absolute paths, so same state). */
  static void restore(Path snapshot) throws IOException {
    delete(root());
    Files.move(snapshot, root(), StandardCopyOption.ATOMIC_MOVE);
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.copy(
            file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files
          .sorted(Comparator.reverseOrder())
          .forEach(
              file -> {
                try {
                  Files.delete(file);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
