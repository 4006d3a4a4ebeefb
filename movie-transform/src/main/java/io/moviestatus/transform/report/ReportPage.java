package io.moviestatus.transform.report;

import static io.moviestatus.transform.report.Html.escape;
import static io.moviestatus.transform.report.Html.number;

import io.moviestatus.transform.report.Charts.Bar;
import io.moviestatus.transform.report.Charts.Dot;
import io.moviestatus.transform.report.Charts.Pair;
import io.moviestatus.transform.report.Charts.Point;
import io.moviestatus.transform.report.Charts.Segment;
import io.moviestatus.transform.report.ReportData.Count;
import io.moviestatus.transform.report.ReportData.Metrics;
import io.moviestatus.transform.report.ReportData.Mover;
import io.moviestatus.transform.report.ReportData.ScatterMovie;
import io.moviestatus.transform.report.ReportData.TopMovie;
import io.moviestatus.transform.report.ReportData.Trend;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The report as one self-contained HTML page: no script, no external resource (a Content Security
 * Policy forbids any), inline SVG charts, each followed by the data it draws in a collapsible
 * table.
 */
final class ReportPage {

  /** The page's Content Security Policy: nothing may be loaded; inline styles and data: images. */
  static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

  /** Genres shown by name in the genre mix; the rest are summed as "Other". */
  static final int GENRES_SHOWN = 8;

  private static final int SCATTER_LABELS_POPULAR = 3;
  private static final int SCATTER_LABELS_RATING = 2;

  private static final String STYLE =
      """
      :root{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1d2330;background:#f4f5f7}
      body{margin:0}
      header,main{max-width:1080px;margin:0 auto;padding:12px 16px}
      h1{font-size:1.5rem;margin:8px 0}
      h2{font-size:1.15rem;margin:0 0 4px}
      nav ul{display:flex;flex-wrap:wrap;gap:4px 14px;list-style:none;padding:0;margin:8px 0;font-size:.9rem}
      section{background:#fff;border:1px solid #d8dde3;border-radius:8px;padding:14px 16px;margin:0 0 16px}
      .note{color:#4a5361;font-size:.9rem;margin:0 0 8px}
      figure{margin:0}
      .scroll{overflow-x:auto;max-width:100%}
      .chart-svg{display:block;width:100%;max-width:800px;min-width:520px;height:auto}
      .chart-svg text{font-size:13px;fill:#2b3340}
      .chart-svg .axis-title{font-size:13px;font-weight:600}
      .chart-svg .point-label{font-size:12px;fill:#8a3a00}
      .chart-svg .grid{stroke:#e3e7ec;stroke-width:1}
      .chart-svg .axis{stroke:#6b7480;stroke-width:1}
      .panels{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:8px}
      .panels .chart-svg{min-width:300px}
      .legend{display:flex;flex-wrap:wrap;gap:2px 14px;list-style:none;padding:0;margin:6px 0;font-size:.85rem}
      .swatch{display:inline-block;width:11px;height:11px;margin-right:5px;border-radius:2px;vertical-align:-1px}
      table{border-collapse:collapse;font-size:.88rem}
      caption{text-align:left;font-weight:600;padding:4px 0}
      th,td{padding:4px 8px;border-bottom:1px solid #e8ebef;text-align:left;vertical-align:middle}
      th{background:#f7f8fa}
      td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      .up{color:#1a7f37}.down{color:#c62828}.same,.new{color:#6b7480}
      .spark{display:block}
      details{margin-top:8px}
      summary{cursor:pointer;color:#0b5cad}
      .empty{color:#6b7480;font-style:italic}
      @media (max-width:600px){header,main{padding:8px}section{padding:10px}h1{font-size:1.25rem}}
      """;

  private ReportPage() {}

