package io.moviestatus.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.moviestatus.model.BronzeContract;
import io.moviestatus.model.BronzeContract.Source;
import io.moviestatus.model.LakeLayout;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes bronze snapshot files through the Hadoop file system API, so the same code writes a local
 * folder, {@code abfss://} and {@code dbfs:/}.
 *
 * <p>Atomic ({@link AtomicLanding}): the lines go to a hidden temporary file in the target's folder
 * ({@code .<date>.jsonl.<uuid>.tmp}, which is not a snapshot name), renamed over the target once
 * complete. Readers never see a partial file; on failure the temporary file is deleted and the
 * date's earlier file stays as it was. Idempotent: writing a date again replaces its file.
 */
public final class BronzeWriter {

  private static final Logger LOG = LoggerFactory.getLogger(BronzeWriter.class);

  private final Configuration hadoopConf;

  /**
   * @param hadoopConf the Hadoop configuration (on Spark: {@code
   *     spark.sparkContext().hadoopConfiguration()}), which holds the storage credentials
   */
  public BronzeWriter(Configuration hadoopConf) {
    this.hadoopConf = requireNonNull(hadoopConf, "hadoopConf is null");
  }

  /**
   * Writes (or replaces) the snapshot file of {@code source} for {@code date}, one envelope per
   * line in the given order, UTF-8.
   *
   * @return the path written, {@link BronzeContract#snapshotPath}
   * @throws IllegalArgumentException when the list is empty or an envelope belongs to another
   *     source or date (nothing is written)
   */
  public String write(
      LakeLayout lake, Source source, LocalDate date, List<BronzeEnvelope> envelopes)
      throws IOException {
    requireNonNull(lake, "lake is null");
    requireNonNull(source, "source is null");
    requireNonNull(date, "date is null");
    requireNonNull(envelopes, "envelopes is null");
    if (envelopes.isEmpty()) {
      throw new IllegalArgumentException("a bronze snapshot holds at least one response");
    }
    String target = BronzeContract.snapshotPath(lake, source, date);
    writeAtomically(new Path(target), source, date, envelopes);
    return target;
  }

  private void writeAtomically(
      Path targetPath, Source source, LocalDate date, List<BronzeEnvelope> envelopes)
      throws IOException {
    int[] lines = {0};
    Path target =
        AtomicLanding.land(
            hadoopConf,
            targetPath,
            (fs, temp) -> {
              try (Writer out =
                  new BufferedWriter(new OutputStreamWriter(fs.create(temp, false), UTF_8))) {
                for (BronzeEnvelope envelope : envelopes) {
                  check(envelope, source, date, lines[0]);
                  out.write(envelope.toJsonLine());
                  out.write('\n');
                  lines[0]++;
                }
              }
            });
    LOG.info("Wrote bronze {} snapshot {}: {} line(s)", source.endpoint(), target, lines[0]);
  }

  private static void check(BronzeEnvelope envelope, Source source, LocalDate date, int index) {
    requireNonNull(envelope, "envelope " + index + " is null");
    if (!source.endpoint().equals(envelope.endpoint())) {
      throw new IllegalArgumentException(
          "envelope " + index + " is from " + envelope.endpoint() + ", not " + source.endpoint());
    }
    if (!date.equals(envelope.snapshotDate())) {
      throw new IllegalArgumentException(
          "envelope " + index + " belongs to " + envelope.snapshotDate() + ", not " + date);
    }
  }
}
