package io.moviestatus.transform.ratings;

import static java.util.Objects.requireNonNull;

import io.moviestatus.lake.DeltaTables;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.Tables;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Which key the user_keys of {@code ratings_fact} were made with: the {@link
 * PseudonymKey#fingerprint()} of that key, recorded in the table property {@link
 * Tables#RATINGS_KEY_FINGERPRINT} of {@code ratings_fact} itself.
 *
 * <p>Why a table property: the record lives and dies with the table it describes (a {@code
 * ratings_fact} deleted to start over takes it along, a copied lake keeps it), needs no table of
 * its own, and is written in the commit that creates the table. Set on an existing table it is a
 * metadata-only commit, which the recommender does not count as new ratings.
 *
 * <p>The property holds one of: nothing (no table yet, or a lake built before fingerprints were
 * recorded: its next import records its key, which cannot be checked against the stored user_keys);
 * the fingerprint of the key; or, while {@code --rotate-key} rewrites the table, {@code
 * rotating-to:<new fingerprint>}, which matches no key. The marker is set before the rewrite and
 * replaced by the new fingerprint after the rewrite's last commit, so no import ever adds ratings
 * to a table half way between two keys; a rotation that failed is finished by running it again.
 */
final class KeyFingerprint {

  private static final String ROTATING = "rotating-to:";

  /** Hex characters of a fingerprint shown in messages. */
  private static final int SHOWN = 12;

  private final SparkSession spark;
  private final LakeLayout lake;
  private final String fingerprint;

  /** The property's value as last read or written; null when there is none. */
  private String recorded;

  private KeyFingerprint(SparkSession spark, LakeLayout lake, String fingerprint, String recorded) {
    this.spark = spark;
    this.lake = lake;
    this.fingerprint = fingerprint;
    this.recorded = recorded;
  }

  /** The record of the lake's {@code ratings_fact}, to be compared with {@code key}. */
  static KeyFingerprint read(SparkSession spark, LakeLayout lake, PseudonymKey key) {
    requireNonNull(key, "key is null");
    Map<String, String> properties = DeltaTables.properties(spark, lake, Tables.RATINGS_FACT);
    return new KeyFingerprint(
        spark, lake, key.fingerprint(), properties.get(Tables.RATINGS_KEY_FINGERPRINT));
  }

  /**
   * Passes when no key or this key is recorded.
   *
   * @throws PseudonymKeyMismatchException when another key, or an unfinished rotation, is
   */
  void requireMatch() {
    if (recorded == null || recorded.equals(fingerprint)) {
      return;
    }
    if (recorded.startsWith(ROTATING)) {
      throw new PseudonymKeyMismatchException(
          "ratings_fact is half way through a key rotation (to the key with fingerprint "
              + shown(recorded.substring(ROTATING.length()))
              + "); run ratings --rotate-key again to finish it");
    }
    throw new PseudonymKeyMismatchException(
        "RATINGS_HMAC_KEY (fingerprint "
            + shown(fingerprint)
            + ") does not match the key ratings_fact was built with (fingerprint "
            + shown(recorded)
            + "); to re-pseudonymise every rating under the new key run ratings --rotate-key");
  }

  /**
   * Before an import's first write: records this key when none is recorded (creating {@code
   * ratings_fact} when it does not exist yet).
   */
  void recordIfNone() {
    if (recorded == null) {
      record(fingerprint);
    }
  }

  /**
   * Before a rotation's first write: the rotation marker on an existing table; a table that does
   * not exist yet is created with this key's fingerprint (it holds no rating of another key).
   */
  void startRotation() {
    record(
        DeltaTables.exists(spark, lake, Tables.RATINGS_FACT)
            ? ROTATING + fingerprint
            : fingerprint);
  }

  /** After a rotation's last write: this key's fingerprint replaces the marker. */
  void finishRotation() {
    if (!fingerprint.equals(recorded)) {
      record(fingerprint);
    }
  }

  /** This key's fingerprint as messages show it. */
  String shown() {
    return shown(fingerprint);
  }

  private void record(String value) {
    DeltaTables.setProperties(
        spark, lake, Tables.RATINGS_FACT, Map.of(Tables.RATINGS_KEY_FINGERPRINT, value));
    recorded = value;
  }

  private static String shown(String fingerprint) {
    return fingerprint.length() <= SHOWN ? fingerprint : fingerprint.substring(0, SHOWN) + "…";
  }
}
