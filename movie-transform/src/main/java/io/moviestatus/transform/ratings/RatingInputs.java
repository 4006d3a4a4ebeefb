package io.moviestatus.transform.ratings;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.moviestatus.ingest.RatingsLanding;
import io.moviestatus.lake.internal.LakeFiles;
import io.moviestatus.model.BadInputException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The import's inputs: the files it lands in bronze, and the landed files' lines. */
final class RatingInputs {

  private RatingInputs() {}

  static List<String> land(
      RatingsLanding bronze, String input, RatingsFormat format, String links, LocalDate today) {
    List<String> landed = new ArrayList<>();
    List<Path> files = bronze.inputFiles(input);
    if (format == RatingsFormat.EVENTS) {
      for (Path file : files) {
        String name = file.getName();
        if (!RatingFile.isCsv(name) && !RatingFile.isJson(name)) {
          throw new BadInputException(
              "events file " + file + " is neither .csv nor .json/.jsonl/.ndjson");
        }
        landed.add(bronze.land(file, RatingsFormat.EVENTS.folder(), today));
      }
      return landed;
    }
    // MovieLens: a ratings file, or a folder holding ratings.csv (and usually links.csv).
    List<Path> ratings =
        !bronze.isFolder(input)
            ? files
            : files.stream().filter(file -> file.getName().equals("ratings.csv")).toList();
    if (ratings.isEmpty()) {
      throw new BadInputException("no ratings.csv in MovieLens input " + input);
    }
    Path linksFile =
        links != null
            ? new Path(links)
            : files.stream()
                .filter(file -> file.getName().equals("links.csv"))
                .findFirst()
                .orElse(null);
    if (linksFile != null) {
      if (!bronze.exists(linksFile)) {
        throw new IllegalArgumentException("MovieLens links file not found: " + linksFile);
      }
      landed.add(bronze.land(linksFile, RatingsFormat.LINKS_FOLDER, today));
    }
    for (Path file : ratings) {
      landed.add(bronze.land(file, RatingsFormat.MOVIELENS.folder(), today));
    }
    return landed;
  }

  /** The lines of the files, tagged with the listed path and the landing date. */
  static Dataset<Row> lines(SparkSession spark, List<RatingFile> files) {
    if (files.isEmpty()) {
      return spark
          .emptyDataFrame()
          .select(
              lit(null).cast("string").as(RatingRecords.SOURCE_FILE),
              lit(null).cast("date").as(RatingRecords.SNAPSHOT),
              lit(null).cast("string").as(RatingRecords.VALUE));
    }
    StructType landed =
        new StructType()
            .add(RatingRecords.SOURCE_FILE, DataTypes.StringType)
            .add(RatingRecords.SNAPSHOT, DataTypes.DateType);
    List<Row> landedOn =
        files.stream()
            .map(file -> RowFactory.create(file.path(), Date.valueOf(file.landedOn())))
            .toList();
    return LakeFiles.readLines(spark, files.stream().map(RatingFile::path).toList())
        .join(broadcast(spark.createDataFrame(landedOn, landed)), RatingRecords.SOURCE_FILE)
        .select(
            col(RatingRecords.SOURCE_FILE),
            col(RatingRecords.SNAPSHOT),
            col("value").as(RatingRecords.VALUE));
  }
}
