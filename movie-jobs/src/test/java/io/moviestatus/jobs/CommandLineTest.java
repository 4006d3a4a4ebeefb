package io.moviestatus.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moviestatus.ingest.TmdbCredential;
import io.moviestatus.model.LakeLayout;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
        .containsExactly(
            "error: --days must be between 1 and 366, was 0", "try 'movie-status report --help'");
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
  void maintenanceRefusesARetentionShorterThanSevenDays() {
    Cli result = Cli.run("maintenance", "--retention-hours", "24");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("error: --retention-hours must be at least 168 (7 days), was 24\n");
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
  void csvQuotesOnlyWhatNeedsIt() {
    assertThat(Csv.field("plain")).isEqualTo("plain");
    assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
    assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
  }
}