  static String render(ReportData data) {
    List<String> sections = new ArrayList<>();
    sections.add(top(data));
    sections.add(trends(data));
    sections.add(movers(data));
    sections.add(scatter(data));
    sections.add(genres(data));
    sections.add(ratingsPerDay(data));
    sections.add(ratingDistribution(data));
    sections.add(recommender(data));
    sections.add(quarantine(data));
    sections.add(processedFiles(data));

    StringBuilder out = new StringBuilder(64 * 1024);
    out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .append(escape(CSP))
        .append("\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>movie-status report ")
        .append(data.date())
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body><header><h1>movie-status report: ")
        .append(data.date())
        .append("</h1><p class=\"note\">Lake <code>")
        .append(escape(data.lake()))
        .append("</code> · window ")
        .append(data.from())
        .append(" to ")
        .append(data.date())
        .append(" (")
        .append(data.days())
        .append(" days, ")
        .append(data.dates().size())
        .append(" snapshot dates) · generated ")
        .append(escape(data.generatedAt().truncatedTo(ChronoUnit.SECONDS)))
        .append(". Dates are UTC. Hover a mark for its value; open “Data” under a chart for")
        .append(" the numbers it draws.</p><nav aria-label=\"Charts\"><ul>");
    for (String[] entry : TOC) {
      out.append("<li><a href=\"#")
          .append(entry[0])
          .append("\">")
          .append(entry[1])
          .append("</a></li>");
    }
    out.append("</ul></nav></header><main>");
    sections.forEach(out::append);
    out.append("</main></body></html>\n");
    return out.toString();
  }

  private static final String[][] TOC = {
    {"top20", "Top 20"},
    {"trends", "Trends"},
    {"movers", "Movers"},
    {"scatter", "Rating vs popularity"},
    {"genres", "Genre mix"},
    {"ratings-daily", "Ratings per day"},
    {"ratings-distribution", "Rating distribution"},
    {"recommender", "Recommender"},
    {"quarantine", "Quarantine"},
    {"processed-files", "Processed files"}
  };

  // ------------------------------------------------------------------------------------------

  private static String top(ReportData data) {
    String changeHeader = changeHeader(data);
    StringBuilder table = new StringBuilder();
    table
        .append("<div class=\"scroll\"><table class=\"top\"><caption>")
        .append(escape("Top " + ReportQueries.TOP + " by TMDB popularity on " + data.date()))
        .append("</caption><thead><tr><th scope=\"col\">#</th><th scope=\"col\">Title</th>")
        .append("<th scope=\"col\">Popularity (score)</th><th scope=\"col\">")
        .append(escape(changeHeader))
        .append("</th><th scope=\"col\">Weighted rating (0–10)</th><th scope=\"col\">")
        .append(escape("Popularity, last " + data.days() + " days"))
        .append("</th></tr></thead><tbody>");
    List<List<String>> rows = new ArrayList<>();
    for (TopMovie movie : data.top()) {
      table
          .append("<tr><td class=\"num\">")
          .append(movie.rank())
          .append("</td><td>")
          .append(escape(movie.title()))
          .append("</td><td class=\"num\">")
          .append(number(movie.popularity(), 2))
          .append("</td><td class=\"num\">")
          .append(change(movie.rankChange()))
          .append("</td><td class=\"num\">")
          .append(number(movie.weightedRating(), 2))
          .append("</td><td>")
          .append(
              Charts.sparkline(
                  "Popularity of " + movie.title() + ", " + data.from() + " to " + data.date(),
                  movie.popularityByDay()))
          .append("</td></tr>");
      rows.add(
          List.of(
              String.valueOf(movie.rank()),
              String.valueOf(movie.movieId()),
              movie.title(),
              number(movie.popularity(), 2),
              movie.rankChange() == null ? "new" : Charts.signed(movie.rankChange()),
              number(movie.weightedRating(), 3),
              byDay(data.dates(), movie.popularityByDay())));
    }
    table.append("</tbody></table></div>");
    return section(
        "top20",
        "Top " + ReportQueries.TOP + " movies by popularity on " + data.date(),
        changeNote(data)
            + " ▲ climbed, ▼ fell (popularity rank). Sparklines: TMDB popularity over the last "
            + data.days()
            + " days, each scaled to its own range.",
        table.toString(),
        Html.table(
            "Top " + ReportQueries.TOP + " on " + data.date(),
            List.of(
                "rank",
                "movie id",
                "title",
                "popularity (score)",
                changeHeader,
                "weighted rating (0–10)",
                "popularity by day"),
            rows));
  }

