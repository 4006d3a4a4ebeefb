package io.moviestatus.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
  void aStageThatRanBesideIsIndentedAndLeftOutOfTheTotal() {
    List<StageTimings.Stage> stages =
        List.of(
            new StageTimings.Stage("write status_fact", 5000),
            new StageTimings.Stage("write dates_dim", 2500, true),
            new StageTimings.Stage("write movies_dim", 4000));

    assertThat(StageTimings.format(stages))
        .isEqualTo(
            "  write status_fact               5000 ms\n"
                + "    beside: write dates_dim       2500 ms\n"
                + "  write movies_dim                4000 ms\n"
                + "  total                           9000 ms");
  }

  @Test
  void besideRecordsAStageWithoutEndingTheLap() throws InterruptedException {
    StageTimings timings = new StageTimings("test");
    timings.beside("write dates_dim", 2500);
    Thread.sleep(5);
    timings.mark("write status_fact");

    assertThat(timings.stages())
        .extracting(StageTimings.Stage::name, StageTimings.Stage::beside)
        .containsExactly(tuple("write dates_dim", true), tuple("write status_fact", false));
    assertThat(timings.stages().get(0).millis()).isEqualTo(2500);
    assertThat(timings.stages().get(1).millis())
        .as("the lap runs from creation, through the beside record")
        .isGreaterThanOrEqualTo(5);
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
