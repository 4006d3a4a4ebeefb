package io.moviestatus.report;

import static io.moviestatus.report.Html.escape;
import static io.moviestatus.report.Html.number;
import static io.moviestatus.report.ReportPage.section;

import io.moviestatus.report.BarCharts.Bar;
import io.moviestatus.report.LineCharts.Point;
import io.moviestatus.report.ReportData.Mover;
import io.moviestatus.report.ReportData.ScatterMovie;
import io.moviestatus.report.ReportData.TopMovie;
import io.moviestatus.report.ReportData.Trend;
import io.moviestatus.report.ScatterChart.Dot;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The sections about movies on the report's date: the top 20 with rank change and sparklines, the
 * top 10's popularity trends, the biggest movers, weighted rating vs popularity.
 */
final class MovieSections {

  private static final int SCATTER_LABELS_POPULAR = 3;
  private static final int SCATTER_LABELS_RATING = 2;

  private MovieSections() {}

  static String top(ReportData data) {
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
              LineCharts.sparkline(
                  "Popularity of " + movie.title() + ", " + data.from() + " to " + data.date(),
                  movie.popularityByDay()))
          .append("</td></tr>");
      rows.add(
          List.of(
              String.valueOf(movie.rank()),
              String.valueOf(movie.movieId()),
              movie.title(),
              number(movie.popularity(), 2),
              movie.rankChange() == null ? "new" : Svg.signed(movie.rankChange()),
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

  static String trends(ReportData data) {
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
        LineCharts.lines(title, points, "snapshot date (UTC)", "TMDB popularity (score)"),
        Html.table(
            title, List.of("date", "rank on " + data.date(), "title", "popularity (score)"), rows));
  }

  static String movers(ReportData data) {
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
              Svg.signed(m.change())));
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
        BarCharts.diverging(
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

  static String scatter(ReportData data) {
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
        ScatterChart.scatter(title, dots, "TMDB popularity (score)", "weighted rating (0–10)"),
        Html.table(
            title,
            List.of(
                "movie id", "title", "popularity (score)", "weighted rating (0–10)", "labelled"),
            rows));
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
}
