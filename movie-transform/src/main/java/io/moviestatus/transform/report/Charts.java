package io.moviestatus.transform.report;

import static io.moviestatus.transform.report.Html.coordinate;
import static io.moviestatus.transform.report.Html.escape;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Inline SVG charts. Every chart draws exactly one element of class {@code mark} per data item it
 * is given (a point, a bar, a segment, a line), so a test can compare marks with the data table
 * under the chart. Text is escaped; titles, axis titles and units are part of every chart.
 */
final class Charts {

  static final int WIDTH = 640;
  private static final int HEIGHT = 320;
  private static final int LEFT = 64;
  private static final int RIGHT = 16;
  private static final int TOP = 14;
  private static final int BOTTOM = 52;

  /** Wide charts scroll sideways inside their section on a narrow screen instead of shrinking. */
  private static final String CLOSE = "</svg></div>";

  /** Colour-blind friendly categorical palette (Okabe–Ito, then Tableau extras). */
  static final List<String> PALETTE =
      List.of(
          "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
          "#8C564B", "#7F7F7F", "#BCBD22", "#17BECF");

  private Charts() {}

  /** One value of a line series on a date. */
  record Point(String series, LocalDate date, double value) {
    Point {
      requireNonNull(series, "series is null");
      requireNonNull(date, "date is null");
    }
  }

  /** One segment of a stacked bar: the bar's category, the stacked series, its value. */
  record Segment(String category, String series, double value) {
    Segment {
      requireNonNull(category, "category is null");
      requireNonNull(series, "series is null");
    }
  }

  /** One horizontal bar of a diverging chart. */
  record Bar(String label, double value) {
    Bar {
      requireNonNull(label, "label is null");
    }
  }

  /** One point of a scatter plot; {@code labelled} points get their label drawn beside them. */
  record Dot(String label, double x, double y, boolean labelled) {
    Dot {
      requireNonNull(label, "label is null");
    }
  }

  /** A metric of one model version next to its baseline (either may be missing). */
  record Pair(String group, String metric, Double model, Double baseline) {
    Pair {
      requireNonNull(group, "group is null");
      requireNonNull(metric, "metric is null");
    }
  }

  // ------------------------------------------------------------------------------------------
  // Line chart
  // ------------------------------------------------------------------------------------------

