package io.moviestatus.transform.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StageTimingsTest {

  @Test
  void formatAlignsOneStagePerLineThenTheTotal() {
    List<StageTimings.Stage> stages =
        List.of(new StageTimings.Stage("state read", 12), new StageTimings.Stage("listing", 3045));

    assertThat(StageTimings.format(stages))
        .isEqualTo(
            "  state read                        12 ms\n"
                + "  listing                         3045 ms\n"
                + "  total                           3057 ms");
  }

  @Test
  void marksEndStagesInOrderWithNonNegativeDurations() {
    StageTimings timings = new StageTimings("test");
    timings.mark("first");
    timings.mark("second");

    assertThat(timings.stages())
        .extracting(StageTimings.Stage::name)
        .containsExactly("first", "second");
    assertThat(timings.stages()).allSatisfy(stage -> assertThat(stage.millis()).isNotNegative());
  }

  @Test
  void formatOfNoStagesIsAZeroTotal() {
    assertThat(StageTimings.format(List.of()))
        .isEqualTo("  total                              0 ms");
  }
}
