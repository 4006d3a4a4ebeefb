package io.moviestatus.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

  private static final double LOG2_3 = Math.log(3) / Math.log(2);
  private static final double LOG2_4 = 2.0;

  @Test
  void hitsAtPositionsOneAndThreeOfThreeRelevant() {
    // list 10, 20, 30, 40 with relevant {10, 30, 99}, k = 4:
    // precision 2/4; recall 2/3; DCG = 1/log2(2) + 1/log2(4) = 1.5;
    // IDCG = 1 + 1/log2(3) + 1/log2(4) = 1.5 + 1/log2(3).
    RankingMetrics m = RankingMetrics.of(new int[] {10, 20, 30, 40}, Set.of(10, 30, 99), 4);

    assertThat(m.precision()).as("precision@4").isEqualTo(0.5);
    assertThat(m.recall()).as("recall@4").isCloseTo(2.0 / 3, within(1e-12));
    assertThat(m.ndcg()).as("NDCG@4").isCloseTo(1.5 / (1.5 + 1 / LOG2_3), within(1e-12));
  }

  @Test
  void onlyTheFirstKPositionsCount() {
    // relevant 40 sits at position 4, beyond k = 2.
    RankingMetrics m = RankingMetrics.of(new int[] {10, 20, 30, 40}, Set.of(20, 40), 2);

    assertThat(m.precision()).as("one hit in the first 2").isEqualTo(0.5);
    assertThat(m.recall()).as("one of two relevant").isEqualTo(0.5);
    assertThat(m.ndcg())
        .as("DCG 1/log2(3), IDCG 1 + 1/log2(3)")
        .isCloseTo((1 / LOG2_3) / (1 + 1 / LOG2_3), within(1e-12));
  }

  @Test
  void aShortListStillDividesPrecisionByK() {
    RankingMetrics m = RankingMetrics.of(new int[] {7}, Set.of(7), 10);

    assertThat(m.precision()).as("1 hit / k 10").isEqualTo(0.1);
    assertThat(m.recall()).isEqualTo(1.0);
    assertThat(m.ndcg()).as("the only relevant movie first").isEqualTo(1.0);
  }

  @Test
  void aListWithoutHitsScoresZero() {
    RankingMetrics m = RankingMetrics.of(new int[] {1, 2, 3}, Set.of(4, 5), 3);

    assertThat(m).isEqualTo(new RankingMetrics(0, 0, 0));
  }

  @Test
  void perfectListOfThreeRelevantAtKFourHasNdcgOne() {
    RankingMetrics m = RankingMetrics.of(new int[] {3, 2, 1, 9}, Set.of(1, 2, 3), 4);

    assertThat(m.ndcg()).as("all relevant first").isCloseTo(1.0, within(1e-12));
    assertThat(m.precision()).isEqualTo(0.75);
    assertThat(1 + 1 / LOG2_3 + 1 / LOG2_4).as("IDCG sanity").isGreaterThan(2);
  }

  @Test
  void aUserWithoutRelevantMoviesIsRejected() {
    assertThatThrownBy(() -> RankingMetrics.of(new int[] {1}, Set.of(), 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no relevant movie");
  }
}