  /** Lines over dates, one per series, a point mark per value; legend below. */
  static String lines(String title, List<Point> points, String xTitle, String yTitle) {
    if (points.isEmpty()) {
      return empty(title);
    }
    Map<String, List<Point>> bySeries = new LinkedHashMap<>();
    for (Point p : points) {
      bySeries.computeIfAbsent(p.series(), k -> new ArrayList<>()).add(p);
    }
    long minDay = points.stream().mapToLong(p -> p.date().toEpochDay()).min().orElseThrow();
    long maxDay = points.stream().mapToLong(p -> p.date().toEpochDay()).max().orElseThrow();
    Scale y = Scale.nice(0, max(points, Point::value));
    Plot plot = new Plot(title, HEIGHT, LEFT, y, xTitle, yTitle);
    double x0 = LEFT + 8;
    double x1 = WIDTH - RIGHT - 16;
    java.util.function.LongFunction<Double> x =
        day ->
            maxDay == minDay ? (x0 + x1) / 2 : x0 + (x1 - x0) * (day - minDay) / (maxDay - minDay);
    List<LocalDate> dates = points.stream().map(Point::date).distinct().sorted().toList();
    plot.dateTicks(dates, d -> x.apply(d.toEpochDay()));
    int index = 0;
    for (Map.Entry<String, List<Point>> series : bySeries.entrySet()) {
      String colour = colour(index++);
      List<Point> sorted =
          series.getValue().stream().sorted(java.util.Comparator.comparing(Point::date)).toList();
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
    return plot.close() + legend(new ArrayList<>(bySeries.keySet()));
  }

  // ------------------------------------------------------------------------------------------
  // Stacked bars
  // ------------------------------------------------------------------------------------------

  /**
   * Vertical bars per category, segments of each series stacked; a legend when there is more than
   * one series. The x axis shows {@code axis} (null: the segments' categories, in order), so days
   * without data keep their place.
   */
  static String stackedBars(
      String title, List<String> axis, List<Segment> segments, String xTitle, String yTitle) {
    if (segments.isEmpty()) {
      return empty(title);
    }
    Set<String> categories = new LinkedHashSet<>();
    Set<String> series = new LinkedHashSet<>();
    Map<String, Double> totals = new LinkedHashMap<>();
    for (Segment s : segments) {
      categories.add(s.category());
      series.add(s.series());
      totals.merge(s.category(), s.value(), Double::sum);
    }
    List<String> seriesOrder = new ArrayList<>(series);
    Scale y =
        Scale.nice(0, totals.values().stream().mapToDouble(Double::doubleValue).max().orElse(1));
    Plot plot = new Plot(title, HEIGHT, LEFT, y, xTitle, yTitle);
    List<String> cats = new ArrayList<>(axis == null ? List.of() : axis);
    categories.stream().filter(c -> !cats.contains(c)).forEach(cats::add);
    double band = (WIDTH - RIGHT - LEFT) / (double) cats.size();
    double barWidth = Math.max(2, band * 0.7);
    plot.categoryTicks(cats, c -> LEFT + band * cats.indexOf(c) + band / 2);
    Map<String, Double> stacked = new LinkedHashMap<>();
    for (Segment s : segments) {
      double below = stacked.getOrDefault(s.category(), 0.0);
      double above = below + s.value();
      stacked.put(s.category(), above);
      double top = y.map(above, plot.bottom(), TOP);
      double bottom = y.map(below, plot.bottom(), TOP);
      double left = LEFT + band * cats.indexOf(s.category()) + (band - barWidth) / 2;
      plot.svg
          .append("<rect class=\"mark\" x=\"")
          .append(coordinate(left))
          .append("\" y=\"")
          .append(coordinate(top))
          .append("\" width=\"")
          .append(coordinate(barWidth))
          .append("\" height=\"")
          .append(coordinate(Math.max(0, bottom - top)))
          .append("\" fill=\"")
          .append(colour(seriesOrder.indexOf(s.series())))
          .append("\"><title>")
          .append(
              escape(
                  s.category()
                      + (seriesOrder.size() > 1 ? " · " + s.series() : "")
                      + ": "
                      + Html.number(s.value(), 2)))
          .append("</title></rect>");
    }
    return plot.close() + (seriesOrder.size() > 1 ? legend(seriesOrder) : "");
  }

  // ------------------------------------------------------------------------------------------
  // Diverging horizontal bars
  // ------------------------------------------------------------------------------------------

  /** Horizontal bars around zero, one row per bar: climbers right (green), fallers left (red). */
  static String divergingBars(String title, List<Bar> bars, String xTitle) {
    if (bars.isEmpty()) {
      return empty(title);
    }
    int row = 24;
    int left = 210;
    int height = TOP + row * bars.size() + BOTTOM;
    double extent = bars.stream().mapToDouble(b -> Math.abs(b.value())).max().orElse(1);
    Scale x = Scale.nice(-extent, extent);
    StringBuilder svg = open(title, height);
    double plotLeft = left;
    double plotRight = WIDTH - RIGHT;
    double bottom = height - BOTTOM;
    for (double tick : x.ticks()) {
      double px = x.map(tick, plotLeft, plotRight);
      svg.append(line(px, TOP, px, bottom, "grid"));
      svg.append(text(px, bottom + 16, "middle", Html.number(tick, 2)));
    }
    double zero = x.map(0, plotLeft, plotRight);
    svg.append(line(zero, TOP, zero, bottom, "axis"));
    svg.append(text((plotLeft + plotRight) / 2, height - 10, "middle", xTitle, "axis-title"));
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      double top = TOP + row * i + 4;
      double end = x.map(bar.value(), plotLeft, plotRight);
      svg.append("<rect class=\"mark\" x=\"")
          .append(coordinate(Math.min(zero, end)))
          .append("\" y=\"")
          .append(coordinate(top))
          .append("\" width=\"")
          .append(coordinate(Math.max(1, Math.abs(end - zero))))
          .append("\" height=\"")
          .append(row - 8)
          .append("\" fill=\"")
          .append(bar.value() >= 0 ? "#1a7f37" : "#c62828")
          .append("\"><title>")
          .append(escape(bar.label() + ": " + signed(bar.value())))
          .append("</title></rect>");
      svg.append(text(left - 6, top + row / 2.0, "end", Html.shorten(bar.label(), 30)));
    }
    return svg.append(CLOSE).toString();
  }

