package io.moviestatus.recommend;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * EASE (Steck 2019, "Embarrassingly Shallow Autoencoders for Sparse Data"), in closed form, with a
 * taste term: two item-item weight matrices over the {@code n} movies with at least a minimum count
 * of ratings, each B = I − P·diag(1/diag(P)) with P = (XᵀX + λI)⁻¹ (so diag(B) = 0):
 *
 * <ul>
 *   <li>{@code rated}: from the binary matrix X (1 where the user rated the movie) — what users
 *       rate together;
 *   <li>{@code taste}: from the signed matrix T (r − t + 0.5 where rated, t the relevance
 *       threshold, the {@link Confidence#CENTERED} value) — which movies are liked or disliked
 *       together.
 * </ul>
 *
 * A user u scores movie j by Σ_i x_ui·B_ij + β·Σ_i t_ui·C_ij. Fit in plain Java on the driver
 * (dense Cholesky inverse, about n³ flops per matrix); memory 2·n²·8 bytes while fitting and 2·n²·4
 * bytes kept (the float weights, broadcast for scoring), which is why its callers bound the number
 * of movies ({@link EaseModel#movies}).
 */
final class Ease implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One user's rated movies (ids) and ratings, same order. */
  record UserRatings(int[] movies, float[] ratings) {}

  private final int[] ids; // ascending
  private final float[] rated; // n × n, row i = weights from input movie i
  private final float[] taste;
  private final double shift;
  private final Map<Integer, Integer> positions = new HashMap<>();

  private Ease(int[] ids, float[] rated, float[] taste, double shift) {
    this.ids = ids;
    this.rated = rated;
    this.taste = taste;
    this.shift = shift;
    for (int i = 0; i < ids.length; i++) {
      positions.put(ids[i], i);
    }
  }

  /** Movie ids rated at least {@code minRatings} times in {@code users}, ascending. */
  static int[] movies(List<UserRatings> users, int minRatings) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (UserRatings user : users) {
      for (int movie : user.movies()) {
        counts.merge(movie, 1, Integer::sum);
      }
    }
    return counts.entrySet().stream()
        .filter(e -> e.getValue() >= minRatings)
        .mapToInt(Map.Entry::getKey)
        .sorted()
        .toArray();
  }

  /**
   * Fits both matrices on {@code users} over {@code movies} (ascending ids; other ratings are left
   * out) with ridge {@code lambda} &gt; 0; a taste value is rating − {@code relevantRating} + 0.5.
   */
  static Ease fit(List<UserRatings> users, int[] movies, double lambda, double relevantRating) {
    if (!(lambda > 0)) {
      throw new IllegalArgumentException("EASE lambda must be > 0, was " + lambda);
    }
    int n = movies.length;
    Map<Integer, Integer> positions = new HashMap<>();
    for (int i = 0; i < n; i++) {
      positions.put(movies[i], i);
    }
    double shift = relevantRating - 0.5;
    double[] binary = new double[n * n];
    double[] signed = new double[n * n];
    for (UserRatings user : users) {
      int m = 0;
      int[] pos = new int[user.movies().length];
      double[] value = new double[pos.length];
      for (int r = 0; r < pos.length; r++) {
        Integer p = positions.get(user.movies()[r]);
        if (p != null) {
          pos[m] = p;
          value[m++] = user.ratings()[r] - shift;
        }
      }
      for (int a = 0; a < m; a++) {
        for (int b = 0; b < m; b++) {
          if (pos[b] <= pos[a]) { // lower triangle
            binary[pos[a] * n + pos[b]] += 1;
            signed[pos[a] * n + pos[b]] += value[a] * value[b];
          }
        }
      }
    }
    return new Ease(movies.clone(), weights(binary, n, lambda), weights(signed, n, lambda), shift);
  }

  /** B = I − P·diag(1/diag(P)), P = (G + λI)⁻¹, of the lower triangle of Gram {@code g}. */
  static float[] weights(double[] g, int n, double lambda) {
    for (int i = 0; i < n; i++) {
      g[i * n + i] += lambda;
    }
    double[] p = invertSpd(g, n);
    float[] b = new float[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        b[i * n + j] = i == j ? 0f : (float) (-p[i * n + j] / p[j * n + j]);
      }
    }
    return b;
  }

  /**
   * The inverse of a symmetric positive definite matrix given by its lower triangle (row-major
   * {@code n × n}; the array is overwritten): Cholesky A = LLᵀ, M = L⁻ᵀ by independent forward
   * solves, A⁻¹ = MMᵀ restricted to k ≥ max(i, j). Returns the full symmetric inverse.
   */
  static double[] invertSpd(double[] a, int n) {
    // Cholesky in place (lower).
    for (int i = 0; i < n; i++) {
      int ri = i * n;
      for (int j = 0; j <= i; j++) {
        int rj = j * n;
        double s = a[ri + j] - dot(a, ri, a, rj, j);
        if (i == j) {
          if (!(s > 0)) {
            throw new ArithmeticException("matrix is not positive definite at row " + i);
          }
          a[ri + i] = Math.sqrt(s);
        } else {
          a[ri + j] = s / a[rj + j];
        }
      }
    }
    // M row j = column j of L⁻¹ (entries k ≥ j): forward substitution L y = e_j.
    double[] m = new double[n * n];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            j -> {
              int rj = j * n;
              m[rj + j] = 1 / a[j * n + j];
              for (int k = j + 1; k < n; k++) {
                int rk = k * n;
                m[rj + k] = -dot(a, rk + j, m, rj + j, k - j) / a[rk + k];
              }
            });
    // A⁻¹[i][j] = Σ_{k ≥ max(i,j)} M[i][k]·M[j][k].
    double[] inverse = a;
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              for (int j = 0; j <= i; j++) {
                double s = dot(m, i * n + i, m, j * n + i, n - i);
                inverse[i * n + j] = s;
              }
            });
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        inverse[i * n + j] = inverse[j * n + i];
      }
    }
    return inverse;
  }

  /** Σ x[xo + q]·y[yo + q] for q &lt; len, four accumulators. */
  private static double dot(double[] x, int xo, double[] y, int yo, int len) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int q = 0;
    for (; q + 3 < len; q += 4) {
      s0 += x[xo + q] * y[yo + q];
      s1 += x[xo + q + 1] * y[yo + q + 1];
      s2 += x[xo + q + 2] * y[yo + q + 2];
      s3 += x[xo + q + 3] * y[yo + q + 3];
    }
    for (; q < len; q++) {
      s0 += x[xo + q] * y[yo + q];
    }
    return s0 + s1 + s2 + s3;
  }

  int size() {
    return ids.length;
  }

  /** Weight of input movie {@code from} on output movie {@code to} in the rated matrix (tests). */
  double ratedWeight(int from, int to) {
    return rated[positions.get(from) * ids.length + positions.get(to)];
  }

  /** Weight of input movie {@code from} on output movie {@code to} in the taste matrix (tests). */
  double tasteWeight(int from, int to) {
    return taste[positions.get(from) * ids.length + positions.get(to)];
  }

  /** Scores of every movie of the model (by position) for a user's ratings; β weighs taste. */
  double[] scores(int[] movies, float[] ratings, double beta) {
    int n = ids.length;
    double[] scores = new double[n];
    for (int r = 0; r < movies.length; r++) {
      Integer p = positions.get(movies[r]);
      if (p == null) {
        continue;
      }
      int row = p * n;
      double t = beta * (ratings[r] - shift);
      for (int j = 0; j < n; j++) {
        scores[j] += rated[row + j] + t * taste[row + j];
      }
    }
    return scores;
  }

  /** The best k movies not in {@code exclude}, best first (ties: lower id). */
  List<TopK.Scored> top(int[] movies, float[] ratings, double beta, Set<Integer> exclude, int k) {
    return top(scores(movies, ratings, beta), exclude, k);
  }

  /** The best k movies by {@code scores} (by position) not in {@code exclude}. */
  List<TopK.Scored> top(double[] scores, Set<Integer> exclude, int k) {
    List<TopK.Scored> all = new ArrayList<>();
    for (int j = 0; j < ids.length; j++) {
      if (!exclude.contains(ids[j])) {
        all.add(new TopK.Scored(ids[j], scores[j]));
      }
    }
    return TopK.best(all, k);
  }

  /**
   * (1 − w)·z(ease) + w·z(other) over the positions not in {@code exclude}, z the standard score
   * among them (a constant score stays 0); {@code other} NaN where it has no score (counted as its
   * mean).
   */
  double[] blend(double[] ease, double[] other, double w, Set<Integer> exclude) {
    double[] ze = standardised(ease, exclude);
    double[] zo = standardised(other, exclude);
    double[] out = new double[ease.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = (1 - w) * ze[j] + w * zo[j];
    }
    return out;
  }

  private double[] standardised(double[] values, Set<Integer> exclude) {
    double sum = 0;
    double squares = 0;
    int n = 0;
    for (int j = 0; j < values.length; j++) {
      if (!exclude.contains(ids[j]) && !Double.isNaN(values[j])) {
        sum += values[j];
        squares += values[j] * values[j];
        n++;
      }
    }
    double mean = n == 0 ? 0 : sum / n;
    double sd = n == 0 ? 0 : Math.sqrt(Math.max(0, squares / n - mean * mean));
    double[] z = new double[values.length];
    for (int j = 0; j < z.length; j++) {
      z[j] = Double.isNaN(values[j]) || sd == 0 ? 0 : (values[j] - mean) / sd;
    }
    return z;
  }

  /**
   * Up to {@code n} movies of {@code basis} with the largest weight on {@code movie} in the rated
   * matrix (its share of the score), largest first, ties to the lower id; movies outside the model
   * are skipped.
   */
  int[] because(int movie, int[] basis, int n) {
    Integer to = positions.get(movie);
    if (to == null) {
      return new int[0];
    }
    List<TopK.Scored> weights = new ArrayList<>();
    for (int candidate : basis) {
      Integer from = positions.get(candidate);
      if (from != null && candidate != movie) {
        weights.add(new TopK.Scored(candidate, rated[from * ids.length + to]));
      }
    }
    weights.sort(
        Comparator.comparingDouble(TopK.Scored::score)
            .reversed()
            .thenComparingInt(TopK.Scored::movieId));
    return weights.stream().limit(n).mapToInt(TopK.Scored::movieId).toArray();
  }

  /** n, shift, β, ids, then both matrices as floats. */
  void write(java.io.DataOutputStream out, double beta) throws java.io.IOException {
    out.writeInt(ids.length);
    out.writeDouble(shift);
    out.writeDouble(beta);
    for (int id : ids) {
      out.writeInt(id);
    }
    for (float w : rated) {
      out.writeFloat(w);
    }
    for (float w : taste) {
      out.writeFloat(w);
    }
  }

  int[] ids() {
    return Arrays.copyOf(ids, ids.length);
  }
}
