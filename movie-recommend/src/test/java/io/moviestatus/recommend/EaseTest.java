package io.moviestatus.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * EASE on hand-computed cases. Three users over movies 10, 20, 30: u1 rated {10, 20}, u2 {20, 30},
 * u3 {10, 20, 30}. Gram XᵀX + 1·I = [[3, 2, 1], [2, 4, 2], [1, 2, 3]] (det 16), whose inverse is P
 * = [[0.5, −0.25, 0], [−0.25, 0.5, −0.25], [0, −0.25, 0.5]]; B_ij = −P_ij / P_jj gives B = [[0,
 * 0.5, 0], [0.5, 0, 0.5], [0, 0.5, 0]].
 */
class EaseTest {

  private static final int[] MOVIES = {10, 20, 30};

  /** Every rating 4.5, so with relevance 4 the taste value of each is 1 (= the binary matrix). */
  private static final List<Ease.UserRatings> THREE_USERS =
      List.of(
          new Ease.UserRatings(new int[] {10, 20}, new float[] {4.5f, 4.5f}),
          new Ease.UserRatings(new int[] {20, 30}, new float[] {4.5f, 4.5f}),
          new Ease.UserRatings(new int[] {30, 10, 20}, new float[] {4.5f, 4.5f, 4.5f}));

  @Test
  void inverseOfAThreeByThreeMatrixIsTheHandComputedOne() {
    double[] lower = {3, 0, 0, 2, 4, 0, 1, 2, 3};

    double[] inverse = Ease.invertSpd(lower, 3);

    assertThat(inverse)
        .as("(XᵀX + I)⁻¹ = P")
        .containsExactly(
            new double[] {0.5, -0.25, 0, -0.25, 0.5, -0.25, 0, -0.25, 0.5}, within(1e-12));
  }

  @Test
  void weightsOfThreeUsersAreTheHandComputedMatrixWithAZeroDiagonal() {
    Ease ease = Ease.fit(THREE_USERS, MOVIES, 1.0, 4.0);

    double[][] expected = {{0, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0}};
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertThat(ease.ratedWeight(MOVIES[i], MOVIES[j]))
            .as("B[%d][%d]", MOVIES[i], MOVIES[j])
            .isCloseTo(expected[i][j], within(1e-6));
        assertThat(ease.tasteWeight(MOVIES[i], MOVIES[j]))
            .as("taste values all 1: C = B at [%d][%d]", MOVIES[i], MOVIES[j])
            .isCloseTo(expected[i][j], within(1e-6));
      }
    }
  }

  @Test
  void aUserWhoRatedMovie10GetsMovie20FirstAndTasteWeighsBySignedRatings() {
    Ease ease = Ease.fit(THREE_USERS, MOVIES, 1.0, 4.0);

    // Rated 10 with 5 stars: taste value 1.5; scores = B row 10 + 0.5 · 1.5 · C row 10.
    assertThat(ease.scores(new int[] {10}, new float[] {5f}, 0.5))
        .containsExactly(new double[] {0, 0.5 + 0.75 * 0.5, 0}, within(1e-6));
    // Rated 10 with 1 star: taste value −2.5 turns movie 20 negative at β = 0.5.
    assertThat(ease.scores(new int[] {10}, new float[] {1f}, 0.5))
        .containsExactly(new double[] {0, 0.5 - 1.25 * 0.5, 0}, within(1e-6));
    assertThat(ease.top(new int[] {10}, new float[] {5f}, 0.5, Set.of(10), 2))
        .as("rated movie excluded; 20 before 30, whose score is 0")
        .extracting(TopK.Scored::movieId)
        .containsExactly(20, 30);
  }

  @Test
  void becauseNamesTheUsersMoviesWithTheLargestWeightOnTheRecommendedOne() {
    Ease ease = Ease.fit(THREE_USERS, MOVIES, 1.0, 4.0);

    assertThat(ease.because(20, new int[] {30, 10, 99}, 3))
        .as("10 and 30 weigh 0.5 on 20 (tie: lower id first); 99 is not modelled")
        .containsExactly(10, 30);
    assertThat(ease.because(10, new int[] {30, 20}, 3)).containsExactly(20, 30);
    assertThat(ease.because(99, new int[] {10}, 3)).as("unknown movie").isEmpty();
  }

  @Test
  void moviesBelowTheRatingCountAreLeftOutOfTheModel() {
    assertThat(Ease.movies(THREE_USERS, 2)).containsExactly(10, 20, 30);
    assertThat(Ease.movies(THREE_USERS, 3)).as("only 20 has 3 ratings").containsExactly(20);
  }

  @Test
  void aNonPositiveLambdaIsRefused() {
    assertThatThrownBy(() -> Ease.fit(THREE_USERS, MOVIES, 0, 4.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("EASE lambda must be > 0, was 0.0");
  }

  @Test
  void aMatrixThatIsNotPositiveDefiniteIsRefusedNamingTheRow() {
    assertThatThrownBy(() -> Ease.invertSpd(new double[] {1, 0, 2, 1}, 2))
        .isInstanceOf(ArithmeticException.class)
        .hasMessage("matrix is not positive definite at row 1");
  }

  @Test
  void blendWeighsStandardScoresOverTheUnratedMoviesOnly() {
    Ease ease = Ease.fit(THREE_USERS, MOVIES, 1.0, 4.0);

    // Unrated 20 and 30: EASE scores 1 and 3 standardise to −1 and 1, the other scores 5 and 1 to
    // 1 and −1; rated 10 is left out of the means (it is never chosen anyway).
    double[] blended =
        ease.blend(new double[] {100, 1, 3}, new double[] {-7, 5, 1}, 0.25, Set.of(10));

    assertThat(blended)
        .as("0.75·z(EASE) + 0.25·z(other)")
        .containsExactly(new double[] {0.75 * 98 + 0.25 * -5, -0.5, 0.5}, within(1e-9));
    // EASE 0, 1, 3: mean 4/3, standard deviation √(14/9); the other model has no score for 20.
    assertThat(
            ease.blend(new double[] {0, 1, 3}, new double[] {0, Double.NaN, 1}, 0.5, Set.of())[1])
        .as("NaN: no score of the other model, 0 in its standard scores")
        .isCloseTo(0.5 * (1 - 4.0 / 3) / Math.sqrt(14.0 / 9), within(1e-9));
  }
}
