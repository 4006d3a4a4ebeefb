package io.moviestatus.transform.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeltaTablesTest {

  @Test
  void inListRendersEscapedStringsAndDateLiterals() {
    assertThat(DeltaTables.inList("source_file", List.of("file:/lake/it's.jsonl", "b")))
        .isEqualTo("source_file IN ('file:/lake/it\\'s.jsonl', 'b')");
    assertThat(
            DeltaTables.inList(
                "date_id", List.of(LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 1))))
        .isEqualTo("date_id IN (DATE '2026-10-31', DATE '2026-11-01')");
  }

  @Test
  void emptyInListIsRefusedRatherThanMatchingNothing() {
    assertThatThrownBy(() -> DeltaTables.inList("date_id", List.of()))
        .hasMessage("IN list of date_id is empty");
  }
}
