package io.moviestatus.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moviestatus.ingest.TmdbCredential;
import io.moviestatus.lake.DeltaTables;
import io.moviestatus.lake.LocalSpark;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.TableNaming;
import io.moviestatus.model.Tables;
import io.moviestatus.recommend.RecommenderConfig;
import io.moviestatus.report.Report;
import io.moviestatus.transform.gold.GoldBuild;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Argument parsing and validation of every command: one-line errors, non-zero exits, --help. */
class CommandLineTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "demo",
        "ingest",
        "silver",
        "ratings",
        "gold",
        "pipeline",
        "recommend",
        "report",
        "sql",
        "maintenance"
      })
  void everyCommandHasHelp(String command) {
    Cli result = Cli.run(command, "--help");

    assertThat(result.exitCode()).as("exit code of %s --help", command).isZero();
    assertThat(result.out())
        .as("usage of %s", command)
        .startsWith("Usage: movie-status " + command)
        .contains("--lake");
  }

  @Test
  void onlyTheCommandsThatTrainTheRecommenderStartTheLongRunSession() {
    List<String> longRuns =
        MovieStatus.commandLine().getSubcommands().values().stream()
            .filter(command -> MovieStatus.isLongRun(command.getCommandSpec()))
            .map(CommandLine::getCommandName)
            .sorted()
            .toList();

    assertThat(longRuns)
        .as("commands annotated @LongRun (LocalSpark.session(), the others shortRunSession())")
        .containsExactly("demo", "recommend");
  }

  @Test
  void launcherWithoutACommandFailsWithOneLine() {
    Cli result = Cli.run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().lines().findFirst()).contains("error: a command is required");
  }

  @Test
  void unknownCommandIsRejected() {
    Cli result = Cli.run("bronze");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("error: Unmatched argument at index 0: 'bronze'");
  }

  @Test
  void silverRangeNeedsBothEnds() {
    Cli result = Cli.run("silver", "--from", "2026-11-01");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().lines().toList())
        .containsExactly("error: --from and --to go together", "try 'movie-status silver --help'");
  }

  @Test
  void reportWindowMustBePositive() {
    Cli result = Cli.run("report", "--days", "0");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().lines().toList())
        .as("Report.Builder's message, naming the option")
        .containsExactly(
            "error: --days: days must be between 1 and 366, was 0",
            "try 'movie-status report --help'");
  }

  @Test
  void silverRangeMustBeOrdered() {
    Cli result = Cli.run("silver", "--from", "2026-11-02", "--to", "2026-11-01");

    assertThat(result.err()).startsWith("error: --from 2026-11-02 is after --to 2026-11-01\n");
  }

  @Test
  void badDateNamesTheExpectedFormat() {
    Cli result = Cli.run("ingest", "--date", "2026-13-01");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .startsWith(
            "error: Invalid value for option '--date': '2026-13-01' is not a date (expected YYYY-MM-DD)");
  }

  @Test
  void ingestNeedsADate() {
    assertThat(Cli.run("ingest").err())
        .startsWith("error: Missing required option: '--date=YYYY-MM-DD'");
  }

  @Test
  void ingestCredentialComesFromTokenThenKeyAndIsNeverPrinted() {
    TmdbCredential bearer =
        IngestJob.credential(Map.of("TMDB_API_TOKEN", "eyJ-secret-token", "TMDB_API_KEY", "k"));
    IngestJob.Config config =
        new IngestJob.Config(
            LakeLayout.of("/lake"), LocalDate.of(2026, 11, 25), 40, "http://127.0.0.1/3/", bearer);

    assertThat(config.toString()).as("config toString").doesNotContain("eyJ-secret-token");
    assertThat(IngestJob.credential(Map.of("TMDB_API_KEY", "v3-secret")).toString())
        .doesNotContain("v3-secret");
    assertThatThrownBy(() -> IngestJob.credential(Map.of()))
        .hasMessage(
            "no TMDB credential: set TMDB_API_TOKEN (v4 read-access token) or TMDB_API_KEY (v3 key)");
  }

  @Test
  void ingestTopIsBoundedByTmdbsPageCap() {
    assertThatThrownBy(
            () ->
                new IngestJob.Config(
                    LakeLayout.of("/lake"),
                    LocalDate.of(2026, 11, 25),
                    10_001,
                    "http://x/3/",
                    TmdbCredential.bearer("t")))
        .hasMessage("--top must be between 1 and 10000, was 10001");
  }

  @Test
  void ratingsNeedAPseudonymisationKeyThatIsNeverPrinted() {
    assertThatThrownBy(() -> RatingsJob.key(Map.of()))
        .hasMessage("no pseudonymisation key: set RATINGS_HMAC_KEY (at least 16 bytes)");
    assertThat(RatingsJob.key(Map.of("RATINGS_HMAC_KEY", "a-long-enough-secret-key")).toString())
        .doesNotContain("a-long-enough-secret-key");
  }

  @Test
  void ratingsFormatMustBeKnown() {
    RatingsJob job = new RatingsJob();
    job.environment = Map.of("RATINGS_HMAC_KEY", "a-long-enough-secret-key");
    picocli.CommandLine cli = Jobs.commandLine(job);
    java.io.StringWriter err = new java.io.StringWriter();
    cli.setErr(new java.io.PrintWriter(err, true));

    int code = cli.execute("--input", "x.csv", "--format", "imdb");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("error: unknown ratings format 'imdb' (expected movielens or events)\n");
  }

  @Test
  void linksGoWithMovieLensOnly() {
    LocalSpark.session(); // RatingsImport.Builder validates, on the launcher's session
    RatingsJob job = new RatingsJob();
    job.environment = Map.of("RATINGS_HMAC_KEY", "a-long-enough-secret-key");
    picocli.CommandLine cli = Jobs.commandLine(job);
    java.io.StringWriter err = new java.io.StringWriter();
    cli.setErr(new java.io.PrintWriter(err, true));

    assertThat(cli.execute("--input", "x.csv", "--format", "events", "--links", "links.csv"))
        .isEqualTo(2);
    assertThat(err.toString()).startsWith("error: --links applies to --format movielens only\n");
  }

  @Test
  void goldRejectsNegativeMinimumVotes() {
    Cli result = Cli.run("gold", "--minimum-votes", "-1");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("error: --minimum-votes must be a finite number >= 0, was -1.0\n");
  }

  @Test
  void pipelineRatingsOptionsWithoutRatingsAreAUsageError() {
    Cli result = Cli.run("pipeline", "--ratings-format", "events");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().lines().toList())
        .containsExactly(
            "error: --ratings-format and --ratings-links apply to --ratings only",
            "try 'movie-status pipeline --help'");
  }

  @Test
  void pipelineRatingsNeedAFormatAndAKeyBeforeAnyStageRuns() {
    assertThat(Cli.run("pipeline", "--ratings", "drop/").err())
        .as("--ratings without --ratings-format")
        .startsWith("error: --ratings needs --ratings-format (movielens or events)\n");
    Path lake = dir.resolve("lake"); // bronze silver would build, were options checked too late
    io.moviestatus.transform.testing.BronzeFixtures.discover(
        lake,
        LocalDate.of(2026, 11, 20),
        List.of(
            io.moviestatus.transform.testing.BronzeFixtures.movie(
                550, "Fight Club", 61.5, 8.4, 1550)));
    Cli unknownFormat =
        Cli.run(
            "pipeline", "--lake", lake.toString(), "--ratings", "drop/", "--ratings-format", "csv");
    assertThat(unknownFormat.err())
        .as("an unknown format")
        .startsWith("error: unknown ratings format 'csv' (expected movielens or events)\n");
    assertThat(lake.resolve("silver")).as("silver did not run").doesNotExist();

    PipelineCommand command = new PipelineCommand();
    command.environment = Map.of();
    Cli noKey = runJob(command, "--ratings", "drop/", "--ratings-format", "events");
    assertThat(noKey.exitCode()).as("exit code without RATINGS_HMAC_KEY").isEqualTo(2);
    assertThat(noKey.err())
        .startsWith("error: no pseudonymisation key: set RATINGS_HMAC_KEY (at least 16 bytes)\n");
    assertThat(Cli.run("pipeline", "--ratings-links", "links.csv").exitCode())
        .as("--ratings-links alone")
        .isEqualTo(2);
  }

  @Test
  void maintenanceRefusesARetentionShorterThanSevenDays() {
    Cli result = Cli.run("maintenance", "--retention-hours", "24");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("error: --retention-hours must be at least 168 (7 days), was 24\n");
  }

  @Test
  void recommendGridOptionsReplaceTheDefaultGridsAndKeepTheRest() {
    RecommendJob job = new RecommendJob();
    new picocli.CommandLine(job)
        .parseArgs(
            "--seed",
            "7",
            "--ranking-ranks",
            "32",
            "--ranking-reg-params",
            "1",
            "--alphas",
            "4",
            "--rating-ranks",
            "20",
            "--rating-reg-params",
            "0.1",
            "--ease-lambdas",
            "100,400",
            "--ease-tastes",
            "0.5",
            "--ease-ials-weights",
            "0,0.6",
            "--ease-max-items",
            "0",
            "--max-iter",
            "4",
            "--blocks",
            "2");

    RecommenderConfig config = job.recommenderConfig();

    RecommenderConfig expected =
        RecommenderConfig.defaults()
            .withSeed(7)
            .withRankingGrid(
                List.of(32), List.of(1.0), List.of(4.0), RecommenderConfig.defaults().confidences())
            .withGrid(List.of(20), List.of(0.1))
            .withEase(List.of(100.0, 400.0), List.of(0.5), 10, 0)
            .withEaseIalsWeights(List.of(0.0, 0.6))
            .withMaxIter(4)
            .withBlocks(2);
    assertThat(config).as("recommend with every grid option").isEqualTo(expected);

    RecommendJob alphasOnly = new RecommendJob();
    new picocli.CommandLine(alphasOnly).parseArgs("--alphas", "1,2,8");
    assertThat(alphasOnly.recommenderConfig())
        .as("--alphas alone: the other grids stay the defaults")
        .isEqualTo(
            RecommenderConfig.defaults()
                .withRankingGrid(
                    RecommenderConfig.defaults().rankingRanks(),
                    RecommenderConfig.defaults().rankingRegParams(),
                    List.of(1.0, 2.0, 8.0),
                    RecommenderConfig.defaults().confidences()));
    RecommendJob none = new RecommendJob();
    new picocli.CommandLine(none).parseArgs();
    assertThat(none.recommenderConfig()).as("no option").isEqualTo(RecommenderConfig.defaults());
    assertThat(none.retrain).as("no option: keep an unchanged version").isFalse();
    RecommendJob retrain = new RecommendJob();
    new picocli.CommandLine(retrain).parseArgs("--retrain");
    assertThat(retrain.retrain).as("--retrain").isTrue();
    assertThat(retrain.recommenderConfig())
        .as("--retrain alone")
        .isEqualTo(RecommenderConfig.defaults());
  }

  @Test
  void recommendRefusesARankBelowOneBeforeTouchingTheLake() {
    Cli result =
        Cli.run("recommend", "--lake", dir.resolve("lake").toString(), "--rating-ranks", "20,0");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().lines().toList())
        .as("RecommenderConfig's message, naming the option")
        .containsExactly(
            "error: --rating-ranks: ranks must be whole numbers >= 1, was [20, 0]",
            "try 'movie-status recommend --help'");
    assertThat(dir.resolve("lake")).as("nothing written").doesNotExist();
  }

  @Test
  void recommendRefusesAnInfiniteRegParamAndABlockCountBelowOne() {
    assertThat(Cli.run("recommend", "--ranking-reg-params", "0.2,Infinity").err())
        .startsWith(
            "error: --ranking-reg-params: rankingRegParams must be finite numbers >= 0, was [0.2,"
                + " Infinity]\n");
    assertThat(Cli.run("recommend", "--blocks", "0").err())
        .startsWith("error: --blocks: blocks must be at least 1, was 0\n");
    assertThat(Cli.run("recommend", "--max-iter", "0").err())
        .startsWith("error: --max-iter: iterations must be at least 1, was 0 and 0\n");
    assertThat(Cli.run("recommend", "--ease-ials-weights", "0.5,1").err())
        .startsWith(
            "error: --ease-ials-weights: easeIalsWeights must be numbers in [0, 1), was [0.5,"
                + " 1.0]\n");
  }

  @Test
  void helpShowsTheDefaultsOfTheBuilders() {
    RecommenderConfig defaults = RecommenderConfig.defaults();
    String recommend = Cli.run("recommend", "--help").out().replaceAll("\\s+", " ");
    assertThat(recommend)
        .as("recommend --help: RecommenderConfig.defaults()")
        .contains(
            "Seed of the train/validation/test split and of ALS (default: " + defaults.seed() + ")")
        .contains("ranks to try, e.g. 32,64 (default: 32)")
        .contains("Ranking model: regParams to try (default: 0.2)")
        .contains("EASE family: ridge lambdas to try, one fit each (default: 250.0)")
        .contains("taste term to try, no refit each (default: 0.4,0.8)")
        .contains("0 is EASE alone (default: 0.0,0.5,0.75)")
        .contains("0: never EASE (default: 2500;")
        .contains("confidence scales α to try (default: 1.0)")
        .contains("Rating model (ALS on bias residuals): ranks to try (default: 20)")
        .contains("Rating model: regParams to try (default: 0.2)")
        .contains("the partitions of its stages (default: " + defaults.blocks() + ")")
        .contains("ALS iterations of every fit, both models (default: " + defaults.maxIter() + ")");
    for (String command : List.of("gold", "pipeline")) {
      assertThat(Cli.run(command, "--help").out().replaceAll("\\s+", " "))
          .as("%s --help: GoldBuild's m", command)
          .containsPattern(
              "--minimum-votes=M m of gold's weighted rating [^()]*\\(v\\+m\\)[^()]*\\(v\\+m\\) ?·C"
                  + " \\(default: "
                  + GoldBuild.DEFAULT_MINIMUM_VOTES
                  + "\\)");
    }
    assertThat(Cli.run("report", "--help").out().replaceAll("\\s+", " "))
        .as("report --help: Report's window")
        .contains("(default: " + Report.DEFAULT_DAYS + ")");
  }

  @Test
  void relativeLakeBecomesAbsoluteAndUrisAreKept() {
    LakeOption relative = new LakeOption();
    relative.lake = "./lake";
    LakeOption uri = new LakeOption();
    uri.lake = "abfss://lake@acct.dfs.core.windows.net/movie-status";

    assertThat(relative.layout().root())
        .isEqualTo(java.nio.file.Path.of("lake").toAbsolutePath().toString());
    assertThat(uri.layout().root())
        .isEqualTo("abfss://lake@acct.dfs.core.windows.net/movie-status");
  }

  @Test
  void everyJobRunnerTakesCatalogAndSchemaForTheTableNames() {
    for (Object job :
        List.of(
            new IngestJob(),
            new SilverJob(),
            new RatingsJob(),
            new GoldJob(),
            new RecommendJob(),
            new ReportJob(),
            new MaintenanceJob())) {
      List<String> args = new java.util.ArrayList<>(List.of("--catalog", "movie_status_dev"));
      args.addAll(List.of("--schema", "gold_only"));
      if (job instanceof IngestJob) {
        args.addAll(List.of("--date", "2026-11-01"));
      } else if (job instanceof RatingsJob) {
        args.addAll(List.of("--input", "ratings.csv", "--format", "events"));
      }
      new CommandLine(job).parseArgs(args.toArray(String[]::new));
      CatalogOption option = catalogOf(job);
      assertThat(option.naming())
          .as("%s --catalog --schema", job.getClass().getSimpleName())
          .isEqualTo(TableNaming.of("movie_status_dev", "gold_only"));
    }
    SilverJob withoutOptions = new SilverJob();
    new CommandLine(withoutOptions).parseArgs();
    assertThat(withoutOptions.catalog.naming()).as("no option: no registration").isNull();
    GoldJob catalogOnly = new GoldJob();
    new CommandLine(catalogOnly).parseArgs("--catalog", "c");
    assertThat(catalogOnly.catalog.naming())
        .as("--catalog alone: the default schema")
        .isEqualTo(TableNaming.of("c", "movies"));
  }

  private static CatalogOption catalogOf(Object job) {
    try {
      return (CatalogOption) job.getClass().getDeclaredField("catalog").get(job);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(job.getClass() + " has no CatalogOption field 'catalog'", e);
    }
  }

  @Test
  void catalogNamesThatWouldNeedEscapingAreUsageErrors() {
    Cli result = Cli.run("silver", "--catalog", "prod; DROP");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .startsWith(
            "error: --catalog: catalog name 'prod; DROP' must be letters, digits, underscores and hyphens (not starting with a hyphen)\n");
  }

  @Test
  void csvQuotesOnlyWhatNeedsIt() {
    assertThat(Csv.field("plain")).isEqualTo("plain");
    assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
    assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
  }

  // ---- exit codes: each kind of failure has its own ---------------------------------------------

  @TempDir Path dir;

  /** Runs a job's own command line (as its main does) on the launcher's session. */
  private static Cli runJob(Object job, String... args) {
    LocalSpark.session().sparkContext().setLogLevel("ERROR");
    return Cli.runCommand(job, args);
  }

  private Cli ingestAgainst(String baseUrl) {
    IngestJob job = new IngestJob();
    job.environment = Map.of("TMDB_API_TOKEN", "eyJ-secret-token");
    return runJob(
        job,
        "--lake",
        dir.resolve("lake").toString(),
        "--date",
        "2026-11-25",
        "--tmdb-base-url",
        baseUrl);
  }

  private static MockWebServer tmdbAnswering(MockResponse response) throws IOException {
    MockWebServer server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return response;
          }
        });
    server.start(InetAddress.getLoopbackAddress(), 0);
    return server;
  }

  @Test
  void helpListsEveryExitCodeOfTheEnumInOrder() {
    Cli result = Cli.run("--help");

    assertThat(result.exitCode()).as("exit code of --help").isZero();
    String out = result.out();
    assertThat(out).as("the launcher's help").contains("Exit codes:");
    // one line per code, its meaning wrapped to the usage width: compared with whitespace joined
    String list = out.substring(out.indexOf("Exit codes:")).replaceAll("\\s+", " ");
    StringBuilder expected = new StringBuilder("Exit codes:");
    for (ExitCode code : ExitCode.values()) {
      expected.append(' ').append(code.code()).append(' ').append(code.meaning());
    }
    assertThat(list.strip())
        .as("the exit code list, in the enum's order")
        .isEqualTo(expected.toString());
  }

  @Test
  void readmeExitCodeTableIsTheEnum() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    int header = lines.indexOf("| exit code | meaning |");
    assertThat(header).as("the README's exit code table header").isNotNegative();
    Pattern row = Pattern.compile("^\\| (\\d+) \\| (.*) \\|$");
    List<String> table = new java.util.ArrayList<>();
    for (String line : lines.subList(header + 2, lines.size())) {
      Matcher matcher = row.matcher(line);
      if (!matcher.matches()) {
        break;
      }
      table.add(matcher.group(1) + " " + matcher.group(2));
    }

    assertThat(lines.get(header + 1)).as("separator row").isEqualTo("|---|---|");
    assertThat(table)
        .as("README rows: code and meaning, as ExitCode has them, in order")
        .containsExactlyElementsOf(
            java.util.Arrays.stream(ExitCode.values())
                .map(code -> code.code() + " " + code.meaning())
                .toList());
  }

  @Test
  void successfulIngestExitsWithZero() {
    Cli result;
    try (SampleTmdbServer tmdb = new SampleTmdbServer()) {
      tmdb.serveDay(SampleTmdbServer.days().get(0));
      IngestJob job = new IngestJob();
      job.environment = Map.of("TMDB_API_TOKEN", SampleTmdbServer.TOKEN);
      result =
          runJob(
              job,
              "--lake",
              dir.resolve("lake").toString(),
              "--date",
              SampleTmdbServer.days().get(0).toString(),
              "--tmdb-base-url",
              tmdb.baseUrl());
    }

    assertThat(result.exitCode())
        .as("exit code of a successful ingest")
        .isEqualTo(ExitCode.OK.code());
    assertThat(result.err()).as("no error line").doesNotContain("error:");
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403})
  void rejectedCredentialExitsWithThree(int status) throws IOException {
    Cli result;
    try (MockWebServer tmdb =
        tmdbAnswering(
            new MockResponse()
                .setResponseCode(status)
                .setBody(
                    "{\"status_code\":7,\"status_message\":\"Invalid API key: You must be granted a valid key.\",\"success\":false}"))) {
      result = ingestAgainst(tmdb.url("/3/").toString());
    }

    assertThat(result.exitCode())
        .as("exit code when TMDB answers HTTP %d", status)
        .isEqualTo(ExitCode.CREDENTIAL_REJECTED.code())
        .isEqualTo(3);
    assertThat(result.err())
        .as("one line naming the cause, without the credential")
        .startsWith("error: TMDB ")
        .contains("Invalid API key")
        .doesNotContain("eyJ-secret-token");
  }

  @Test
  void tmdbUnavailableAfterRetriesExitsWithFour() throws IOException {
    Cli result;
    try (MockWebServer tmdb =
        tmdbAnswering(new MockResponse().setResponseCode(429).setHeader("Retry-After", "0"))) {
      result = ingestAgainst(tmdb.url("/3/").toString());
      assertThat(tmdb.getRequestCount()).as("every attempt made").isEqualTo(5);
    }

    assertThat(result.exitCode())
        .as("exit code when TMDB stays unavailable")
        .isEqualTo(ExitCode.UPSTREAM_UNAVAILABLE.code())
        .isEqualTo(4);
    assertThat(result.err())
        .as("one line naming the cause")
        .startsWith(
            "error: TMDB API unreachable after 5 attempts: TMDB rate limit exceeded (HTTP 429)");
  }

  @Test
  void otherTmdbErrorIsAnUnexpectedFailureExitingWithOne() throws IOException {
    Cli result;
    try (MockWebServer tmdb = tmdbAnswering(new MockResponse().setResponseCode(404))) {
      result = ingestAgainst(tmdb.url("/3/").toString());
    }

    assertThat(result.exitCode())
        .as("exit code of a 404")
        .isEqualTo(ExitCode.FAILED.code())
        .isEqualTo(1);
    assertThat(result.err())
        .as("one line naming the cause")
        .startsWith("error: TMDB resource not found (HTTP 404)");
  }

  @Test
  void ratingsFileOfNoKnownFormatExitsWithFive() throws IOException {
    Path input = dir.resolve("ratings.xlsx");
    Files.writeString(input, "PK\u0003\u0004 not a CSV at all", StandardCharsets.UTF_8);
    RatingsJob job = new RatingsJob();
    job.environment = Map.of("RATINGS_HMAC_KEY", "a-long-enough-secret-key");

    Cli result =
        runJob(
            job,
            "--lake",
            dir.resolve("lake").toString(),
            "--input",
            input.toString(),
            "--format",
            "events");

    assertThat(result.exitCode())
        .as("exit code for an input of no known format")
        .isEqualTo(ExitCode.BAD_INPUT.code())
        .isEqualTo(5);
    assertThat(result.err())
        .as("one line naming the file")
        .isEqualTo(
            "error: events file file:" + input + " is neither .csv nor .json/.jsonl/.ndjson\n");
    assertThat(dir.resolve("lake/bronze/ratings")).as("nothing landed").doesNotExist();
  }

  @Test
  void ratingsWithoutAnInputOrAKeyRotationIsAUsageError() {
    Cli result = Cli.run("ratings");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("error: missing --input and --format (or --rotate-key)\n");
  }

  /** {@code ratings} under {@code secret} as RATINGS_HMAC_KEY. */
  private static Cli ratingsWithKey(String secret, String... args) {
    RatingsJob job = new RatingsJob();
    job.environment = Map.of("RATINGS_HMAC_KEY", secret);
    return runJob(job, args);
  }

  @Test
  void ratingsUnderAnotherKeyExitWithTwoWritingNothingUntilRotateKey() throws IOException {
    String lake = dir.resolve("lake").toString();
    String first = "first-pseudonymisation-key-0123";
    String second = "second-pseudonymisation-key-4567";
    Path a = dir.resolve("a.csv");
    Files.writeString(
        a,
        "user_id,movie_id,rating,rated_at\n"
            + "u1,550,4.5,2026-11-20T10:00:00Z\n"
            + "u2,603,3.0,2026-11-20T11:00:00Z\n");
    Path b = dir.resolve("b.csv");
    Files.writeString(b, "user_id,movie_id,rating,rated_at\nu1,13,4.0,2026-11-21T10:00:00Z\n");
    Cli imported =
        ratingsWithKey(first, "--lake", lake, "--input", a.toString(), "--format", "events");
    assertThat(imported.exitCode()).as("exit code of the first import%n%s", imported).isZero();
    Path bronze = dir.resolve("lake/bronze/ratings");
    List<Path> landed;
    try (var files = Files.walk(bronze)) {
      landed = files.filter(Files::isRegularFile).sorted().toList();
    }
    long version =
        DeltaTables.version(
            io.delta.tables.DeltaTable.forPath(
                LocalSpark.session(), LakeLayout.of(lake).tablePath(Tables.RATINGS_FACT)));

    Cli refused =
        ratingsWithKey(second, "--lake", lake, "--input", b.toString(), "--format", "events");

    assertThat(refused.exitCode()).as("exit code under another key%n%s", refused).isEqualTo(2);
    assertThat(refused.err())
        .as("one line naming both keys by fingerprint, never by value")
        .isEqualTo(
            "error: RATINGS_HMAC_KEY (fingerprint "
                + RatingsJob.key(Map.of("RATINGS_HMAC_KEY", second)).fingerprint().substring(0, 12)
                + "…) does not match the key ratings_fact was built with (fingerprint "
                + RatingsJob.key(Map.of("RATINGS_HMAC_KEY", first)).fingerprint().substring(0, 12)
                + "…); to re-pseudonymise every rating under the new key run ratings --rotate-key\n");
    try (var files = Files.walk(bronze)) {
      assertThat(files.filter(Files::isRegularFile).sorted().toList())
          .as("no new bronze file")
          .isEqualTo(landed);
    }
    assertThat(
            DeltaTables.version(
                io.delta.tables.DeltaTable.forPath(
                    LocalSpark.session(), LakeLayout.of(lake).tablePath(Tables.RATINGS_FACT))))
        .as("ratings_fact's version")
        .isEqualTo(version);

    Cli rotated = ratingsWithKey(second, "--lake", lake, "--rotate-key");

    assertThat(rotated.exitCode()).as("exit code of --rotate-key%n%s", rotated).isZero();
    assertThat(rotated.out().lines())
        .as("the rotation's line%n%s", rotated)
        .contains(
            "key rotated: 2 rating(s) of 2 user(s) re-pseudonymised under the key with fingerprint "
                + RatingsJob.key(Map.of("RATINGS_HMAC_KEY", second)).fingerprint().substring(0, 12)
                + "…; user_recommendations and the recommender's models keep the old user_keys"
                + " until the next recommend, which retrains because ratings_fact changed");
  }

  /** A lake silver has nothing new to build in: one (empty) silver table, no bronze file. */
  private Path lakeWithNothingToBuild() {
    Path lake = dir.resolve("lake");
    DeltaTables.ensure(LocalSpark.session(), LakeLayout.of(lake.toString()), Tables.STATUS_FACT);
    return lake;
  }

  @Test
  void timingsPrintEveryStageOfTheRunStartupIncludedThenTheTotal() {
    Cli result =
        runJob(new SilverJob(), "--lake", lakeWithNothingToBuild().toString(), "--timings");

    assertThat(result.exitCode()).as("exit code").isEqualTo(ExitCode.OK.code());
    assertThat(result.out())
        .as("stages of a silver run with nothing to build, in order, each in ms, then the total")
        .containsPattern(
            "(?s)silver timings:\\n"
                + "  JVM start to SparkContext +\\d+ ms\\n"
                + "  session start \\(Delta, catalog\\) +\\d+ ms\\n"
                + "  state read +\\d+ ms\\n"
                + "  listing +\\d+ ms\\n"
                + "  total +\\d+ ms");
  }

  @Test
  void withoutTimingsNoStageIsPrinted() {
    Cli result = runJob(new SilverJob(), "--lake", lakeWithNothingToBuild().toString());

    assertThat(result.exitCode()).as("exit code%n%s", result).isEqualTo(ExitCode.OK.code());
    assertThat(result.out()).contains("every table is up to date").doesNotContain("timings:");
  }

  // ---- errors a user causes: a message and an exit code that say so ----------------------------

  @Test
  void oneLineIsTheFirstNonBlankLineOfTheRootCause() {
    assertThat(Jobs.oneLine(new IllegalStateException("\n  \n[CODE] first line  \nsecond line")))
        .isEqualTo("[CODE] first line");
    assertThat(Jobs.oneLine(new RuntimeException("\n", new IllegalArgumentException("cause"))))
        .as("a blank message is no message: the cause's")
        .isEqualTo("cause");
    assertThat(Jobs.oneLine(new NullPointerException())).isEqualTo("NullPointerException");
  }

  @Test
  void sqlThatDoesNotParseIsAUsageErrorWithSparksFirstLine() {
    Cli result = Cli.run("sql", "--lake", dir.resolve("lake").toString(), "SELEC");

    assertThat(result.exitCode()).as("exit code%n%s", result).isEqualTo(ExitCode.USAGE.code());
    assertThat(result.err().lines().toList())
        .containsExactly(
            "error: [PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'.(line 1, pos 0)",
            "try 'movie-status sql --help'");
  }

  @Test
  void sqlOnATableTheLakeDoesNotHaveIsAUsageError() {
    Cli result = Cli.run("sql", "--lake", dir.resolve("lake").toString(), "SELECT * FROM nope");

    assertThat(result.exitCode()).as("exit code%n%s", result).isEqualTo(ExitCode.USAGE.code());
    assertThat(result.err().lines().toList())
        .containsExactly(
            "error: [TABLE_OR_VIEW_NOT_FOUND] The table or view `nope` cannot be found. Verify the"
                + " spelling and correctness of the schema and catalog.",
            "try 'movie-status sql --help'");
  }

  @Test
  void silverOnAPathWithoutALakeSaysSoAndExitsWithSeven() {
    Path nowhere = dir.resolve("no-lake-here");

    Cli result = Cli.run("silver", "--lake", nowhere.toString());

    assertThat(result.exitCode())
        .as("exit code%n%s", result)
        .isEqualTo(ExitCode.MISSING_PREREQUISITE.code())
        .isEqualTo(7);
    assertThat(result.err())
        .isEqualTo("error: no lake at " + nowhere + ": no bronze files and no silver tables\n");
    assertThat(result.out()).doesNotContain("up to date");
    assertThat(nowhere).as("nothing created").doesNotExist();
  }

  @Test
  void goldBeforeSilverSaysToRunSilverAndExitsWithSeven() {
    LakeLayout lake = LakeLayout.of(dir.resolve("lake").toString());

    Cli result = Cli.run("gold", "--lake", lake.root());

    assertThat(result.exitCode())
        .as("exit code%n%s", result)
        .isEqualTo(ExitCode.MISSING_PREREQUISITE.code());
    assertThat(result.err())
        .isEqualTo(
            "error: silver status_fact does not exist at "
                + lake.tablePath(Tables.STATUS_FACT)
                + ": run silver first\n");
  }

  @Test
  void reportBeforeGoldSaysToRunGoldAndExitsWithSeven() {
    LakeLayout lake = LakeLayout.of(dir.resolve("lake").toString());

    Cli result = Cli.run("report", "--lake", lake.root());

    assertThat(result.exitCode())
        .as("exit code%n%s", result)
        .isEqualTo(ExitCode.MISSING_PREREQUISITE.code());
    assertThat(result.err())
        .isEqualTo(
            "error: gold movie_rankings is empty at "
                + lake.tablePath(Tables.MOVIE_RANKINGS)
                + ": run silver and gold first\n");
  }

  @Test
  void recommendBeforeAnyRatingsSaysToRunRatingsAndExitsWithSeven() {
    LakeLayout lake = LakeLayout.of(dir.resolve("lake").toString());

    Cli result = Cli.run("recommend", "--lake", lake.root());

    assertThat(result.exitCode())
        .as("exit code%n%s", result)
        .isEqualTo(ExitCode.MISSING_PREREQUISITE.code());
    assertThat(result.err())
        .isEqualTo(
            "error: silver ratings_fact does not exist at "
                + lake.tablePath(Tables.RATINGS_FACT)
                + ": run ratings first\n");
  }
}