  private static String trends(ReportData data) {
    String title =
        "Popularity of the top " + ReportQueries.TRENDS + ", last " + data.days() + " days";
    List<Point> points = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (Trend t : data.trends()) {
      points.add(new Point(t.rank() + ". " + t.title(), t.date(), t.popularity()));
      rows.add(
          List.of(
              t.date().toString(), String.valueOf(t.rank()), t.title(), number(t.popularity(), 2)));
    }
    return section(
        "trends",
        title,
        "TMDB popularity (a score, higher is more popular) of the movies ranked 1–"
            + ReportQueries.TRENDS
            + " on "
            + data.date()
            + ", on each snapshot date of the window.",
        Charts.lines(title, points, "snapshot date (UTC)", "TMDB popularity (score)"),
        Html.table(
            title, List.of("date", "rank on " + data.date(), "title", "popularity (score)"), rows));
  }

  private static String movers(ReportData data) {
    String title = "Biggest movers by popularity rank";
    List<Bar> bars = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (Mover m : data.movers()) {
      bars.add(new Bar(m.title(), m.change()));
      rows.add(
          List.of(
              String.valueOf(m.movieId()),
              m.title(),
              String.valueOf(m.rankBefore()),
              String.valueOf(m.rankNow()),
              Charts.signed(m.change())));
    }
    String before = data.changeBase() == null ? "earlier" : data.changeBase().toString();
    return section(
        "movers",
        title,
        changeNote(data)
            + " Up to "
            + ReportQueries.MOVERS
            + " biggest climbers (green, right) and fallers (red, left) among the movies in both"
            + " snapshots.",
        Charts.divergingBars(
            title, bars, "popularity rank change since " + before + " (places; > 0 climbed)"),
        Html.table(
            title,
            List.of(
                "movie id",
                "title",
                "rank on " + before,
                "rank on " + data.date(),
                "change (places)"),
            rows));
  }

  private static String scatter(ReportData data) {
    String title = "Weighted rating vs popularity on " + data.date();
    Set<Integer> labelled = new HashSet<>();
    data.scatter().stream()
        .sorted(Comparator.comparingDouble(ScatterMovie::popularity).reversed())
        .limit(SCATTER_LABELS_POPULAR)
        .forEach(m -> labelled.add(m.movieId()));
    data.scatter().stream()
        .sorted(Comparator.comparingDouble(ScatterMovie::weightedRating).reversed())
        .limit(SCATTER_LABELS_RATING)
        .forEach(m -> labelled.add(m.movieId()));
    data.scatter().stream()
        .sorted(Comparator.comparingDouble(ScatterMovie::weightedRating))
        .limit(SCATTER_LABELS_RATING)
        .forEach(m -> labelled.add(m.movieId()));
    List<Dot> dots = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (ScatterMovie m : data.scatter()) {
      boolean label = labelled.contains(m.movieId());
      dots.add(new Dot(m.title(), m.popularity(), m.weightedRating(), label));
      rows.add(
          List.of(
              String.valueOf(m.movieId()),
              m.title(),
              number(m.popularity(), 2),
              number(m.weightedRating(), 3),
              label ? "yes" : "no"));
    }
    String shown =
        data.scatter().size() < data.snapshotSize()
            ? "The "
                + data.scatter().size()
                + " most popular of the snapshot's "
                + data.snapshotSize()
                + " movies. "
            : "All " + data.scatter().size() + " movies of the snapshot. ";
    return section(
        "scatter",
        title,
        shown
            + "Weighted rating: Bayesian average of TMDB votes and users' ratings (0–10). Labelled"
            + " outliers: the "
            + SCATTER_LABELS_POPULAR
            + " most popular, the "
            + SCATTER_LABELS_RATING
            + " highest and the "
            + SCATTER_LABELS_RATING
            + " lowest weighted ratings.",
        Charts.scatter(title, dots, "TMDB popularity (score)", "weighted rating (0–10)"),
        Html.table(
            title,
            List.of(
                "movie id", "title", "popularity (score)", "weighted rating (0–10)", "labelled"),
            rows));
  }