  // ------------------------------------------------------------------------------------------
  // Scatter
  // ------------------------------------------------------------------------------------------

  /** A point per dot; labelled dots carry their label beside them. */
  static String scatter(String title, List<Dot> dots, String xTitle, String yTitle) {
    if (dots.isEmpty()) {
      return empty(title);
    }
    // the y axis spans the data (weighted ratings cluster around the day's mean), not 0 to 10
    Scale y =
        Scale.nice(
            dots.stream().mapToDouble(Dot::y).min().orElse(0),
            dots.stream().mapToDouble(Dot::y).max().orElse(1));
    Scale x = Scale.nice(0, dots.stream().mapToDouble(Dot::x).max().orElse(1));
    Plot plot = new Plot(title, HEIGHT, LEFT, y, xTitle, yTitle);
    double x0 = LEFT;
    double x1 = WIDTH - RIGHT;
    for (double tick : x.ticks()) {
      double px = x.map(tick, x0, x1);
      plot.svg.append(line(px, TOP, px, plot.bottom(), "grid"));
      plot.svg.append(text(px, plot.bottom() + 16, "middle", Html.number(tick, 2)));
    }
    StringBuilder labels = new StringBuilder();
    List<double[]> placed = new ArrayList<>(); // label boxes: y, left, right
    for (Dot dot : dots) {
      double cx = x.map(dot.x(), x0, x1);
      double cy = y.map(dot.y(), plot.bottom(), TOP);
      plot.svg
          .append("<circle class=\"mark\" r=\"4\" fill=\"")
          .append(dot.labelled() ? "#D55E00" : "#0072B2")
          .append("\" fill-opacity=\"0.75\" cx=\"")
          .append(coordinate(cx))
          .append("\" cy=\"")
          .append(coordinate(cy))
          .append("\"><title>")
          .append(
              escape(
                  dot.label()
                      + ": popularity "
                      + Html.number(dot.x(), 2)
                      + ", weighted rating "
                      + Html.number(dot.y(), 2)))
          .append("</title></circle>");
      if (dot.labelled()) {
        boolean rightHalf = cx > (x0 + x1) / 2;
        String label = Html.shorten(dot.label(), 26);
        double width = label.length() * 6.5;
        double left = rightHalf ? cx - 7 - width : cx + 7;
        double ly = cy - 6;
        // move a label down until it no longer overlaps one already placed
        boolean moved = true;
        while (moved) {
          moved = false;
          for (double[] box : placed) {
            if (Math.abs(box[0] - ly) < 14 && left < box[2] && left + width > box[1]) {
              ly = box[0] + 14;
              moved = true;
            }
          }
        }
        placed.add(new double[] {ly, left, left + width});
        labels.append(
            text(
                rightHalf ? cx - 7 : cx + 7,
                ly,
                rightHalf ? "end" : "start",
                label,
                "point-label"));
      }
    }
    plot.svg.append(labels);
    return plot.close();
  }

  // ------------------------------------------------------------------------------------------
  // Sparkline
  // ------------------------------------------------------------------------------------------

  /** A small line of values over the window (nulls are gaps); one mark: the line. */
  static String sparkline(String label, List<Double> values) {
    int width = 120;
    int height = 28;
    double max =
        values.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(1);
    double min =
        values.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).min().orElse(0);
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

  // ------------------------------------------------------------------------------------------
  // Model vs baseline
  // ------------------------------------------------------------------------------------------

