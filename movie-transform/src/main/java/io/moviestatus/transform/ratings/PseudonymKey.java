package io.moviestatus.transform.ratings;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret key that pseudonymises user ids: {@code user_key = hex(HMAC-SHA256(key, raw user
 * id))}. The same raw id and key always give the same user_key; without the key, a user_key cannot
 * be traced back to the raw id. The key comes from configuration (a secret scope on Databricks), is
 * at least {@value #MIN_BYTES} bytes long, and is never printed: {@link #toString()} shows its
 * length only.
 *
 * <p>Its {@link #fingerprint()} tells keys apart without revealing them: the lake records it with
 * {@code ratings_fact}, so that an import under another key refuses to run (see {@link
 * RatingsImport}).
 *
 * <pre>{@code
 * PseudonymKey key = PseudonymKey.fromBase64(secretFromConfiguration);
 * String userKey = key.pseudonymise("u001"); // 64 hex characters
 * }</pre>
 */
public final class PseudonymKey implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Minimum key length in bytes. */
  public static final int MIN_BYTES = 16;

  private static final String ALGORITHM = "HmacSHA256";

  /** What {@link #fingerprint()} hashes under the key. */
  private static final String FINGERPRINT_LABEL = "movie-status pseudonym key fingerprint v1";

  private final byte[] key;

  private PseudonymKey(byte[] key) {
    requireNonNull(key, "pseudonymisation key is null");
    if (key.length < MIN_BYTES) {
      throw new IllegalArgumentException(
          "pseudonymisation key must be at least "
              + MIN_BYTES
              + " bytes long (got "
              + key.length
              + " bytes)");
    }
    this.key = key.clone();
  }

  /** A key from raw bytes (copied). */
  public static PseudonymKey of(byte[] key) {
    return new PseudonymKey(key);
  }

  /** A key from its UTF-8 text (a passphrase of at least 16 bytes). */
  public static PseudonymKey ofText(String secret) {
    requireNonNull(secret, "pseudonymisation key is null");
    return new PseudonymKey(secret.getBytes(StandardCharsets.UTF_8));
  }

  /** A key from Base64 text; the message of a decoding failure never contains the text. */
  public static PseudonymKey fromBase64(String base64) {
    requireNonNull(base64, "pseudonymisation key is null");
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      // The decoder's message may quote the text: never pass it on.
      throw new IllegalArgumentException("pseudonymisation key is not valid Base64");
    }
    return new PseudonymKey(bytes);
  }

  /** The user_key of a raw user id: lower-case hex HMAC-SHA256, 64 characters. */
  public String pseudonymise(String rawUserId) {
    requireNonNull(rawUserId, "rawUserId is null");
    // A Mac per call: thread-safe, and cheap next to reading the rating.
    return HexFormat.of().formatHex(newMac().doFinal(rawUserId.getBytes(StandardCharsets.UTF_8)));
  }

  private Mac newMac() {
    try {
      Mac created = Mac.getInstance(ALGORITHM);
      created.init(new SecretKeySpec(key, ALGORITHM));
      return created;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /**
   * The key's fingerprint: lower-case hex HMAC-SHA256 of the fixed label {@code "movie-status
   * pseudonym key fingerprint v1"} under the key, 64 characters. Equal keys give equal
   * fingerprints, different keys different ones (but for a 2<sup>-256</sup> chance). It is a keyed
   * hash like every user_key (the user_key a raw user id equal to the label would get), so it
   * reveals nothing of the key that the user_keys in {@code ratings_fact} do not: recovering the
   * key from it means guessing the key, which a key of at least {@value #MIN_BYTES} random bytes
   * makes hopeless (a guessable passphrase is as weak here as it is for the user_keys).
   */
  public String fingerprint() {
    return pseudonymise(FINGERPRINT_LABEL);
  }

  /** Key length in bytes. */
  public int length() {
    return key.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PseudonymKey that && java.security.MessageDigest.isEqual(key, that.key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key);
  }

  /** {@code PseudonymKey[32 bytes]}: never the key itself. */
  @Override
  public String toString() {
    return "PseudonymKey[" + key.length + " bytes]";
  }
}
