package io.moviestatus.report;

import static io.moviestatus.report.Html.coordinate;
import static io.moviestatus.report.Html.escape;
import static io.moviestatus.report.Svg.HEIGHT;
import static io.moviestatus.report.Svg.LEFT;
import static io.moviestatus.report.Svg.RIGHT;
import static io.moviestatus.report.Svg.TOP;
import static io.moviestatus.report.Svg.WIDTH;
import static java.util.Objects.requireNonNull;

import io.moviestatus.report.Svg.Plot;
import io.moviestatus.report.Svg.Scale;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * Values over dates: trend lines (one point mark per value, one line per series) and the top 20's
 * sparklines (one mark: the line).
 */
final class LineCharts {

  private LineCharts() {}

  /** One value of a line series on a date. */
  record Point(String series, LocalDate date, double value) {
    Point {
      requireNonNull(series, "series is null");
      requireNonNull(date, "date is null");
    }
  }

  /** Lines over dates, one per series, a point mark per value; legend below. */
  static String lines(String title, List<Point> points, String xTitle, String yTitle) {
    if (points.isEmpty()) {
      return Svg.empty(title);
    }
    Map<String, List<Point>> bySeries = new LinkedHashMap<>();
    for (Point p : points) {
      bySeries.computeIfAbsent(p.series(), k -> new ArrayList<>()).add(p);
    }
    long minDay = points.stream().mapToLong(p -> p.date().toEpochDay()).min().orElseThrow();
    long maxDay = points.stream().mapToLong(p -> p.date().toEpochDay()).max().orElseThrow();
    Scale y = Scale.nice(0, points.stream().mapToDouble(Point::value).max().orElse(1));
    Plot plot = new Plot(title, HEIGHT, y, xTitle, yTitle);
    double x0 = LEFT + 8;
    double x1 = WIDTH - RIGHT - 16;
    LongFunction<Double> x =
        day ->
            maxDay == minDay ? (x0 + x1) / 2 : x0 + (x1 - x0) * (day - minDay) / (maxDay - minDay);
    List<LocalDate> dates = points.stream().map(Point::date).distinct().sorted().toList();
    plot.dateTicks(dates, d -> x.apply(d.toEpochDay()));
    int index = 0;
    for (Map.Entry<String, List<Point>> series : bySeries.entrySet()) {
      String colour = Svg.colour(index++);
      List<Point> sorted =
          series.getValue().stream().sorted(Comparator.comparing(Point::date)).toList();
      StringBuilder path = new StringBuilder();
      for (Point p : sorted) {
        path.append(path.length() == 0 ? "M" : " L")
            .append(coordinate(x.apply(p.date().toEpochDay())))
            .append(' ')
            .append(coordinate(y.map(p.value(), plot.bottom(), TOP)));
      }
      plot.svg
          .append("<path class=\"line\" fill=\"none\" stroke-width=\"2\" stroke=\"")
          .append(colour)
          .append("\" d=\"")
          .append(path)
          .append("\"/>");
      for (Point p : sorted) {
        plot.svg
            .append("<circle class=\"mark\" r=\"3.5\" fill=\"")
            .append(colour)
            .append("\" cx=\"")
            .append(coordinate(x.apply(p.date().toEpochDay())))
            .append("\" cy=\"")
            .append(coordinate(y.map(p.value(), plot.bottom(), TOP)))
            .append("\"><title>")
            .append(escape(series.getKey() + " · " + p.date() + ": " + Html.number(p.value(), 2)))
            .append("</title></circle>");
      }
    }
    return plot.close() + Svg.legend(new ArrayList<>(bySeries.keySet()));
  }

  /** A small line of values over the window (nulls are gaps); one mark: the line. */
  static String sparkline(String label, List<Double> values) {
    int width = 120;
    int height = 28;
    double max =
        values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(1);
    double min =
        values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).min().orElse(0);
    double span = max - min == 0 ? 1 : max - min;
    StringBuilder path = new StringBuilder();
    boolean pen = false;
    int n = values.size();
    for (int i = 0; i < n; i++) {
      Double v = values.get(i);
      if (v == null) {
        pen = false;
        continue;
      }
      double px = n == 1 ? width / 2.0 : 2 + (width - 4) * i / (double) (n - 1);
      double py = height - 3 - (height - 6) * (v - min) / span;
      path.append(pen ? " L" : (path.length() == 0 ? "M" : " M"))
          .append(coordinate(px))
          .append(' ')
          .append(coordinate(py));
      if (!pen && (i + 1 >= n || values.get(i + 1) == null)) {
        path.append(" h1"); // a lone value still shows as a dot
      }
      pen = true;
    }
    return "<svg class=\"spark\" viewBox=\"0 0 "
        + width
        + " "
        + height
        + "\" width=\""
        + width
        + "\" height=\""
        + height
        + "\" role=\"img\" aria-label=\""
        + escape(label)
        + "\"><path class=\"mark\" fill=\"none\" stroke=\"#0072B2\" stroke-width=\"2\""
        + " stroke-linecap=\"round\" d=\""
        + (path.length() == 0 ? "M0 0" : path)
        + "\"/></svg>";
  }
}