  /**
   * One small panel per metric: per model version, the model's bar next to the baseline's bar. One
   * mark (a group of both bars) per pair.
   */
  static String pairs(String title, List<Pair> pairs, String groupTitle) {
    if (pairs.isEmpty()) {
      return empty(title);
    }
    Map<String, List<Pair>> byMetric = new LinkedHashMap<>();
    for (Pair p : pairs) {
      byMetric.computeIfAbsent(p.metric(), k -> new ArrayList<>()).add(p);
    }
    StringBuilder out = new StringBuilder("<div class=\"panels\">");
    for (Map.Entry<String, List<Pair>> metric : byMetric.entrySet()) {
      List<Pair> rows = metric.getValue();
      double top =
          rows.stream()
              .flatMap(p -> java.util.stream.Stream.of(p.model(), p.baseline()))
              .filter(v -> v != null && Double.isFinite(v))
              .mapToDouble(Double::doubleValue)
              .max()
              .orElse(1);
      Scale y = Scale.nice(0, top);
      Plot plot =
          new Plot(title + ": " + metric.getKey(), 240, LEFT, y, groupTitle, metric.getKey());
      double band = (WIDTH - RIGHT - LEFT) / (double) rows.size();
      double bar = Math.min(60, band * 0.35);
      plot.categoryTicks(
          rows.stream().map(Pair::group).toList(), g -> LEFT + band * indexOf(rows, g) + band / 2);
      for (int i = 0; i < rows.size(); i++) {
        Pair p = rows.get(i);
        double centre = LEFT + band * i + band / 2;
        plot.svg
            .append("<g class=\"mark\"><title>")
            .append(
                escape(
                    p.group()
                        + " · "
                        + p.metric()
                        + ": model "
                        + Html.number(p.model(), 4)
                        + ", baseline "
                        + Html.number(p.baseline(), 4)))
            .append("</title>");
        plot.svg.append(pairBar(centre - bar, bar, p.model(), y, plot.bottom(), PALETTE.get(0)));
        plot.svg.append(pairBar(centre, bar, p.baseline(), y, plot.bottom(), "#9aa3ad"));
        plot.svg.append("</g>");
      }
      out.append("<div class=\"panel\">").append(plot.close()).append("</div>");
    }
    out.append("</div>");
    return out + legendColours(List.of("model", "baseline"), List.of(PALETTE.get(0), "#9aa3ad"));
  }

