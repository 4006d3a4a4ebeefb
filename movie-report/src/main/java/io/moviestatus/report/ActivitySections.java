package io.moviestatus.report;

import static io.moviestatus.report.ReportPage.section;

import io.moviestatus.report.BarCharts.Segment;
import io.moviestatus.report.ReportData.Count;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The sections of counts over time: the snapshot's genre mix, users' ratings per day and their
 * distribution, quarantined records and processed files.
 */
final class ActivitySections {

  /** Genres shown by name in the genre mix; the rest are summed as "Other". */
  static final int GENRES_SHOWN = 8;

  private ActivitySections() {}

  static String genres(ReportData data) {
    String title = "Genre mix of the snapshot, last " + data.days() + " days";
    Map<String, Long> totals = new LinkedHashMap<>();
    for (Count c : data.genres()) {
      totals.merge(c.series(), c.count(), Long::sum);
    }
    List<String> named =
        totals.entrySet().stream()
            .sorted(
                Map.Entry.<String, Long>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(GENRES_SHOWN)
            .map(Map.Entry::getKey)
            .toList();
    List<String> order = new ArrayList<>(named);
    Map<String, Map<String, Long>> byDay = new LinkedHashMap<>();
    for (Count c : data.genres()) {
      String genre = named.contains(c.series()) ? c.series() : "Other";
      if (!order.contains(genre)) {
        order.add(genre);
      }
      byDay.computeIfAbsent(c.key(), k -> new LinkedHashMap<>()).merge(genre, c.count(), Long::sum);
    }
    List<Segment> segments = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, Map<String, Long>> day : byDay.entrySet()) {
      for (String genre : order) {
        Long n = day.getValue().get(genre);
        if (n != null) {
          segments.add(new Segment(day.getKey(), genre, n));
          rows.add(List.of(day.getKey(), genre, String.valueOf(n)));
        }
      }
    }
    return section(
        "genres",
        title,
        "Movies of each day's snapshot per genre (a movie with several genres counts once in"
            + " each); the "
            + GENRES_SHOWN
            + " most frequent genres of the window by name, the rest as “Other”.",
        BarCharts.stacked(
            title,
            dateAxis(data, segments),
            segments,
            "snapshot date (UTC)",
            "movies in the snapshot (count)"),
        Html.table(title, List.of("date", "genre", "movies (count)"), rows));
  }

  static String ratingsPerDay(ReportData data) {
    String title = "Users' ratings per day, last " + data.days() + " days";
    List<Segment> segments = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (Count c : data.ratingsPerDay()) {
      segments.add(new Segment(c.key(), "ratings", c.count()));
      rows.add(List.of(c.key(), String.valueOf(c.count())));
    }
    return section(
        "ratings-daily",
        title,
        "Ratings in ratings_fact by the day they were given (UTC); a user's newer rating of the"
            + " same movie replaces the older one.",
        BarCharts.stacked(
            title, dateAxis(data, segments), segments, "date rated (UTC)", "ratings (count)"),
        Html.table(title, List.of("date", "ratings (count)"), rows));
  }

  static String ratingDistribution(ReportData data) {
    String title = "Distribution of users' ratings up to " + data.date();
    List<Segment> segments = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (Count c : data.ratingDistribution()) {
      segments.add(new Segment(c.key(), "ratings", c.count()));
      rows.add(List.of(c.key(), String.valueOf(c.count())));
    }
    return section(
        "ratings-distribution",
        title,
        "All users' ratings dated up to the report's date, by value (half stars, 0.5 to 5).",
        BarCharts.stacked(title, null, segments, "rating (stars, 0.5–5)", "ratings (count)"),
        Html.table(title, List.of("rating (stars)", "ratings (count)"), rows));
  }

  static String quarantine(ReportData data) {
    String title = "Quarantined records by reason and day";
    return countsSection(
        "quarantine",
        title,
        "Records rejected by silver and the ratings import (_state/quarantine), by snapshot date"
            + " (or the day they were rejected) and reason.",
        data,
        data.quarantine(),
        "reason",
        "quarantined records (count)");
  }

  static String processedFiles(ReportData data) {
    String title = "Processed files per day";
    return countsSection(
        "processed-files",
        title,
        "Bronze files built (_state/processed_files) by snapshot date (or the day they were"
            + " built) and source folder.",
        data,
        data.processedFiles(),
        "source",
        "files (count)");
  }

  private static String countsSection(
      String id,
      String title,
      String note,
      ReportData data,
      List<Count> counts,
      String seriesName,
      String yTitle) {
    List<Segment> segments = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (Count c : counts) {
      segments.add(new Segment(c.key(), c.series(), c.count()));
      rows.add(List.of(c.key(), c.series(), String.valueOf(c.count())));
    }
    return section(
        id,
        title + ", last " + data.days() + " days",
        note,
        BarCharts.stacked(title, dateAxis(data, segments), segments, "date (UTC)", yTitle),
        Html.table(title, List.of("date", seriesName, yTitle), rows));
  }

  /** Every date of the window with a snapshot or with data, in order. */
  private static List<String> dateAxis(ReportData data, List<Segment> segments) {
    TreeSet<String> dates = new TreeSet<>();
    data.dates().forEach(d -> dates.add(d.toString()));
    segments.forEach(s -> dates.add(s.category()));
    return new ArrayList<>(dates);
  }
}
