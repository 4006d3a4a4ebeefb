package io.moviestatus.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopKTest {

  /** Movies 1..5 in two dimensions; scores for user (1, 0) are the first coordinates. */
  private static final ItemFactors ITEMS =
      new ItemFactors(
          new int[] {1, 2, 3, 4, 5},
          new float[][] {{0.5f, 1f}, {3f, 0f}, {2f, 2f}, {3f, 5f}, {-1f, 0f}});

  @Test
  void bestScoresFirstWithTiesToTheLowerMovieId() {
    List<TopK.Scored> top = TopK.byDot(new float[] {1f, 0f}, ITEMS, Set.of(), 3);

    assertThat(top)
        .as("scores 3 (movies 2 and 4, tie: lower id first), then 2 (movie 3)")
        .containsExactly(new TopK.Scored(2, 3.0), new TopK.Scored(4, 3.0), new TopK.Scored(3, 2.0));
  }

  @Test
  void excludedMoviesAreNeverChosen() {
    List<TopK.Scored> top = TopK.byDot(new float[] {1f, 0f}, ITEMS, Set.of(2, 3), 2);

    assertThat(top).extracting(TopK.Scored::movieId).containsExactly(4, 1);
  }

  @Test
  void fewerCandidatesThanKGiveAShorterList() {
    List<TopK.Scored> top = TopK.byDot(new float[] {0f, 1f}, ITEMS, Set.of(1, 2, 3), 10);

    assertThat(top).extracting(TopK.Scored::movieId).containsExactly(4, 5);
  }

  @Test
  void firstNotInSkipsRatedMoviesOfAGlobalOrder() {
    assertThat(TopK.firstNotIn(new int[] {9, 8, 7, 6, 5}, Set.of(8, 6), 2)).containsExactly(9, 7);
    assertThat(TopK.firstNotIn(new int[] {9, 8}, Set.of(9), 3)).containsExactly(8);
  }

  @Test
  void mostSimilarRanksRatedMoviesByCosine() {
    // Movie 3 = (2, 2): cosine with 4 (3, 5) ≈ 0.970, with 1 (0.5, 1) ≈ 0.949, with 2 (3, 0) ≈
    // 0.707, with 5 (-1, 0) ≈ -0.707; 99 is unknown to the factors.
    assertThat(TopK.mostSimilar(ITEMS, 3, new int[] {5, 2, 1, 4, 99}, 3)).containsExactly(4, 1, 2);
    assertThat(TopK.mostSimilar(ITEMS, 99, new int[] {1, 2}, 3)).as("unknown movie").isEmpty();
  }
}
