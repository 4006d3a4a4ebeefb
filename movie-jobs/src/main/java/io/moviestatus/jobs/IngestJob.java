package io.moviestatus.jobs;

import static java.util.Objects.requireNonNull;

import io.moviestatus.ingest.BronzeWriter;
import io.moviestatus.ingest.ExportIngestResult;
import io.moviestatus.ingest.ExportIngestion;
import io.moviestatus.ingest.IngestResult;
import io.moviestatus.ingest.Ingestion;
import io.moviestatus.ingest.ProgressListener;
import io.moviestatus.ingest.TmdbClient;
import io.moviestatus.ingest.TmdbCredential;
import io.moviestatus.model.LakeLayout;
import java.io.IOException;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * TMDB discover snapshot + genre list → bronze. Databricks JAR task main class; also {@code
 * movie-status ingest}. The credential comes from {@code TMDB_API_TOKEN} (v4 read-access token) or
 * {@code TMDB_API_KEY} (v3 key), read here in the runner and passed down as configuration.
 */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Fetch the day's TMDB discover snapshot (top N by popularity) and the genre list into bronze.",
      "Credential: TMDB_API_TOKEN (v4 bearer) or TMDB_API_KEY (v3 api_key) in the environment.",
      "--source export: TMDB's daily ID export of every movie (no credential) into bronze as"
          + " received; an exit code of its own (movie-status --help) when the day's export is not"
          + " published yet (by 08:00 UTC)."
    })
public final class IngestJob implements Callable<Integer> {

  /** The validated configuration of one run; its toString never shows the credential. */
  public record Config(
      LakeLayout lake, LocalDate date, int top, String baseUrl, TmdbCredential credential) {
    public Config {
      requireNonNull(lake, "lake is null");
      requireNonNull(date, "date is null");
      requireNonNull(baseUrl, "baseUrl is null");
      requireNonNull(credential, "credential is null");
      if (top < 1 || top > TmdbClient.MAX_TOP_N) {
        throw new IllegalArgumentException(
            String.format("--top must be between 1 and %d, was %d", TmdbClient.MAX_TOP_N, top));
      }
    }
  }

  @Spec CommandSpec spec;
  @Mixin LakeOption lake = new LakeOption();
  @Mixin CatalogOption catalog = new CatalogOption();

  @Option(
      names = "--date",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "Snapshot date.")
  LocalDate date;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "40",
      description = "Movies in the snapshot, 1..10000 (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = "--tmdb-base-url",
      paramLabel = "URL",
      defaultValue = TmdbClient.DEFAULT_BASE_URL,
      description = "TMDB API root (default: ${DEFAULT-VALUE}).")
  String baseUrl;

  @Option(
      names = "--source",
      paramLabel = "discover|export",
      defaultValue = "discover",
      converter = ExportIngest.SourceConverter.class,
      description =
          "discover (default): top-N snapshot + genre list; export: TMDB's daily ID export.")
  ExportIngest.Source source;

  @Option(
      names = "--export-base-url",
      paramLabel = "URL",
      defaultValue = ExportIngestion.DEFAULT_BASE_URL,
      description = "TMDB daily export folder, --source export (default: ${DEFAULT-VALUE}).")
  String exportBaseUrl;

  /** Environment the credential is read from; a test may replace it. */
  Map<String, String> environment = System.getenv();

  public static void main(String[] args) {
    Jobs.main(new IngestJob(), args);
  }

  Config config() {
    return Jobs.validated(
        spec, () -> new Config(lake.layout(), date, top, baseUrl, credential(environment)));
  }

  static TmdbCredential credential(Map<String, String> env) {
    String token = env.get("TMDB_API_TOKEN");
    if (token != null && !token.isBlank()) {
      return TmdbCredential.bearer(token.strip());
    }
    String key = env.get("TMDB_API_KEY");
    if (key != null && !key.isBlank()) {
      return TmdbCredential.apiKey(key.strip());
    }
    throw new IllegalArgumentException(
        "no TMDB credential: set TMDB_API_TOKEN (v4 read-access token) or TMDB_API_KEY (v3 key)");
  }

  @Override
  public Integer call() throws IOException {
    if (source == ExportIngest.Source.EXPORT) {
      ExportIngest.Config config =
          Jobs.validated(spec, () -> new ExportIngest.Config(lake.layout(), date, exportBaseUrl));
      ExportIngestResult result = ExportIngest.run(Jobs.spark(), config);
      // The command's stream (System.out unless a test sets another).
      spec.commandLine()
          .getOut()
          .printf(
              "ingest export %s: %d movies, %d bytes, sha256 %s -> %s%n",
              result.date(), result.lines(), result.sizeBytes(), result.sha256(), result.path())
          .flush();
      catalog.register(config.lake());
      return 0;
    }
    Config config = config();
    IngestResult result = run(Jobs.spark(), config, System.err);
    System.out.printf(
        "ingest %s: %d movies on %d page(s) -> %s; %d genres -> %s%n",
        result.date(),
        result.movies(),
        result.pages(),
        result.discoverPath(),
        result.genres(),
        result.genrePath());
    catalog.register(config.lake());
    return 0;
  }

  /** Runs one ingest into the lake of {@code spark}'s Hadoop configuration. */
  public static IngestResult run(SparkSession spark, Config config) throws IOException {
    return run(spark, config, null);
  }

  /** Runs one ingest, printing page progress to {@code progress} (none when null). */
  public static IngestResult run(SparkSession spark, Config config, PrintStream progress)
      throws IOException {
    BronzeWriter writer = new BronzeWriter(spark.sparkContext().hadoopConfiguration());
    try (TmdbClient client =
        TmdbClient.builder().baseUrl(config.baseUrl()).credential(config.credential()).build()) {
      return new Ingestion(client, writer, config.lake())
          .ingest(
              config.date(),
              config.top(),
              progress == null ? ProgressListener.NONE : pageProgress(progress));
    }
  }

  /** Prints "pages fetched / total" about every tenth of the way, and at the end. */
  private static ProgressListener pageProgress(PrintStream out) {
    return (fetched, total) -> {
      int step = Math.max(1, total / 10);
      if (total > 1 && (fetched % step == 0 || fetched == total)) {
        out.printf("discover: %d/%d pages%n", fetched, total);
      }
    };
  }
}
