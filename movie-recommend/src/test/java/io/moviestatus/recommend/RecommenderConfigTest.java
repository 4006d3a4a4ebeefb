package io.moviestatus.recommend;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RecommenderConfig owns the checks of its settings; each message names the setting and value. */
class RecommenderConfigTest {

  private static final RecommenderConfig DEFAULTS = RecommenderConfig.defaults();

  @Test
  void ranksBelowOneOrAnEmptyGridAreRejected() {
    assertThatThrownBy(() -> DEFAULTS.withGrid(List.of(20, 0), DEFAULTS.regParams()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ranks must be whole numbers >= 1, was [20, 0]");
    assertThatThrownBy(
            () ->
                DEFAULTS.withRankingGrid(
                    List.of(), DEFAULTS.rankingRegParams(), DEFAULTS.alphas(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rankingRanks must be whole numbers >= 1, was []");
  }

  @Test
  void negativeOrInfiniteRegParamsAndAlphasAreRejected() {
    assertThatThrownBy(() -> DEFAULTS.withGrid(DEFAULTS.ranks(), List.of(0.1, -0.5)))
        .hasMessage("regParams must be finite numbers >= 0, was [0.1, -0.5]");
    assertThatThrownBy(
            () ->
                DEFAULTS.withRankingGrid(
                    DEFAULTS.rankingRanks(),
                    List.of(Double.POSITIVE_INFINITY),
                    DEFAULTS.alphas(),
                    DEFAULTS.confidences()))
        .hasMessage("rankingRegParams must be finite numbers >= 0, was [Infinity]");
    assertThatThrownBy(
            () ->
                DEFAULTS.withRankingGrid(
                    DEFAULTS.rankingRanks(),
                    DEFAULTS.rankingRegParams(),
                    List.of(Double.NaN),
                    DEFAULTS.confidences()))
        .hasMessage("alphas must be finite numbers >= 0, was [NaN]");
  }

  @Test
  void blocksBelowOneAreRejected() {
    assertThatThrownBy(() -> DEFAULTS.withBlocks(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("blocks must be at least 1, was 0");
  }
}
