package io.moviestatus.transform.ratings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.delta.tables.DeltaTable;
import io.moviestatus.lake.DeltaTables;
import io.moviestatus.lake.TableChange;
import io.moviestatus.lake.testing.SharedSpark;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.TableContract;
import io.moviestatus.model.Tables;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatingsImportTest {

  static final PseudonymKey KEY = PseudonymKey.ofText("test-key-of-32-bytes-0123456789ab");
  private static final Clock NOV_25 =
      Clock.fixed(Instant.parse("2026-11-25T06:00:00Z"), ZoneOffset.UTC);

  private final SparkSession spark = SharedSpark.spark();
  @TempDir Path root;

  private LakeLayout lake() {
    return LakeLayout.of(root.resolve("lake").toString());
  }

  static Path resource(String name) {
    try {
      return Path.of(RatingsImportTest.class.getResource("/ratings/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private RatingsImportReport importEvents(Path file) {
    return RatingsImport.builder(spark, lake(), KEY)
        .input(file.toString(), RatingsFormat.EVENTS)
        .clock(NOV_25)
        .build()
        .run();
  }

  private Path eventsFile(String name, String... lines) throws IOException {
    Path file = root.resolve("drop").resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return file;
  }

  private Dataset<Row> table(TableContract contract) {
    return spark.read().format("delta").load(lake().tablePath(contract));
  }

  /**
   * ratings_fact rows as sorted "user|movie|date|rating|rated_at" with the raw id for readability.
   */
  private List<String> ratings(String... rawUsers) {
    return ratings(KEY, rawUsers);
  }

  /** {@link #ratings(String...)} with the user_keys of {@code key}; another's show as "?…". */
  private List<String> ratings(PseudonymKey key, String... rawUsers) {
    Map<String, String> byKey = new java.util.HashMap<>();
    for (String raw : rawUsers) {
      byKey.put(key.pseudonymise(raw), raw);
    }
    return table(Tables.RATINGS_FACT)
        .selectExpr(
            "user_key",
            "concat_ws('|', movie_id, date_id, rating, date_format(rated_at, \"yyyy-MM-dd'T'HH:mm:ss\"))")
        .collectAsList()
        .stream()
        .map(
            row ->
                byKey.getOrDefault(row.getString(0), "?" + row.getString(0))
                    + "|"
                    + row.getString(1))
        .sorted()
        .toList();
  }

  private List<String> quarantine() {
    return SharedSpark.rows(table(Tables.QUARANTINE).select("entity", "reason", "raw"));
  }

  @Test
  void sameIdAndKeyGiveTheSameUserKeyAndAnotherKeyAnother() {
    PseudonymKey other = PseudonymKey.ofText("another-key-of-32-bytes-01234567");

    assertThat(KEY.pseudonymise("u001"))
        .as("deterministic")
        .isEqualTo(PseudonymKey.ofText("test-key-of-32-bytes-0123456789ab").pseudonymise("u001"));
    assertThat(KEY.pseudonymise("u001")).as("64 hex chars").matches("[0-9a-f]{64}");
    assertThat(other.pseudonymise("u001")).as("another key").isNotEqualTo(KEY.pseudonymise("u001"));
    assertThat(KEY.pseudonymise("u002")).as("another id").isNotEqualTo(KEY.pseudonymise("u001"));
    assertThat(KEY.pseudonymise("u001"))
        .as("HMAC-SHA256 test vector computed independently")
        .isEqualTo(hmacHex("test-key-of-32-bytes-0123456789ab", "u001"));
  }

  private static String hmacHex(String key, String message) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(
          new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return java.util.HexFormat.of()
          .formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void shortOrUndecodableKeyIsRejectedWithoutPrintingIt() {
    assertThatThrownBy(() -> PseudonymKey.ofText("short-secret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 16 bytes")
        .hasMessageNotContaining("short-secret");
    assertThatThrownBy(() -> PseudonymKey.fromBase64("not*base64*secret*value"))
        .hasMessage("pseudonymisation key is not valid Base64");
    assertThat(KEY.toString()).as("toString hides the key").isEqualTo("PseudonymKey[33 bytes]");
  }

  @Test
  void eventsCsvAndJsonLoadPseudonymisedWithEveryRejectQuarantinedWithItsReason() {
    RatingsImportReport csv = importEvents(resource("events/ratings.csv"));
    RatingsImportReport json = importEvents(resource("events/ratings.jsonl"));

    assertThat(ratings("u001", "u002", "u003", "u005"))
        .containsExactly(
            "u001|550|2026-11-20|4.5|2026-11-20T10:00:00",
            "u001|603|2025-11-20|3.0|2025-11-20T12:00:00",
            "u002|13|2026-11-21|0.5|2026-11-21T09:00:00",
            "u002|550|2026-11-21|5.0|2026-11-21T08:30:00",
            "u003|603|2026-11-21|2.5|2026-11-21T09:00:00",
            "u005|13|2025-11-22|3.5|2025-11-22T12:00:00",
            "u005|550|2026-11-22|4.0|2026-11-22T12:00:00");
    assertThat(csv.ratingsFact()).isEqualTo(new TableChange("ratings_fact", 5, 0, 0, 8));
    assertThat(csv.quarantinedByReason())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "missing_user",
                1L,
                "missing_movie",
                2L,
                "rating_out_of_scale",
                3L,
                "unparseable_timestamp",
                1L,
                "malformed_line",
                1L));
    assertThat(json.quarantinedByReason())
        .isEqualTo(Map.of("rating_out_of_scale", 1L, "malformed_line", 2L));
    String u004 = KEY.pseudonymise("u004");
    String u006 = KEY.pseudonymise("u006");
    assertThat(quarantine())
        .as("raw text kept, the readable user id replaced by its user_key")
        .containsExactly(
            "rating|malformed_line|[1,2,3]",
            "rating|malformed_line|u004,550,4.0",
            "rating|malformed_line|{\"user_id\":\"u006\",\"movie_id\":550",
            "rating|missing_movie|" + u004 + ",,4.0,2026-11-21T10:00:00Z",
            "rating|missing_movie|" + u004 + ",abc,4.0,2026-11-21T10:00:00Z",
            "rating|missing_user|,550,4.0,2026-11-21T10:00:00Z",
            "rating|rating_out_of_scale|" + u004 + ",550,,2026-11-21T10:00:00Z",
            "rating|rating_out_of_scale|" + u004 + ",550,3.3,2026-11-21T10:00:00Z",
            "rating|rating_out_of_scale|" + u004 + ",550,5.5,2026-11-21T10:00:00Z",
            "rating|rating_out_of_scale|{\"user_key\":\""
                + u006
                + "\",\"movie_id\":550,\"rating\":0,\"rated_at\":\"2026-11-22T12:00:00Z\"}",
            "rating|unparseable_timestamp|" + u004 + ",550,4.0,yesterday");
    String silver =
        table(Tables.RATINGS_FACT)
            .selectExpr("concat_ws('|', *)")
            .as(Encoders.STRING())
            .collectAsList()
            .toString();
    String quarantined =
        table(Tables.QUARANTINE).selectExpr("raw").as(Encoders.STRING()).collectAsList().toString();
    assertThat(silver + quarantined)
        .as("no readable raw user id outside bronze")
        .doesNotContain("u001", "u002", "u003", "u005");
  }

  @Test
  void movieLensRatingsAreMappedToTmdbIdsAndMoviesWithoutOneCounted() {
    RatingsImportReport report =
        RatingsImport.builder(spark, lake(), KEY)
            .input(resource("movielens").toString(), RatingsFormat.MOVIELENS)
            .clock(NOV_25)
            .build()
            .run();

    assertThat(ratings("1", "2", "3"))
        .containsExactly(
            "1|862|2025-11-20|4.0|2025-11-20T00:00:00",
            "1|8844|2025-11-20|3.5|2025-11-20T01:00:00",
            "2|862|2025-11-21|5.0|2025-11-21T00:00:00",
            "3|31357|2025-11-21|3.0|2025-11-21T03:00:00",
            "3|8844|2025-11-21|4.5|2025-11-21T02:00:00");
    assertThat(report.noTmdbId()).isEqualTo(1);
    assertThat(quarantine())
        .containsExactly("rating|no_tmdb_id|" + KEY.pseudonymise("2") + ",3,2.0,1763686800");
    assertThat(report.landed())
        .as("input copied as dropped into dated bronze folders")
        .hasSize(2)
        .anySatisfy(
            path ->
                assertThat(path)
                    .endsWith("/bronze/ratings/movielens/2026/11/2026-11-25-ratings.csv"))
        .anySatisfy(
            path ->
                assertThat(path)
                    .endsWith("/bronze/ratings/movielens_links/2026/11/2026-11-25-links.csv"));
    assertThat(root.resolve("lake/bronze/ratings/movielens/2026/11/2026-11-25-ratings.csv"))
        .hasSameTextualContentAs(resource("movielens/ratings.csv"));
  }

  @Test
  void latestRatingPerUserAndMovieWinsWithinAndAcrossImports() throws IOException {
    importEvents(
        eventsFile(
            "a.csv",
            "user_id,movie_id,rating,rated_at",
            "u001,550,3.0,2026-11-20T10:00:00Z",
            "u001,550,4.0,2026-11-20T11:00:00Z",
            "u001,603,2.0,2026-11-20T10:00:00Z"));
    assertThat(ratings("u001"))
        .as("newest of one file")
        .containsExactly(
            "u001|550|2026-11-20|4.0|2026-11-20T11:00:00",
            "u001|603|2026-11-20|2.0|2026-11-20T10:00:00");

    RatingsImportReport newer =
        importEvents(
            eventsFile(
                "b.jsonl",
                "{\"user_id\":\"u001\",\"movie_id\":550,\"rating\":1.5,\"rated_at\":\"2026-11-19T10:00:00Z\"}",
                "{\"user_id\":\"u001\",\"movie_id\":603,\"rating\":5.0,\"rated_at\":\"2026-11-22T10:00:00Z\"}",
                "{\"user_id\":\"u002\",\"movie_id\":603,\"rating\":1.0,\"rated_at\":\"2026-11-22T10:00:00Z\"}"));

    assertThat(ratings("u001", "u002"))
        .as("an older rating never replaces a newer one")
        .containsExactly(
            "u001|550|2026-11-20|4.0|2026-11-20T11:00:00",
            "u001|603|2026-11-22|5.0|2026-11-22T10:00:00",
            "u002|603|2026-11-22|1.0|2026-11-22T10:00:00");
    assertThat(newer.ratingsFact()).isEqualTo(new TableChange("ratings_fact", 1, 1, 0, 0));
  }

  @Test
  void importIsIncrementalAndReimportingTheSameFileChangesNothing() {
    importEvents(resource("events/ratings.csv"));
    List<String> before = ratings("u001", "u002", "u003");
    List<String> quarantineBefore = quarantine();
    long versionBefore = ratingsFactVersion();

    RatingsImportReport nothing =
        RatingsImport.builder(spark, lake(), KEY).clock(NOV_25).build().run();
    RatingsImportReport again = importEvents(resource("events/ratings.csv"));

    assertThat(nothing.filesBuilt()).as("no new file").isZero();
    assertThat(again.filesBuilt()).as("re-landed file is rebuilt").isEqualTo(1);
    assertThat(again.ratingsFact()).isEqualTo(new TableChange("ratings_fact", 0, 0, 0, 8));
    assertThat(ratings("u001", "u002", "u003")).isEqualTo(before);
    assertThat(ratingsFactVersion())
        .as("ratings_fact commits of the re-import (none: no rating is new or newer)")
        .isEqualTo(versionBefore);
    assertThat(quarantine())
        .as("quarantine replaced per file, never duplicated")
        .isEqualTo(quarantineBefore);
  }

  private long ratingsFactVersion() {
    return version(Tables.RATINGS_FACT);
  }

  private long version(TableContract contract) {
    return DeltaTables.version(DeltaTable.forPath(spark, lake().tablePath(contract)));
  }

  private String recordedFingerprint() {
    return DeltaTables.properties(spark, lake(), Tables.RATINGS_FACT)
        .get(Tables.RATINGS_KEY_FINGERPRINT);
  }

  /** Every file under the lake's bronze/ratings, relative to it. */
  private List<String> bronzeRatingFiles() throws IOException {
    Path bronze = root.resolve("lake/bronze/ratings");
    try (Stream<Path> files = Files.walk(bronze)) {
      return files
          .filter(Files::isRegularFile)
          .map(bronze::relativize)
          .map(Path::toString)
          .sorted()
          .toList();
    }
  }

  /** The start of a fingerprint, as messages show it. */
  private static String shown(PseudonymKey key) {
    return key.fingerprint().substring(0, 12) + "…";
  }

  @Test
  void theKeyIsRecordedAsItsFingerprintAnotherKeyIsRefusedAndRotateKeyRepseudonymisesEveryRating()
      throws IOException {
    PseudonymKey other = PseudonymKey.ofText("another-key-of-32-bytes-01234567");
    assertThat(KEY.fingerprint())
        .as("fingerprint: HMAC-SHA256 of a fixed label under the key, computed independently")
        .isEqualTo(
            hmacHex(
                "test-key-of-32-bytes-0123456789ab", "movie-status pseudonym key fingerprint v1"))
        .isNotEqualTo(other.fingerprint());

    // 1. The first import records the key's fingerprint in the commit that creates the table.
    importEvents(
        eventsFile(
            "a.csv",
            "user_id,movie_id,rating,rated_at",
            "u001,550,4.0,2026-11-20T10:00:00Z",
            "u001,603,3.5,2026-11-20T11:00:00Z",
            "u002,550,5.0,2026-11-21T09:00:00Z",
            "u003,13,2.0,2026-11-21T10:00:00Z",
            "u004,550,9.0,2026-11-21T10:00:00Z"));
    assertThat(recordedFingerprint())
        .as("ratings_fact's table property: the key's fingerprint, never the key")
        .isEqualTo(KEY.fingerprint());
    assertThat(ratingsFactVersion())
        .as("ratings_fact commits: the creation (with the fingerprint), then the ratings")
        .isEqualTo(1);
    List<String> underKey = ratings("u001", "u002", "u003");

    // 2. Another key refuses before landing or writing anything.
    List<String> bronzeBefore = bronzeRatingFiles();
    long ratingsVersion = ratingsFactVersion();
    long quarantineVersion = version(Tables.QUARANTINE);
    long logVersion = version(Tables.PROCESSED_FILES);
    Path later =
        eventsFile(
            "b.csv",
            "user_id,movie_id,rating,rated_at",
            "u001,13,4.5,2026-11-22T10:00:00Z",
            "u005,603,1.0,2026-11-22T11:00:00Z");
    String mismatch =
        "RATINGS_HMAC_KEY (fingerprint "
            + shown(other)
            + ") does not match the key ratings_fact was built with (fingerprint "
            + shown(KEY)
            + "); to re-pseudonymise every rating under the new key run ratings --rotate-key";
    assertThatThrownBy(
            () ->
                RatingsImport.builder(spark, lake(), other)
                    .input(later.toString(), RatingsFormat.EVENTS)
                    .clock(NOV_25)
                    .build()
                    .run())
        .isInstanceOf(PseudonymKeyMismatchException.class)
        .hasMessage(mismatch);
    assertThat(bronzeRatingFiles()).as("nothing landed").isEqualTo(bronzeBefore);
    assertThat(
            List.of(
                ratingsFactVersion(), version(Tables.QUARANTINE), version(Tables.PROCESSED_FILES)))
        .as("versions of ratings_fact, quarantine, processed_files: no commit")
        .containsExactly(ratingsVersion, quarantineVersion, logVersion);

    // A rotation that stopped half way (its marker still set) is refused too, until run again.
    DeltaTables.setProperties(
        spark,
        lake(),
        Tables.RATINGS_FACT,
        Map.of(Tables.RATINGS_KEY_FINGERPRINT, "rotating-to:" + other.fingerprint()));
    assertThatThrownBy(() -> RatingsImport.builder(spark, lake(), other).build().run())
        .isInstanceOf(PseudonymKeyMismatchException.class)
        .hasMessage(
            "ratings_fact is half way through a key rotation (to the key with fingerprint "
                + shown(other)
                + "); run ratings --rotate-key again to finish it");

    // 3. --rotate-key rebuilds every rating from bronze under the new key.
    long beforeRotation = ratingsFactVersion();
    RatingsImportReport rotated =
        RatingsImport.builder(spark, lake(), other).rotateKey().clock(NOV_25).build().run();

    assertThat(ratings(other, "u001", "u002", "u003"))
        .as("the same ratings, each user under its new user_key")
        .isEqualTo(underKey);
    assertThat(rotated.keyRotation())
        .as("what the rotation rebuilt: 4 ratings, as many users as before")
        .isEqualTo(new RatingsImportReport.KeyRotation(shown(other), 4, 3));
    assertThat(rotated.ratingsFact())
        .as("every row replaced; the quarantined record rebuilt too")
        .isEqualTo(new TableChange("ratings_fact", 4, 0, 4, 1));
    assertThat(rotated.toString().lines())
        .as("the printed report ends with what happens to the recommender")
        .last()
        .isEqualTo(
            "key rotated: 4 rating(s) of 3 user(s) re-pseudonymised under the key with fingerprint "
                + shown(other)
                + "; user_recommendations and the recommender's models keep the old user_keys until"
                + " the next recommend, which retrains because ratings_fact changed");
    assertThat(quarantine())
        .as("the quarantined record's user_key is the new key's")
        .containsExactly(
            "rating|rating_out_of_scale|"
                + other.pseudonymise("u004")
                + ",550,9.0,2026-11-21T10:00:00Z");
    assertThat(recordedFingerprint())
        .as("the new key's fingerprint")
        .isEqualTo(other.fingerprint());
    assertThat(DeltaTables.dataChangedSince(spark, lake(), Tables.RATINGS_FACT, beforeRotation))
        .as("a data change of ratings_fact: the recommender's next run retrains")
        .isTrue();
    assertThat(
            DeltaTables.dataChangedSince(
                spark, lake(), Tables.RATINGS_FACT, ratingsFactVersion() - 1))
        .as("the fingerprint's own commit is metadata only")
        .isFalse();

    // 4. The new key is accepted from then on, the old one refused.
    RatingsImport.builder(spark, lake(), other)
        .input(later.toString(), RatingsFormat.EVENTS)
        .clock(NOV_25)
        .build()
        .run();
    assertThat(ratings(other, "u001", "u002", "u003", "u005"))
        .as("u001's new rating under the user_key of the rotated ones")
        .containsExactly(
            "u001|13|2026-11-22|4.5|2026-11-22T10:00:00",
            "u001|550|2026-11-20|4.0|2026-11-20T10:00:00",
            "u001|603|2026-11-20|3.5|2026-11-20T11:00:00",
            "u002|550|2026-11-21|5.0|2026-11-21T09:00:00",
            "u003|13|2026-11-21|2.0|2026-11-21T10:00:00",
            "u005|603|2026-11-22|1.0|2026-11-22T11:00:00");
    assertThatThrownBy(() -> RatingsImport.builder(spark, lake(), KEY).build().run())
        .as("the old key")
        .isInstanceOf(PseudonymKeyMismatchException.class)
        .hasMessageContaining("(fingerprint " + shown(KEY) + ") does not match")
        .hasMessageContaining("built with (fingerprint " + shown(other) + ")");
  }

  @Test
  void rotateKeyWithoutAnyRatingFileInBronzeRefusesToEmptyRatingsFact() {
    DeltaTables.ensure(spark, lake(), Tables.RATINGS_FACT);

    assertThatThrownBy(() -> RatingsImport.builder(spark, lake(), KEY).rotateKey().build().run())
        .isInstanceOf(io.moviestatus.model.MissingPrerequisiteException.class)
        .hasMessage(
            "no rating file under "
                + lake().bronzeRatings()
                + " to re-pseudonymise ratings_fact from: its ratings would be lost");
    assertThat(recordedFingerprint()).as("nothing recorded").isNull();
  }
}
