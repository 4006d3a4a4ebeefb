package io.moviestatus.recommend;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted recommender: with biases, r̂ = μ + b_u + b_i + p_u·q_i where ALS (explicit) fits the
 * factors p, q to the residuals r − (μ + b_u + b_i) of the {@link BiasBaseline}; without, r̂ =
 * p_u·q_i (plain ALS). Rows carry {@code user_index INT, movie_id INT, rating}.
 */
final class FactorModel {

  final ALSModel als;
  final BiasBaseline biases; // null: plain ALS

  FactorModel(ALSModel als, BiasBaseline biases) {
    this.als = als;
    this.biases = biases;
  }

  static FactorModel fit(Dataset<Row> train, int rank, double regParam, RecommenderConfig config) {
    ALS als =
        new ALS()
            .setRank(rank)
            .setRegParam(regParam)
            .setMaxIter(config.maxIter())
            .setSeed(config.seed())
            .setNumBlocks(config.blocks())
            .setUserCol("user_index")
            .setItemCol("movie_id")
            .setColdStartStrategy("drop");
    if (!config.biased()) {
      return new FactorModel(als.setRatingCol("rating").fit(train), null);
    }
    BiasBaseline biases = BiasBaseline.fit(train, config.userBiasReg(), config.itemBiasReg());
    Dataset<Row> residuals =
        biases
            .predict(train)
            .withColumn("residual", col("rating").minus(col("prediction")))
            .drop("prediction");
    return new FactorModel(als.setRatingCol("residual").fit(residuals), biases);
  }

  /** Adds {@code prediction}; rows whose user or movie the model does not know are dropped. */
  Dataset<Row> predict(Dataset<Row> rows) {
    Dataset<Row> factors = als.transform(rows);
    if (biases == null) {
      return factors;
    }
    return biases
        .predict(factors.withColumnRenamed("prediction", "interaction"))
        .withColumn("prediction", col("prediction").plus(col("interaction")))
        .drop("interaction");
  }

  /**
   * Saves to {@code path/als} (ALSModel) and, with biases, {@code path/biases/{mean,user,item}}.
   */
  void save(String path) {
    try {
      als.write().overwrite().save(path + "/als");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the model to " + path + ": " + e.getMessage(), e);
    }
    if (biases != null) {
      StructType mean = new StructType().add("mean", DataTypes.DoubleType, false);
      biases
          .userBias
          .sparkSession()
          .createDataFrame(List.of(RowFactory.create(biases.mean)), mean)
          .write()
          .mode("overwrite")
          .parquet(path + "/biases/mean");
      biases.userBias.write().mode("overwrite").parquet(path + "/biases/user");
      biases.itemBias.write().mode("overwrite").parquet(path + "/biases/item");
    }
  }

  void unpersist() {
    if (biases != null) {
      biases.unpersist();
    }
  }
}
