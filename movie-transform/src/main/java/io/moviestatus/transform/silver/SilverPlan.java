package io.moviestatus.transform.silver;

import static java.util.Objects.requireNonNull;

import io.moviestatus.lake.ProcessedFiles;
import io.moviestatus.model.BronzeContract;
import io.moviestatus.model.BronzeContract.Source;
import io.moviestatus.model.LakeLayout;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * What one silver build takes, chosen before any table is read or written: the snapshot days whose
 * status it builds with their discover and export files, the genre lists, whether {@code
 * status_fact} may hold a day after the batch's first that the batch does not rebuild, the
 * processed-files log the build commits to, and the build's instant.
 *
 * <p>Incremental (no range): the files the log does not hold as built (new, or changed since by
 * size or time). A day's status is built from all its files, so a new file of one source brings in
 * the other's of that day. A range: every file of those snapshot dates, built before or not (the
 * log is not read).
 */
record SilverPlan(
    SortedSet<LocalDate> days,
    List<BronzeFile> discover,
    List<BronzeFile> exports,
    List<BronzeFile> genres,
    boolean laterDaysKnown,
    ProcessedFiles log,
    Instant now) {

  /** The processed-files log's sources that silver builds. */
  static final List<String> SOURCES =
      List.of(
          Source.DISCOVER_MOVIE.folder(),
          Source.GENRE_MOVIE_LIST.folder(),
          BronzeContract.MOVIE_IDS_EXPORT_FOLDER);

  /** Snapshot dates {@code from} to {@code to}, inclusive. */
  record Range(LocalDate from, LocalDate to) {
    Range {
      requireNonNull(from, "from is null");
      requireNonNull(to, "to is null");
    }

    boolean contains(LocalDate day) {
      return !day.isBefore(from) && !day.isAfter(to);
    }
  }

  SilverPlan {
    days = Collections.unmodifiableSortedSet(new TreeSet<>(days));
    discover = List.copyOf(discover);
    exports = List.copyOf(exports);
    genres = List.copyOf(genres);
    requireNonNull(log, "log is null");
    requireNonNull(now, "now is null");
  }

  /**
   * Lists bronze and selects the files of a build: those of {@code range}, or else those {@code
   * log} does not hold as built ({@code log} is {@link ProcessedFiles#unread} for a range).
   */
  static SilverPlan select(
      Configuration conf, LakeLayout lake, Optional<Range> range, ProcessedFiles log, Clock clock) {
    List<BronzeFile> listedDiscover = BronzeFiles.list(conf, lake, Source.DISCOVER_MOVIE);
    List<BronzeFile> listedExports = BronzeFiles.listExports(conf, lake);
    List<BronzeFile> genres =
        select(BronzeFiles.list(conf, lake, Source.GENRE_MOVIE_LIST), range, log);
    SortedSet<LocalDate> days =
        Stream.concat(
                select(listedDiscover, range, log).stream(),
                select(listedExports, range, log).stream())
            .map(BronzeFile::snapshotDate)
            .collect(Collectors.toCollection(TreeSet::new));
    List<BronzeFile> discover = onDays(listedDiscover, days);
    List<BronzeFile> exports = onDays(listedExports, days);
    List<BronzeFile> listed = concat(listedDiscover, listedExports);
    boolean laterDaysKnown =
        !days.isEmpty()
            && (range.isPresent()
                || laterDaysKnown(days.first(), concat(discover, exports), listed, log));
    return new SilverPlan(days, discover, exports, genres, laterDaysKnown, log, clock.instant());
  }

  /** True when the build has neither a day's status nor a genre list to build. */
  boolean isEmpty() {
    return days.isEmpty() && genres.isEmpty();
  }

  /** Every file of the build: discover, then export, then genre-list files. */
  List<BronzeFile> files() {
    return Stream.of(discover, exports, genres).flatMap(List::stream).toList();
  }

  /** The paths of {@link #files}: the source files whose quarantine rows the build replaces. */
  List<String> paths() {
    return files().stream().map(BronzeFile::path).toList();
  }

  /** The gzip bytes of the build's exports. */
  long exportBytes() {
    return BronzeLines.bytes(exports);
  }

  /** The batch's first snapshot day; fails when it has none. */
  LocalDate firstDay() {
    return days.first();
  }

  /** True for a batch of one snapshot day: a movie has one status row in it. */
  boolean singleDay() {
    return days.size() == 1;
  }

  /**
   * The files of a source this build takes: a date range, or those not in the processed-files log
   * (an unchanged file of the log was built before; a new or rewritten one, by time or size, was
   * not).
   */
  private static List<BronzeFile> select(
      List<BronzeFile> files, Optional<Range> range, ProcessedFiles log) {
    return range
        .map(r -> files.stream().filter(file -> r.contains(file.snapshotDate())).toList())
        .orElseGet(() -> log.notBuilt(files, BronzeFile::entry));
  }

  /** The files dated on one of the days. */
  private static List<BronzeFile> onDays(List<BronzeFile> files, Set<LocalDate> days) {
    return files.stream().filter(file -> days.contains(file.snapshotDate())).toList();
  }

  private static List<BronzeFile> concat(List<BronzeFile> first, List<BronzeFile> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }

  /**
   * Whether {@code status_fact} may hold a day after {@code firstDay} that is not in the batch: a
   * discover or export file of such a day is listed in bronze, or a file of such a day is logged as
   * built.
   */
  private static boolean laterDaysKnown(
      LocalDate firstDay, List<BronzeFile> batch, List<BronzeFile> listed, ProcessedFiles log) {
    Set<String> inBatch = batch.stream().map(BronzeFile::path).collect(Collectors.toSet());
    Stream<String> listedOthers =
        listed.stream().map(BronzeFile::path).filter(path -> !inBatch.contains(path));
    Stream<String> loggedOthers = log.builtPaths().stream().filter(path -> !inBatch.contains(path));
    return Stream.concat(listedOthers, loggedOthers)
        .map(path -> dateOf(new Path(path).getName()))
        .flatMap(Optional::stream)
        .anyMatch(day -> day.isAfter(firstDay));
  }

  /** The date a discover, genre-list or export file name stands for. */
  private static Optional<LocalDate> dateOf(String fileName) {
    Optional<LocalDate> snapshot = BronzeContract.snapshotDateOf(fileName);
    return snapshot.isPresent() ? snapshot : BronzeContract.exportDateOf(fileName);
  }
}
