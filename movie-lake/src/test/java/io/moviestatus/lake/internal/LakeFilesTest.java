package io.moviestatus.lake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.moviestatus.lake.testing.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeFilesTest {

  private final SparkSession spark = SharedSpark.spark();
  @TempDir Path root;

  private static Optional<LocalDate> isoName(String name) {
    return name.endsWith(".txt")
        ? Optional.of(LocalDate.parse(name.substring(0, 10)))
        : Optional.empty();
  }

  @Test
  void listsDatedFilesOfEverySubFolderOldestFirstAndSkipsOthers() throws Exception {
    Path folder = root.resolve("lake with space+plus%/2026");
    Files.createDirectories(folder.resolve("11"));
    Files.createDirectories(folder.resolve("10"));
    Files.writeString(folder.resolve("11/2026-11-01.txt"), "b1\nb2\n");
    Files.writeString(folder.resolve("10/2026-10-31.txt"), "a1\n");
    Files.writeString(folder.resolve("10/.2026-10-30.txt.tmp"), "partial");

    List<LakeFiles.Listed> files =
        LakeFiles.list(
            spark.sparkContext().hadoopConfiguration(),
            root.resolve("lake with space+plus%").toString(),
            LakeFilesTest::isoName);

    assertThat(files)
        .extracting(LakeFiles.Listed::date)
        .containsExactly(LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 1));
    assertThat(files.get(1).size()).isEqualTo(6);
  }

  @Test
  void readLinesTagsEachLineWithTheListedPathEvenWithCharactersUrisEncode() throws Exception {
    Path folder = root.resolve("lake with space+plus%");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("2026-11-01.txt"), "b1\nb2\n");
    Files.writeString(folder.resolve("2026-10-31.txt"), "a1\n");
    List<String> paths =
        LakeFiles.list(
                spark.sparkContext().hadoopConfiguration(),
                folder.toString(),
                LakeFilesTest::isoName)
            .stream()
            .map(LakeFiles.Listed::path)
            .toList();

    List<String> lines =
        LakeFiles.readLines(spark, paths).collectAsList().stream()
            .map((Row row) -> row.getString(0) + " -> " + row.getString(1))
            .sorted()
            .toList();

    assertThat(lines)
        .containsExactly(paths.get(0) + " -> a1", paths.get(1) + " -> b1", paths.get(1) + " -> b2");
  }
}
