package io.moviestatus.recommend;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A ranking model of one {@link RankingFamily}: makes the top-k lists. */
interface Ranker {

  /**
   * Top-k lists ({@link Scoring#LISTS}) for {@code users} (user_index, rated, ratings, liked); a
   * user the model cannot score gets the first unrated movies of {@code fallback}. With {@code
   * explain}, each movie carries up to 3 of the user's liked movies (all rated ones when none is
   * liked) most related to it.
   */
  Dataset<Row> lists(Dataset<Row> users, int[] fallback, int k, boolean explain);

  /** Saves the model under {@code path}. */
  void save(String path);

  /** Materialises a lazy fit (benchmark timing). */
  void materialise();
}
