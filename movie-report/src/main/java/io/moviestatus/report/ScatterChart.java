package io.moviestatus.report;

import static io.moviestatus.report.Html.coordinate;
import static io.moviestatus.report.Html.escape;
import static io.moviestatus.report.Svg.EDGE;
import static io.moviestatus.report.Svg.HEIGHT;
import static io.moviestatus.report.Svg.LEFT;
import static io.moviestatus.report.Svg.RIGHT;
import static io.moviestatus.report.Svg.TOP;
import static io.moviestatus.report.Svg.WIDTH;
import static java.util.Objects.requireNonNull;

import io.moviestatus.report.Svg.Font;
import io.moviestatus.report.Svg.Plot;
import io.moviestatus.report.Svg.Scale;
import java.util.ArrayList;
import java.util.List;

/** Weighted rating against popularity: one point mark per movie, outliers labelled. */
final class ScatterChart {

  private static final int LINE_HEIGHT = 14;

  /** The widest a point's label gets: less than half the plot, so it never leaves the SVG. */
  static final double MAX_LABEL = 180;

  private ScatterChart() {}

  /** One point of a scatter plot; {@code labelled} points get their label drawn beside them. */
  record Dot(String label, double x, double y, boolean labelled) {
    Dot {
      requireNonNull(label, "label is null");
    }
  }

  /**
   * A point per dot; labelled dots carry their label beside them, inside the SVG and overlapping no
   * other label as long as a line near the dot is free.
   */
  static String scatter(String title, List<Dot> dots, String xTitle, String yTitle) {
    if (dots.isEmpty()) {
      return Svg.empty(title);
    }
    // the y axis spans the data (weighted ratings cluster around the day's mean), not 0 to 10
    Scale y =
        Scale.nice(
            dots.stream().mapToDouble(Dot::y).min().orElse(0),
            dots.stream().mapToDouble(Dot::y).max().orElse(1));
    Scale x = Scale.nice(0, dots.stream().mapToDouble(Dot::x).max().orElse(1));
    Plot plot = new Plot(title, HEIGHT, y, xTitle, yTitle);
    double x0 = LEFT;
    double x1 = WIDTH - RIGHT;
    for (double tick : x.ticks()) {
      double px = x.map(tick, x0, x1);
      plot.svg.append(Svg.line(px, TOP, px, plot.bottom(), "grid"));
      plot.svg.append(Svg.centred(px, plot.bottom() + 16, Html.number(tick, 2), Font.TICK));
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
        labels.append(label(dot, cx, cy, (x0 + x1) / 2, placed));
      }
    }
    plot.svg.append(labels);
    return plot.close();
  }

  /**
   * The label of a dot: towards the middle of the plot, at most {@link #MAX_LABEL} wide (else cut
   * with "…"), on the first free line (nearest the dot first) that lies inside the SVG.
   */
  private static String label(Dot dot, double cx, double cy, double middle, List<double[]> placed) {
    boolean rightHalf = cx > middle;
    String label = Font.POINT_LABEL.fit(dot.label(), MAX_LABEL);
    double width = Font.POINT_LABEL.width(label);
    double left = rightHalf ? cx - 7 - width : cx + 7;
    double highest = EDGE + Font.POINT_LABEL.above();
    double lowest = HEIGHT - EDGE - Font.POINT_LABEL.below();
    double start = Math.max(highest, Math.min(lowest, cy - 6));
    double ly = start;
    // below the dot first, then above, one line further each time; overlaps if no line is free
    for (int k = 0; k <= 2 * placed.size() + 1; k++) {
      double candidate = start + LINE_HEIGHT * (k % 2 == 1 ? (k + 1) / 2 : -k / 2);
      if (candidate >= highest && candidate <= lowest && free(candidate, left, width, placed)) {
        ly = candidate;
        break;
      }
    }
    placed.add(new double[] {ly, left, left + width});
    return Svg.text(
        rightHalf ? cx - 7 : cx + 7, ly, rightHalf ? "end" : "start", label, Font.POINT_LABEL);
  }

  private static boolean free(double ly, double left, double width, List<double[]> placed) {
    for (double[] box : placed) {
      if (Math.abs(box[0] - ly) < LINE_HEIGHT && left < box[2] && left + width > box[1]) {
        return false;
      }
    }
    return true;
  }
}
