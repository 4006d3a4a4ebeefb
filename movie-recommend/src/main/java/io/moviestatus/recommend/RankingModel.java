package io.moviestatus.recommend;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The ranking model: implicit-feedback ALS (Hu, Koren &amp; Volinsky 2008, Spark MLlib {@code
 * implicitPrefs}) on the ratings turned into preferences by a {@link Confidence} form. It scores
 * user u and movie i by p_u·q_i; only the order matters.
 */
final class RankingModel implements Ranker {

  final ALSModel als;
  private ItemFactors items;

  RankingModel(ALSModel als) {
    this.als = als;
  }

  /** Fits on {@code ratings} (user_index, movie_id, rating). */
  static RankingModel fit(
      Dataset<Row> ratings,
      int rank,
      double regParam,
      double alpha,
      Confidence confidence,
      RecommenderConfig config) {
    ALSModel model =
        new ALS()
            .setImplicitPrefs(true)
            .setRank(rank)
            .setRegParam(regParam)
            .setAlpha(alpha)
            .setMaxIter(config.rankingMaxIter())
            .setSeed(config.seed())
            .setNumBlocks(config.blocks())
            .setUserCol("user_index")
            .setItemCol("movie_id")
            .setRatingCol("preference")
            .fit(confidence.apply(ratings, config.relevantRating()));
    return new RankingModel(model);
  }

  /** The item factors, collected once. */
  ItemFactors items() {
    if (items == null) {
      items = ItemFactors.of(als.itemFactors().orderBy("id").collectAsList());
    }
    return items;
  }

  /** A user the model has no factors for gets the first unrated movies of {@code fallback}. */
  @Override
  public Dataset<Row> lists(Dataset<Row> users, int[] fallback, int k, boolean explain) {
    Dataset<Row> withFactors =
        users.join(
            als.userFactors().select(col("id").as("user_index"), col("features")),
            new String[] {"user_index"},
            "left");
    return Scoring.byFactors(withFactors, items(), fallback, k, explain);
  }

  @Override
  public void materialise() {
    items();
  }

  @Override
  public void save(String path) {
    try {
      als.write().overwrite().save(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the model to " + path + ": " + e.getMessage(), e);
    }
  }
}
