package io.moviestatus.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import okhttp3.mockwebserver.MockResponse;
import okio.Buffer;

/** Generated TMDB daily ID exports of the real shape: gzip of JSON lines. */
public final class ExportFixtures {

  private static final String[] WORDS = {
    "The", "Night", "Blondie", "Return", "of", "Love", "Dark", "City", "Last", "Summer", "Dream",
    "Girl", "Man", "War", "House", "Story", "Blue", "Red", "Lost", "Time", "Über", "Amélie",
    "東京", "Día", "Moon", "Fire", "King", "Road", "Secret", "Life", "\"Quoted\"", "Back\\slash"
  };

  private ExportFixtures() {}

  /**
   * Writes {@code lines} export lines, gzip-compressed, to {@code out}: {@code
   * {"adult":false,"id":…,"original_title":"…","popularity":…,"video":false}}, ids ascending.
   */
  public static void writeExport(OutputStream out, int lines, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder line = new StringBuilder(160);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16)) {
      long id = 2;
      for (int i = 0; i < lines; i++) {
        id += 1 + random.nextInt(3);
        line.setLength(0);
        line.append("{\"adult\":").append(random.nextInt(50) == 0);
        line.append(",\"id\":").append(id);
        line.append(",\"original_title\":\"");
        int words = 1 + random.nextInt(4);
        for (int w = 0; w < words; w++) {
          if (w > 0) {
            line.append(' ');
          }
          String word = WORDS[random.nextInt(WORDS.length)];
          line.append(word.replace("\\", "\\\\").replace("\"", "\\\""));
        }
        line.append("\",\"popularity\":");
        line.append(String.format(Locale.ROOT, "%.3f", 0.6 + random.nextDouble() * 40));
        line.append(",\"video\":").append(random.nextInt(100) == 0).append("}\n");
        gzip.write(line.toString().getBytes(UTF_8));
      }
    }
  }

  /** A generated export in memory. */
  public static byte[] export(int lines, long seed) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writeExport(out, lines, seed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A 200 response with the bytes as body, as TMDB's file host serves it. */
  public static MockResponse gzipFile(byte[] bytes) {
    return new MockResponse()
        .setResponseCode(200)
        .setHeader("Content-Type", "application/octet-stream")
        .setBody(new Buffer().write(bytes));
  }

  /** Lower-case hex SHA-256 of the bytes. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
