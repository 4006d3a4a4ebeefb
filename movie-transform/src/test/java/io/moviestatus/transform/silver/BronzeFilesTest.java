package io.moviestatus.transform.silver;

import static io.moviestatus.transform.testing.BronzeFixtures.export;
import static io.moviestatus.transform.testing.BronzeFixtures.exportLine;
import static io.moviestatus.transform.testing.BronzeFixtures.exportWithoutMetadata;
import static org.assertj.core.api.Assertions.assertThat;

import io.moviestatus.model.LakeLayout;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which bronze files a build sees: the listing alone, without Spark. */
class BronzeFilesTest {

  private static final LocalDate NOV_20 = LocalDate.of(2026, 11, 20);
  private static final LocalDate NOV_21 = LocalDate.of(2026, 11, 21);

  @TempDir Path root;

  private List<LocalDate> listedExports() {
    return BronzeFiles.listExports(new Configuration(), LakeLayout.of(root.toString())).stream()
        .map(BronzeFile::snapshotDate)
        .toList();
  }

  @Test
  void anExportWithoutItsMetadataIsStillBeingWrittenAndIsListedOnceItIsComplete() {
    exportWithoutMetadata(root, NOV_20, List.of(exportLine(13, "Forrest Gump", 3.5)));
    export(root, NOV_21, List.of(exportLine(13, "Forrest Gump", 3.5)));

    assertThat(listedExports())
        .as("the unfinished export is left for a later build")
        .containsExactly(NOV_21);

    export(root, NOV_20, List.of(exportLine(13, "Forrest Gump", 3.5)));
    assertThat(listedExports()).as("its metadata written last").containsExactly(NOV_20, NOV_21);
  }
}
