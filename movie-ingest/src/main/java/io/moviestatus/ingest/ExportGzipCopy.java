package io.moviestatus.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * Part of {@link ExportIngestion}: copies a response body to a file byte for byte through a 64 KiB
 * buffer while computing its SHA-256 and, in the same pass, decompressing it to count its lines and
 * prove it a complete gzip. Never holds the file in the heap. Failures are tagged with their side:
 * {@link SourceFailure} (reading the body), {@link SinkFailure} (writing the file), {@link NotGzip}
 * (the bytes arrived but are no complete gzip).
 */
final class ExportGzipCopy {

  static final int BUFFER_BYTES = 1 << 16;

  /** What was copied: bytes as received, their SHA-256 (lower-case hex), decompressed lines. */
  record Copied(long sizeBytes, String sha256, long lines) {}

  /** A read from the response failed (the network, not the data). */
  static final class SourceFailure extends IOException {
    private static final long serialVersionUID = 1L;

    SourceFailure(IOException cause) {
      super(cause);
    }

    IOException cause() {
      return (IOException) getCause();
    }
  }

  /** A write to the lake failed. */
  static final class SinkFailure extends IOException {
    private static final long serialVersionUID = 1L;

    SinkFailure(IOException cause) {
      super(cause);
    }

    IOException cause() {
      return (IOException) getCause();
    }
  }

  /** The body was read to its end but is not a complete gzip file. */
  static final class NotGzip extends IOException {
    private static final long serialVersionUID = 1L;
    private final long bytesReceived;

    NotGzip(long bytesReceived, IOException cause) {
      super(cause);
      this.bytesReceived = bytesReceived;
    }

    long bytesReceived() {
      return bytesReceived;
    }

    IOException cause() {
      return (IOException) getCause();
    }
  }

  private ExportGzipCopy() {}

  /**
   * Copies {@code body} to {@code file} (which the caller closes), hashing and verifying it.
   *
   * @throws SourceFailure when reading the body fails
   * @throws SinkFailure when writing the file fails
   * @throws NotGzip when the body is not a complete gzip file
   */
  static Copied copy(InputStream body, OutputStream file) throws IOException {
    MessageDigest sha256 = sha256();
    Tee tee = new Tee(body, new DigestOutputStream(file, sha256));
    long lines;
    try {
      lines = decompressAndCountLines(tee);
    } catch (SourceFailure | SinkFailure e) {
      throw e;
    } catch (IOException e) {
      throw new NotGzip(tee.bytes(), e);
    }
    return new Copied(tee.bytes(), HexFormat.of().formatHex(sha256.digest()), lines);
  }

  /**
   * Decompresses everything the tee passes (so every byte is written), counting lines; a final line
   * without a line break counts. Bytes after the gzip trailer, if any, are read (and so kept) too.
   */
  private static long decompressAndCountLines(Tee tee) throws IOException {
    long newlines = 0;
    int last = -1;
    byte[] buffer = new byte[BUFFER_BYTES];
    GZIPInputStream gzip = new GZIPInputStream(tee, BUFFER_BYTES);
    int n;
    while ((n = gzip.read(buffer)) > 0) {
      for (int i = 0; i < n; i++) {
        if (buffer[i] == '\n') {
          newlines++;
        }
      }
      last = buffer[n - 1];
    }
    tee.drain(buffer);
    return newlines + (last >= 0 && last != '\n' ? 1 : 0);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * Passes the body through to its reader (the gzip decoder) and writes every byte read to the
   * sink, so the file holds exactly the bytes received. Failures are tagged with their side.
   */
  private static final class Tee extends FilterInputStream {
    private final OutputStream sink;
    private long bytes;

    Tee(InputStream source, OutputStream sink) {
      super(source);
      this.sink = sink;
    }

    long bytes() {
      return bytes;
    }

    @Override
    public int read() throws IOException {
      int b;
      try {
        b = in.read();
      } catch (IOException e) {
        throw new SourceFailure(e);
      }
      if (b >= 0) {
        try {
          sink.write(b);
        } catch (IOException e) {
          throw new SinkFailure(e);
        }
        bytes++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n;
      try {
        n = in.read(buffer, offset, length);
      } catch (IOException e) {
        throw new SourceFailure(e);
      }
      if (n > 0) {
        try {
          sink.write(buffer, offset, n);
        } catch (IOException e) {
          throw new SinkFailure(e);
        }
        bytes += n;
      }
      return n;
    }

    /** Skipped bytes are read (and so written) too. */
    @Override
    public long skip(long count) throws IOException {
      byte[] buffer = new byte[(int) Math.min(BUFFER_BYTES, Math.max(0, count))];
      long skipped = 0;
      while (skipped < count) {
        int n = read(buffer, 0, (int) Math.min(buffer.length, count - skipped));
        if (n < 0) {
          break;
        }
        skipped += n;
      }
      return skipped;
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    /** Reads (and writes) whatever is left of the body. */
    void drain(byte[] buffer) throws IOException {
      while (read(buffer, 0, buffer.length) >= 0) {
        // written by read
      }
    }

    /** Closing the decoder must not close the response here; the caller closes both. */
    @Override
    public void close() {}
  }
}
