package io.moviestatus.recommend;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The item factors of a matrix-factorisation model in one flat array, small enough to broadcast
 * (movies × rank floats): scores user vectors against every movie and compares movies by cosine.
 */
final class ItemFactors implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int[] ids;
  private final float[] vectors; // ids.length × rank, row-major
  private final double[] norms;
  private final int rank;
  private final Map<Integer, Integer> positions = new HashMap<>();

  ItemFactors(int[] ids, float[][] vectors) {
    if (ids.length != vectors.length) {
      throw new IllegalArgumentException(ids.length + " ids but " + vectors.length + " vectors");
    }
    this.ids = ids.clone();
    this.rank = vectors.length == 0 ? 0 : vectors[0].length;
    this.vectors = new float[ids.length * rank];
    this.norms = new double[ids.length];
    for (int i = 0; i < ids.length; i++) {
      if (vectors[i].length != rank) {
        throw new IllegalArgumentException("vector of movie " + ids[i] + " is not of rank " + rank);
      }
      System.arraycopy(vectors[i], 0, this.vectors, i * rank, rank);
      norms[i] = Math.sqrt(dot(vectors[i], i));
      positions.put(ids[i], i);
    }
  }

  /** From rows of {@code (id INT, features ARRAY<FLOAT>)}, ALS's itemFactors. */
  static ItemFactors of(List<org.apache.spark.sql.Row> rows) {
    int[] ids = new int[rows.size()];
    float[][] vectors = new float[rows.size()][];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = rows.get(i).getInt(0);
      List<Float> features = rows.get(i).getList(1);
      vectors[i] = new float[features.size()];
      for (int f = 0; f < vectors[i].length; f++) {
        vectors[i][f] = features.get(f);
      }
    }
    return new ItemFactors(ids, vectors);
  }

  int size() {
    return ids.length;
  }

  int id(int position) {
    return ids[position];
  }

  /** Position of a movie, or -1 when the model does not know it. */
  int position(int movieId) {
    Integer position = positions.get(movieId);
    return position == null ? -1 : position;
  }

  /** user · item at {@code position}. */
  double dot(float[] user, int position) {
    double sum = 0;
    int offset = position * rank;
    for (int f = 0; f < rank; f++) {
      sum += (double) user[f] * vectors[offset + f];
    }
    return sum;
  }

  /** Cosine similarity of the items at two positions; 0 when either vector is zero. */
  double cosine(int a, int b) {
    if (norms[a] == 0 || norms[b] == 0) {
      return 0;
    }
    double sum = 0;
    int oa = a * rank;
    int ob = b * rank;
    for (int f = 0; f < rank; f++) {
      sum += (double) vectors[oa + f] * vectors[ob + f];
    }
    return sum / (norms[a] * norms[b]);
  }
}
