package io.moviestatus.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Top-k selection, pure Java: the best k candidates by score, higher first, ties to the lower movie
 * id; movies in {@code exclude} (what the user already rated) are never chosen.
 */
final class TopK {

  /** A chosen movie and its score. */
  record Scored(int movieId, double score) {}

  private static final Comparator<Scored> BETTER_FIRST =
      Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::movieId);

  private TopK() {}

  /** The k movies with the highest {@code user · item}, excluding {@code exclude}. */
  static List<Scored> byDot(float[] user, ItemFactors items, Set<Integer> exclude, int k) {
    PriorityQueue<Scored> worstFirst = new PriorityQueue<>(k + 1, BETTER_FIRST.reversed());
    for (int i = 0; i < items.size(); i++) {
      int movie = items.id(i);
      if (!exclude.contains(movie)) {
        keep(worstFirst, new Scored(movie, items.dot(user, i)), k);
      }
    }
    return bestFirst(worstFirst);
  }

  /** The best k of {@code candidates}, best first (ties: lower id). */
  static List<Scored> best(List<Scored> candidates, int k) {
    PriorityQueue<Scored> worstFirst = new PriorityQueue<>(k + 1, BETTER_FIRST.reversed());
    for (Scored candidate : candidates) {
      keep(worstFirst, candidate, k);
    }
    return bestFirst(worstFirst);
  }

  /** Adds {@code candidate} to the k best so far (the heap's head is the worst of them). */
  private static void keep(PriorityQueue<Scored> worstFirst, Scored candidate, int k) {
    if (worstFirst.size() < k) {
      worstFirst.add(candidate);
    } else if (BETTER_FIRST.compare(candidate, worstFirst.peek()) < 0) {
      worstFirst.poll();
      worstFirst.add(candidate);
    }
  }

  private static List<Scored> bestFirst(PriorityQueue<Scored> worstFirst) {
    List<Scored> best = new ArrayList<>(worstFirst);
    best.sort(BETTER_FIRST);
    return best;
  }

  /** The first k movies of {@code ordered} (best first) that are not in {@code exclude}. */
  static int[] firstNotIn(int[] ordered, Set<Integer> exclude, int k) {
    int[] chosen = new int[k];
    int n = 0;
    for (int i = 0; i < ordered.length && n < k; i++) {
      if (!exclude.contains(ordered[i])) {
        chosen[n++] = ordered[i];
      }
    }
    return n == k ? chosen : java.util.Arrays.copyOf(chosen, n);
  }

  /**
   * Up to {@code n} movies of {@code rated} most similar to {@code movie} by cosine of their
   * factors, most similar first (ties: lower id); movies the factors do not know are skipped.
   */
  static int[] mostSimilar(ItemFactors items, int movie, int[] rated, int n) {
    int target = items.position(movie);
    if (target < 0) {
      return new int[0];
    }
    List<Scored> similar = new ArrayList<>();
    for (int candidate : rated) {
      int position = items.position(candidate);
      if (position >= 0 && candidate != movie) {
        similar.add(new Scored(candidate, items.cosine(target, position)));
      }
    }
    similar.sort(BETTER_FIRST);
    return similar.stream().limit(n).mapToInt(Scored::movieId).toArray();
  }
}
