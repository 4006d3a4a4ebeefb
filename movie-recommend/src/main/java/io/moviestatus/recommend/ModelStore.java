package io.moviestatus.recommend;

import static java.util.Objects.requireNonNull;

import io.moviestatus.model.LakeLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.sql.SparkSession;

/**
 * Model versions under {@code <lake>/_state/models/als/<version>/}: {@code ranking/} the ranking
 * model (implicit ALSModel, or EASE's {@code weights.bin}), {@code als/} the rating model (ALSModel
 * on the bias residuals), {@code biases/{mean,user,item}} the bias baseline as Parquet (biased
 * rating model only), {@code user_index/} the StringIndexerModel mapping user_key to the models'
 * user ids.
 */
final class ModelStore {

  private final SparkSession spark;
  private final LakeLayout lake;

  ModelStore(SparkSession spark, LakeLayout lake) {
    this.spark = requireNonNull(spark, "spark is null");
    this.lake = requireNonNull(lake, "lake is null");
  }

  /** Folder of a model version. */
  static String path(LakeLayout lake, String version) {
    return lake.state() + "/models/als/" + version;
  }

  /** Saves a version; returns its folder. */
  String save(String version, TrainedModels models, StringIndexerModel userIndex) {
    String path = path(lake, version);
    models.ranking().save(path + "/ranking");
    models.rating().save(path);
    try {
      userIndex.write().overwrite().save(path + "/user_index");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the model to " + path + ": " + e.getMessage(), e);
    }
    return path;
  }

  /** Whether a version was saved completely (its user index is the last part written). */
  boolean exists(String version) {
    Path userIndex = new Path(path(lake, version) + "/user_index");
    try {
      return userIndex.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(userIndex);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot look for the model at " + userIndex + ": " + e.getMessage(), e);
    }
  }
}