  private static String genres(ReportData data) {
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
        Charts.stackedBars(
            title,
            dateAxis(data, segments),
            segments,
            "snapshot date (UTC)",
            "movies in the snapshot (count)"),
        Html.table(title, List.of("date", "genre", "movies (count)"), rows));
  }

  private static String ratingsPerDay(ReportData data) {
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
        Charts.stackedBars(
            title, dateAxis(data, segments), segments, "date rated (UTC)", "ratings (count)"),
        Html.table(title, List.of("date", "ratings (count)"), rows));
  }

  private static String ratingDistribution(ReportData data) {
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
        Charts.stackedBars(title, null, segments, "rating (stars, 0.5–5)", "ratings (count)"),
        Html.table(title, List.of("rating (stars)", "ratings (count)"), rows));
  }

  private static String recommender(ReportData data) {
    String title = "Recommender: each model version against its baseline";
    Metrics metrics = data.recommender();
    List<String> columns = metrics.columns();
    int label = -1;
    for (int i = 0; i < columns.size(); i++) {
      if (metrics.types().get(i).equals("string")) {
        label = i;
        break;
      }
    }
    // metric columns: numeric columns with a baseline twin (baseline_<name> or <name>_baseline)
    Map<Integer, Integer> twins = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      if (!numeric(metrics.types().get(i))) {
        continue;
      }
      String name = columns.get(i);
      for (String twin : List.of("baseline_" + name, name + "_baseline")) {
        int j = columns.indexOf(twin);
        if (j >= 0 && numeric(metrics.types().get(j))) {
          twins.put(i, j);
          break;
        }
      }
    }
    List<Pair> pairs = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<Integer, Integer> twin : twins.entrySet()) {
      for (int r = metrics.rows().size() - 1; r >= 0; r--) { // oldest first, left to right
        List<Object> row = metrics.rows().get(r);
        String group = label >= 0 ? String.valueOf(row.get(label)) : "row " + (r + 1);
        Double model = asDouble(row.get(twin.getKey()));
        Double baseline = asDouble(row.get(twin.getValue()));
        pairs.add(new Pair(group, columns.get(twin.getKey()), model, baseline));
        rows.add(
            List.of(
                group,
                columns.get(twin.getKey()),
                number(model, 4),
                number(baseline, 4),
                model == null || baseline == null ? "" : Charts.signed(model - baseline)));
      }
    }
    String groupTitle = label >= 0 ? columns.get(label) : "model (row)";
    String note =
        metrics.columns().isEmpty()
            ? "recommender_metrics does not exist yet: run recommend."
            : metrics.rows().size()
                + " model version(s), newest first in the table below (at most "
                + ReportQueries.MODEL_VERSIONS
                + "). Charts pair each metric column with its baseline column; every column of"
                + " recommender_metrics is listed as found.";
    return section(
        "recommender",
        title,
        note,
        Charts.pairs("Model vs baseline", pairs, groupTitle) + allColumns(metrics),
        Html.table(
            title, List.of(groupTitle, "metric", "model", "baseline", "model − baseline"), rows));
  }

  private static String allColumns(Metrics metrics) {
    if (metrics.columns().isEmpty()) {
      return "";
    }
    List<List<String>> rows = new ArrayList<>();
    for (List<Object> row : metrics.rows()) {
      List<String> cells = new ArrayList<>();
      for (Object value : row) {
        cells.add(
            value instanceof Double || value instanceof Float
                ? number(asDouble(value), 4)
                : value == null ? "" : value.toString());
      }
      rows.add(cells);
    }
    return Html.table("recommender_metrics (all columns)", metrics.columns(), rows)
        .replace("class=\"data\"", "class=\"metrics\"");
  }

  private static String quarantine(ReportData data) {
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

  private static String processedFiles(ReportData data) {
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
        Charts.stackedBars(title, dateAxis(data, segments), segments, "date (UTC)", yTitle),
        Html.table(title, List.of("date", seriesName, yTitle), rows));
  }

  // ------------------------------------------------------------------------------------------

  private static String section(String id, String title, String note, String chart, String data) {
    int rows = countRows(data);
    return "<section class=\"chart-section\" id=\""
        + id
        + "\" aria-labelledby=\""
        + id
        + "-title\"><h2 id=\""
        + id
        + "-title\">"
        + escape(title)
        + "</h2><p class=\"note\">"
        + escape(note)
        + "</p><figure class=\"chart\" data-chart=\""
        + id
        + "\">"
        + chart
        + "</figure><details class=\"data\"><summary>Data: "
        + rows
        + (rows == 1 ? " row" : " rows")
        + "</summary>"
        + data
        + "</details></section>";
  }

  private static int countRows(String table) {
    int rows = 0;
    int body = table.indexOf("<tbody>");
    for (int i = table.indexOf("<tr>", body); i >= 0; i = table.indexOf("<tr>", i + 1)) {
      rows++;
    }
    return body < 0 ? 0 : rows;
  }

  /** Every date of the window with a snapshot or with data, in order. */
  private static List<String> dateAxis(ReportData data, List<Segment> segments) {
    TreeSet<String> dates = new TreeSet<>();
    data.dates().forEach(d -> dates.add(d.toString()));
    segments.forEach(s -> dates.add(s.category()));
    return new ArrayList<>(dates);
  }

  private static String changeHeader(ReportData data) {
    return data.changeBase() == null ? "rank change" : "rank change since " + data.changeBase();
  }

  private static String changeNote(ReportData data) {
    LocalDate base = data.changeBase();
    if (base == null) {
      return "No earlier snapshot in the lake: rank changes need two snapshot dates.";
    }
    long days = ChronoUnit.DAYS.between(base, data.date());
    if (days >= ReportQueries.CHANGE_DAYS) {
      return "Rank change over " + days + " days (since " + base + ").";
    }
    return "The lake holds less than "
        + ReportQueries.CHANGE_DAYS
        + " days of history before "
        + data.date()
        + ": rank change since its first snapshot, "
        + base
        + " ("
        + days
        + (days == 1 ? " day)." : " days).");
  }

  private static String change(Integer change) {
    if (change == null) {
      return "<span class=\"new\">new</span>";
    }
    if (change > 0) {
      return "<span class=\"up\" aria-label=\"up " + change + "\">▲" + change + "</span>";
    }
    if (change < 0) {
      return "<span class=\"down\" aria-label=\"down " + (-change) + "\">▼" + (-change) + "</span>";
    }
    return "<span class=\"same\" aria-label=\"unchanged\">=</span>";
  }

  private static String byDay(List<LocalDate> dates, List<Double> values) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < dates.size(); i++) {
      if (values.get(i) != null) {
        parts.add(dates.get(i) + ": " + number(values.get(i), 2));
      }
    }
    return String.join("; ", parts);
  }

  private static boolean numeric(String type) {
    return type.equals("double")
        || type.equals("float")
        || type.equals("int")
        || type.equals("bigint")
        || type.equals("smallint")
        || type.equals("tinyint")
        || type.startsWith("decimal");
  }

  private static Double asDouble(Object value) {
    return value instanceof Number n ? n.doubleValue() : null;
  }
}