  private static int indexOf(List<Pair> rows, String group) {
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).group().equals(group)) {
        return i;
      }
    }
    return -1;
  }

  private static String pairBar(
      double left, double width, Double value, Scale y, double bottom, String fill) {
    if (value == null || !Double.isFinite(value)) {
      return "";
    }
    double top = y.map(value, bottom, TOP);
    return "<rect x=\""
        + coordinate(left)
        + "\" y=\""
        + coordinate(top)
        + "\" width=\""
        + coordinate(width)
        + "\" height=\""
        + coordinate(Math.max(0, bottom - top))
        + "\" fill=\""
        + fill
        + "\"/>";
  }

  // ------------------------------------------------------------------------------------------
  // Pieces
  // ------------------------------------------------------------------------------------------

  static String colour(int index) {
    return PALETTE.get(Math.floorMod(index, PALETTE.size()));
  }

  static String legend(List<String> series) {
    List<String> colours = new ArrayList<>();
    for (int i = 0; i < series.size(); i++) {
      colours.add(colour(i));
    }
    return legendColours(series, colours);
  }

  private static String legendColours(List<String> names, List<String> colours) {
    StringBuilder out = new StringBuilder("<ul class=\"legend\">");
    for (int i = 0; i < names.size(); i++) {
      out.append("<li><span class=\"swatch\" style=\"background:")
          .append(colours.get(i))
          .append("\"></span>")
          .append(escape(names.get(i)))
          .append("</li>");
    }
    return out.append("</ul>").toString();
  }

  static String signed(double value) {
    String text = Html.number(value, 2);
    return value > 0 ? "+" + text : text;
  }

  private static String empty(String title) {
    return "<p class=\"empty\">" + escape(title) + ": no data for this period.</p>";
  }

  private static <T> double max(List<T> items, ToDoubleFunction<T> value) {
    return items.stream().mapToDouble(value).max().orElse(1);
  }

  private static StringBuilder open(String title, int height) {
    return new StringBuilder("<div class=\"scroll\"><svg class=\"chart-svg\"")
        .append(" xmlns=\"http://www.w3.org/2000/svg\"")
        .append(" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" role=\"img\" aria-label=\"")
        .append(escape(title))
        .append("\"><title>")
        .append(escape(title))
        .append("</title>");
  }

  private static String line(double x1, double y1, double x2, double y2, String cssClass) {
    return "<line class=\""
        + cssClass
        + "\" x1=\""
        + coordinate(x1)
        + "\" y1=\""
        + coordinate(y1)
        + "\" x2=\""
        + coordinate(x2)
        + "\" y2=\""
        + coordinate(y2)
        + "\"/>";
  }

  private static String text(double x, double y, String anchor, String content) {
    return text(x, y, anchor, content, "tick");
  }

  private static String text(double x, double y, String anchor, String content, String cssClass) {
    return "<text class=\""
        + cssClass
        + "\" x=\""
        + coordinate(x)
        + "\" y=\""
        + coordinate(y)
        + "\" text-anchor=\""
        + anchor
        + "\" dominant-baseline=\"middle\">"
        + escape(content)
        + "</text>";
  }

  /** An SVG with a y axis (grid, ticks, title) and an x axis title; x ticks added by the chart. */
  private static final class Plot {
    final StringBuilder svg;
    private final int height;
    private final String xTitle;

    Plot(String title, int height, int left, Scale y, String xTitle, String yTitle) {
      this.height = height;
      this.xTitle = xTitle;
      this.svg = open(title, height);
      for (double tick : y.ticks()) {
        double py = y.map(tick, bottom(), TOP);
        svg.append(line(left, py, WIDTH - RIGHT, py, "grid"));
        svg.append(text(left - 6, py, "end", Html.number(tick, 4)));
      }
      svg.append(line(left, bottom(), WIDTH - RIGHT, bottom(), "axis"));
      svg.append(line(left, TOP, left, bottom(), "axis"));
      double middle = (TOP + bottom()) / 2;
      svg.append("<text class=\"axis-title\" text-anchor=\"middle\" transform=\"translate(14 ")
          .append(coordinate(middle))
          .append(") rotate(-90)\">")
          .append(escape(yTitle))
          .append("</text>");
    }

    double bottom() {
      return height - BOTTOM;
    }

    /** Up to 7 date labels, evenly picked, first and last included. */
    void dateTicks(List<LocalDate> dates, java.util.function.Function<LocalDate, Double> x) {
      categoryTicks(
          dates.stream().map(LocalDate::toString).toList(), d -> x.apply(LocalDate.parse(d)));
    }

    void categoryTicks(List<String> categories, java.util.function.Function<String, Double> x) {
      int n = categories.size();
      int step = Math.max(1, (int) Math.ceil(n / 7.0));
      for (int i = 0; i < n; i++) {
        if (i % step != 0 && i != n - 1) {
          continue;
        }
        if (i == n - 1 && i % step != 0 && n - 1 - (i - i % step) < step / 2.0) {
          continue; // too close to the previous label
        }
        String label = categories.get(i);
        String shown = label.matches("\\d{4}-\\d{2}-\\d{2}") ? label.substring(5) : label;
        double px = x.apply(label);
        svg.append(line(px, bottom(), px, bottom() + 4, "axis"));
        svg.append(text(px, bottom() + 16, "middle", Html.shorten(shown, 14)));
      }
    }

    String close() {
      svg.append(text((LEFT + WIDTH - RIGHT) / 2.0, height - 10, "middle", xTitle, "axis-title"));
      return svg.append(CLOSE).toString();
    }
  }

  /** A linear scale whose domain is widened to "nice" tick values (1, 2, 5 × 10^k). */
  record Scale(double min, double max, double step) {

    static Scale nice(double low, double high) {
      if (!(high > low)) {
        high = low + 1;
      }
      double raw = (high - low) / 5;
      double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
      double residual = raw / magnitude;
      double step = (residual > 5 ? 10 : residual > 2 ? 5 : residual > 1 ? 2 : 1) * magnitude;
      return new Scale(Math.floor(low / step) * step, Math.ceil(high / step) * step, step);
    }

    List<Double> ticks() {
      List<Double> ticks = new ArrayList<>();
      long count = Math.round((max - min) / step);
      long first = Math.round(min / step);
      for (long i = 0; i <= count; i++) {
        // decimal arithmetic: 28 × 0.2 is 5.6, not 5.6000000000000005
        ticks.add(
            java.math.BigDecimal.valueOf(first + i)
                .multiply(java.math.BigDecimal.valueOf(step))
                .doubleValue());
      }
      return ticks;
    }

    double map(double value, double from, double to) {
      return from + (to - from) * (value - min) / (max - min);
    }
  }
}
