package io.moviestatus.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.moviestatus.lake.DeltaTables;
import io.moviestatus.lake.LocalSpark;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.TableContract;
import io.moviestatus.model.Tables;
import java.nio.file.Path;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaintenanceJobTest {

  @TempDir Path root;

  private static void append(SparkSession spark, LakeLayout lake, TableContract table, Row row) {
    DeltaTables.ensure(spark, lake, table);
    spark
        .createDataFrame(List.of(row), table.writableSchema())
        .write()
        .format("delta")
        .mode("append")
        .save(lake.tablePath(table));
  }

  private static long files(SparkSession spark, LakeLayout lake, TableContract table) {
    return spark
        .sql("DESCRIBE DETAIL delta.`" + lake.tablePath(table) + "`")
        .head()
        .<Long>getAs("numFiles");
  }

  @Test
  void everyTableIsCompactedExceptStatusFactWhoseDayLayoutIsKept() {
    SparkSession spark = LocalSpark.session();
    LakeLayout lake = LakeLayout.of(root.toString());
    for (int day = 1; day <= 3; day++) {
      Date date = Date.valueOf("2026-11-0" + day);
      append(spark, lake, Tables.STATUS_FACT, RowFactory.create(13, date, 1.5f, null, null));
      append(spark, lake, Tables.GENRES_DIM, RowFactory.create(day, "Genre " + day));
    }

    List<String> lines = MaintenanceJob.run(spark, new MaintenanceJob.Config(lake, 168));

    assertThat(lines)
        .containsExactly(
            "status_fact: layout kept (one file group per day, each file one movie_id range);"
                + " vacuum retention 168 h",
            "genres_dim: optimize compacted 3 file(s) into 1; vacuum retention 168 h");
    assertThat(files(spark, lake, Tables.STATUS_FACT)).as("one file per day still").isEqualTo(3);
    assertThat(files(spark, lake, Tables.GENRES_DIM)).isEqualTo(1);
  }
}
