package io.moviestatus.jobs;

import static java.util.Objects.requireNonNull;

import io.delta.tables.DeltaTable;
import io.moviestatus.lake.DeltaTables;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.TableContract;
import io.moviestatus.model.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * OPTIMIZE (bin-packing compaction), then VACUUM, on every Delta table of the lake, except that
 * {@code status_fact} is not compacted: silver writes each day as its final layout (one file group
 * per day, each file one movie_id range of at most 100,000 rows), which bin-packing would merge
 * across days and movie ranges, so that a one-day or one-movie query would read every file.
 * Databricks JAR task main class; also {@code movie-status maintenance}.
 */
@Command(
    name = "maintenance",
    mixinStandardHelpOptions = true,
    description =
        "Compact every Delta table of the lake (OPTIMIZE), then remove unreferenced files older than the retention (VACUUM).")
public final class MaintenanceJob implements Callable<Integer> {

  /** Delta's default minimum: shorter would break readers of older versions and time travel. */
  static final int MIN_RETENTION_HOURS = 168;

  /** The validated configuration of one run. */
  public record Config(LakeLayout lake, int retentionHours) {
    public Config {
      requireNonNull(lake, "lake is null");
      if (retentionHours < MIN_RETENTION_HOURS) {
        throw new IllegalArgumentException(
            String.format(
                "--retention-hours must be at least %d (7 days), was %d",
                MIN_RETENTION_HOURS, retentionHours));
      }
    }
  }

  @Spec CommandSpec spec;
  @Mixin LakeOption lake = new LakeOption();
  @Mixin CatalogOption catalog = new CatalogOption();

  @Option(
      names = "--retention-hours",
      paramLabel = "HOURS",
      defaultValue = "168",
      description = "VACUUM retention, at least 168 (default: ${DEFAULT-VALUE}).")
  int retentionHours;

  public static void main(String[] args) {
    Jobs.main(new MaintenanceJob(), args);
  }

  @Override
  public Integer call() {
    Config config = Jobs.validated(spec, () -> new Config(lake.layout(), retentionHours));
    run(Jobs.spark(), config).forEach(System.out::println);
    catalog.register(config.lake());
    return 0;
  }

  /** Optimizes and vacuums each existing table on {@code spark}; one line per table. */
  public static List<String> run(SparkSession spark, Config config) {
    List<String> lines = new ArrayList<>();
    for (TableContract contract : Tables.all()) {
      if (!DeltaTables.exists(spark, config.lake(), contract)) {
        continue;
      }
      DeltaTable table = DeltaTable.forPath(spark, config.lake().tablePath(contract));
      if (contract.equals(Tables.STATUS_FACT)) {
        table.vacuum(config.retentionHours());
        lines.add(
            String.format(
                "%s: layout kept (one file group per day, each file one movie_id range); vacuum"
                    + " retention %d h",
                contract.name(), config.retentionHours()));
        continue;
      }
      Row metrics =
          table
              .optimize()
              .executeCompaction()
              .select("metrics.numFilesRemoved", "metrics.numFilesAdded")
              .head();
      table.vacuum(config.retentionHours());
      lines.add(
          String.format(
              "%s: optimize compacted %d file(s) into %d; vacuum retention %d h",
              contract.name(), metrics.getLong(0), metrics.getLong(1), config.retentionHours()));
    }
    return lines;
  }
}
