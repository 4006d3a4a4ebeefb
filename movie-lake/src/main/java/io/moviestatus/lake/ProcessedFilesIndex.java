package io.moviestatus.lake;

import static java.util.Objects.requireNonNull;

import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.Tables;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A plain-text copy of the processed-files log ({@link Tables#PROCESSED_FILES}) as of one Delta
 * version, beside the table: {@code <lake>/_state/processed_files.index}. Reading it costs a
 * listing of the table's {@code _delta_log} and one small file, where the Delta table costs a
 * snapshot load and a scan (seconds in a cold JVM). It is used only while its version is the
 * table's latest; any other writer of the table (a maintenance OPTIMIZE, a concurrent build) makes
 * it stale and readers fall back to the table. The Delta table stays the truth.
 *
 * <p>Format: first line {@code version<TAB>N}, then one line per file {@code
 * source<TAB>modification_time<TAB>size<TAB>path}.
 */
final class ProcessedFilesIndex {

  private static final Pattern COMMIT = Pattern.compile("\\d{20}\\.json");

  /** One logged file. */
  record Entry(String path, String source, long modificationTime, long size) {
    Entry {
      requireNonNull(path, "path is null");
      requireNonNull(source, "source is null");
    }
  }

  private final Configuration conf;
  private final Path table;
  private final Path index;

  ProcessedFilesIndex(Configuration conf, LakeLayout lake) {
    this.conf = requireNonNull(conf, "conf is null");
    String tablePath = lake.tablePath(Tables.PROCESSED_FILES);
    this.table = new Path(tablePath);
    this.index = new Path(tablePath + ".index");
  }

  /** The table's latest committed version, from its log listing; empty when it has none. */
  OptionalLong latestVersion() {
    Path log = new Path(table, "_delta_log");
    try {
      FileSystem fs = log.getFileSystem(conf);
      long latest = -1;
      for (FileStatus status : fs.listStatus(log)) {
        String name = status.getPath().getName();
        if (COMMIT.matcher(name).matches()) {
          latest = Math.max(latest, Long.parseLong(name.substring(0, 20)));
        }
      }
      return latest < 0 ? OptionalLong.empty() : OptionalLong.of(latest);
    } catch (FileNotFoundException e) {
      return OptionalLong.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + log + ": " + e.getMessage(), e);
    }
  }

  /** The entries, keyed by path, when the index was written at {@code version}; else null. */
  Map<String, Entry> read(long version) {
    try {
      FileSystem fs = index.getFileSystem(conf);
      try (FSDataInputStream in = fs.open(index);
          BufferedReader reader =
              new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String header = reader.readLine();
        if (header == null || !header.equals("version\t" + version)) {
          return null;
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          String[] fields = line.split("\t", 4);
          if (fields.length != 4) {
            return null; // not written by this class: ignore it
          }
          Entry entry =
              new Entry(fields[3], fields[0], Long.parseLong(fields[1]), Long.parseLong(fields[2]));
          entries.put(entry.path(), entry);
        }
        return entries;
      }
    } catch (FileNotFoundException e) {
      return null;
    } catch (IOException | NumberFormatException e) {
      return null; // unreadable: the table answers instead
    }
  }

  /**
   * Writes the entries as the content of {@code version} (a temporary file renamed over the old
   * index). Entries whose path or source holds a tab or line break cannot be written: then the
   * index is removed and readers use the table.
   */
  void write(long version, Collection<Entry> entries) {
    try {
      FileSystem fs = index.getFileSystem(conf);
      if (entries.stream().anyMatch(e -> unsafe(e.path()) || unsafe(e.source()))) {
        fs.delete(index, false);
        return;
      }
      Path temporary = new Path(index.getParent(), "." + index.getName() + "." + UUID.randomUUID());
      try (FSDataOutputStream out = fs.create(temporary, true);
          BufferedWriter writer =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
        writer.write("version\t" + version + "\n");
        for (Entry e : entries) {
          writer.write(
              e.source() + "\t" + e.modificationTime() + "\t" + e.size() + "\t" + e.path() + "\n");
        }
      }
      fs.delete(index, false);
      if (!fs.rename(temporary, index)) {
        fs.delete(temporary, false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + index + ": " + e.getMessage(), e);
    }
  }

  /** Removes the index (readers then use the table). */
  void remove() {
    try {
      index.getFileSystem(conf).delete(index, false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + index + ": " + e.getMessage(), e);
    }
  }

  private static boolean unsafe(String text) {
    return text.indexOf('\t') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
  }
}
