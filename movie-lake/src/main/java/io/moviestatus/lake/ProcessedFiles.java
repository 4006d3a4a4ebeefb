package io.moviestatus.lake;

import static java.util.Objects.requireNonNull;

import io.delta.tables.DeltaTable;
import io.moviestatus.model.LakeLayout;
import io.moviestatus.model.Tables;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * The processed-files log ({@link Tables#PROCESSED_FILES}) as an incremental build uses it: which
 * of the files it lists are not built yet, and the rows that log the build's files as built,
 * written after every table of the build. That last write is the build's commit point: a build that
 * fails before it leaves its files unlogged, and the next build takes them again.
 *
 * <p>A listed file counts as built while its path, modification time and size are the logged ones:
 * a new file, or one rewritten since (a re-fetched day), is built again. The log is read from its
 * plain-text index when that is current (cheap in a cold JVM: {@link ProcessedFilesIndex}), else
 * from the Delta table, which stays the truth.
 *
 * <pre>{@code
 * ProcessedFiles log = ProcessedFiles.read(spark, lake, List.of("events")); // the sources it builds
 * List<MyFile> pending = log.notBuilt(listed, MyFile::entry); // entry(): a ProcessedFiles.Entry
 * // ... write every table from the pending files ...
 * log.markBuilt(pending.stream().map(MyFile::entry).toList(), clock.instant()); // last
 * }</pre>
 */
public final class ProcessedFiles {

  /**
   * One file as the log records it.
   *
   * @param path the path exactly as listed (the string the quarantine keys on too)
   * @param source the build's name for what the file is (the log's {@code source} column)
   * @param date the date the file name stands for (its snapshot or landing day)
   */
  public record Entry(
      String path, String source, LocalDate date, long modificationTime, long size) {
    public Entry {
      requireNonNull(path, "path is null");
      requireNonNull(source, "source is null");
      requireNonNull(date, "date is null");
    }
  }

  private final SparkSession spark;
  private final LakeLayout lake;

  /** The logged files of the sources read, by path; empty when the log was not read. */
  private final Optional<Map<String, ProcessedFilesIndex.Entry>> built;

  private ProcessedFiles(
      SparkSession spark, LakeLayout lake, Optional<Map<String, ProcessedFilesIndex.Entry>> built) {
    this.spark = requireNonNull(spark, "spark is null");
    this.lake = requireNonNull(lake, "lake is null");
    this.built = built;
  }

  /** The log's files of the given sources: those a build of these sources has built. */
  public static ProcessedFiles read(
      SparkSession spark, LakeLayout lake, Collection<String> sources) {
    requireNonNull(sources, "sources is null");
    Map<String, ProcessedFilesIndex.Entry> logged = new LinkedHashMap<>();
    readLog(spark, lake).values().stream()
        .filter(entry -> sources.contains(entry.source()))
        .forEach(entry -> logged.put(entry.path(), entry));
    return new ProcessedFiles(spark, lake, Optional.of(logged));
  }

  /**
   * The log of a rebuild, which takes its files whatever the log says: it is not read, every file
   * counts as not built, and {@link #markBuilt} logs them as any build does.
   */
  public static ProcessedFiles unread(SparkSession spark, LakeLayout lake) {
    return new ProcessedFiles(spark, lake, Optional.empty());
  }

  /** The files, in order, that the log does not hold as built; {@code entry} describes each. */
  public <F> List<F> notBuilt(Collection<F> files, Function<? super F, Entry> entry) {
    requireNonNull(entry, "entry is null");
    return files.stream().filter(file -> !isBuilt(entry.apply(file))).toList();
  }

  /** Whether the log holds this file, unchanged since, as built. */
  public boolean isBuilt(Entry file) {
    ProcessedFilesIndex.Entry logged = built.map(log -> log.get(file.path())).orElse(null);
    return logged != null
        && logged.modificationTime() == file.modificationTime()
        && logged.size() == file.size();
  }

  /** The paths of the logged files of the sources read (none when the log was not read). */
  public Set<String> builtPaths() {
    return built.map(Map::keySet).map(Set::copyOf).orElse(Set.of());
  }

  /**
   * Logs the files as built at {@code processedAt}, in one commit: the commit point of a build, to
   * be written after its last table. A file new to the log is appended, a rebuilt one's row
   * replaced (merged by path). The log's plain-text index is then brought up to the new version.
   */
  public void markBuilt(Collection<Entry> files, Instant processedAt) {
    requireNonNull(processedAt, "processedAt is null");
    Timestamp at = Timestamp.from(processedAt);
    List<Row> rows =
        files.stream()
            .map(
                file ->
                    RowFactory.create(
                        file.path(),
                        file.source(),
                        Date.valueOf(file.date()),
                        file.modificationTime(),
                        file.size(),
                        at))
            .toList();
    Dataset<Row> frame = spark.createDataFrame(rows, Tables.PROCESSED_FILES.schema());
    List<ProcessedFilesIndex.Entry> added =
        files.stream()
            .map(
                file ->
                    new ProcessedFilesIndex.Entry(
                        file.path(), file.source(), file.modificationTime(), file.size()))
            .toList();
    write(frame, added);
  }

  private void write(Dataset<Row> files, List<ProcessedFilesIndex.Entry> added) {
    DeltaTable table = DeltaTables.ensure(spark, lake, Tables.PROCESSED_FILES);
    ProcessedFilesIndex index = index(spark, lake);
    OptionalLong base = index.latestVersion();
    Map<String, ProcessedFilesIndex.Entry> before =
        base.isPresent() ? index.read(base.getAsLong()) : null;
    if (before != null && added.stream().noneMatch(e -> before.containsKey(e.path()))) {
      files.write().format("delta").mode("append").save(lake.tablePath(Tables.PROCESSED_FILES));
    } else {
      table
          .as("t")
          .merge(files.as("s"), "t.path = s.path")
          .whenMatched()
          .updateAll()
          .whenNotMatched()
          .insertAll()
          .execute();
    }
    OptionalLong after = index.latestVersion();
    if (after.isEmpty()) {
      index.remove();
    } else if (before != null && after.getAsLong() == base.getAsLong() + 1) {
      Map<String, ProcessedFilesIndex.Entry> now = new LinkedHashMap<>(before);
      added.forEach(entry -> now.put(entry.path(), entry));
      index.write(after.getAsLong(), now.values());
    } else { // no index yet, or another writer committed too: rebuild it from the table
      index.write(after.getAsLong(), readTable(spark, lake, after.getAsLong()).values());
    }
  }

  /**
   * Every logged file by path, from the index when it is current, else from the table; none when
   * the log has no commit yet.
   */
  private static Map<String, ProcessedFilesIndex.Entry> readLog(
      SparkSession spark, LakeLayout lake) {
    ProcessedFilesIndex index = index(spark, lake);
    OptionalLong version = index.latestVersion();
    if (version.isEmpty()) {
      return Map.of();
    }
    Map<String, ProcessedFilesIndex.Entry> entries = index.read(version.getAsLong());
    return entries != null ? entries : readTable(spark, lake, version.getAsLong());
  }

  private static ProcessedFilesIndex index(SparkSession spark, LakeLayout lake) {
    return new ProcessedFilesIndex(spark.sparkContext().hadoopConfiguration(), lake);
  }

  private static Map<String, ProcessedFilesIndex.Entry> readTable(
      SparkSession spark, LakeLayout lake, long version) {
    return spark
        .read()
        .format("delta")
        .option("versionAsOf", version)
        .load(lake.tablePath(Tables.PROCESSED_FILES))
        .select("path", "source", "modification_time", "size")
        .collectAsList()
        .stream()
        .map(
            row ->
                new ProcessedFilesIndex.Entry(
                    row.getString(0), row.getString(1), row.getLong(2), row.getLong(3)))
        .collect(
            Collectors.toMap(
                ProcessedFilesIndex.Entry::path,
                entry -> entry,
                (first, second) -> second,
                LinkedHashMap::new));
  }
}
