package io.moviestatus.report;

import static io.moviestatus.report.Html.coordinate;
import static io.moviestatus.report.Html.escape;
import static io.moviestatus.report.Svg.BOTTOM;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bars: vertical stacked bars per category (one mark per segment) and horizontal diverging bars
 * around zero (one mark per bar).
 */
final class BarCharts {

  private static final String UP = "#1a7f37";
  private static final String DOWN = "#c62828";

  /** The widest the label column of diverging bars gets; the bars keep the rest. */
  static final double MAX_LABEL_COLUMN = 240;

  /** Between a label's end and its bar's axis. */
  private static final double LABEL_GAP = 6;

  private BarCharts() {}

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

  /**
   * Vertical bars per category, segments of each series stacked; a legend when there is more than
   * one series. The x axis shows {@code axis} (null: the segments' categories, in order), so days
   * without data keep their place.
   */
  static String stacked(
      String title, List<String> axis, List<Segment> segments, String xTitle, String yTitle) {
    if (segments.isEmpty()) {
      return Svg.empty(title);
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
    Plot plot = new Plot(title, HEIGHT, y, xTitle, yTitle);
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
          .append(Svg.colour(seriesOrder.indexOf(s.series())))
          .append("\"><title>")
          .append(
              escape(
                  s.category()
                      + (seriesOrder.size() > 1 ? " · " + s.series() : "")
                      + ": "
                      + Html.number(s.value(), 2)))
          .append("</title></rect>");
    }
    return plot.close() + (seriesOrder.size() > 1 ? Svg.legend(seriesOrder) : "");
  }

  /**
   * Horizontal bars around zero, one row per bar: climbers right (green), fallers left (red). Each
   * bar's label sits in a column left of the plot, as wide as the widest label up to {@link
   * #MAX_LABEL_COLUMN}; a longer label ends in "…". One mark per bar: the bar with its label, whose
   * tooltip holds the full label and the value.
   */
  static String diverging(String title, List<Bar> bars, String xTitle) {
    if (bars.isEmpty()) {
      return Svg.empty(title);
    }
    int row = 24;
    double widest = bars.stream().mapToDouble(b -> Font.TICK.width(b.label())).max().orElse(0);
    double left = Math.min(MAX_LABEL_COLUMN, Math.max(LEFT, Math.ceil(widest) + LABEL_GAP + EDGE));
    double labelWidth = left - LABEL_GAP - EDGE;
    int height = TOP + row * bars.size() + BOTTOM;
    double extent = bars.stream().mapToDouble(b -> Math.abs(b.value())).max().orElse(1);
    Scale x = Scale.nice(-extent, extent);
    StringBuilder svg = Svg.open(title, height);
    double plotLeft = left;
    double plotRight = WIDTH - RIGHT;
    double bottom = height - BOTTOM;
    for (double tick : x.ticks()) {
      double px = x.map(tick, plotLeft, plotRight);
      svg.append(Svg.line(px, TOP, px, bottom, "grid"));
      svg.append(Svg.centred(px, bottom + 16, Html.number(tick, 2), Font.TICK));
    }
    double zero = x.map(0, plotLeft, plotRight);
    svg.append(Svg.line(zero, TOP, zero, bottom, "axis"));
    svg.append(Svg.centred((plotLeft + plotRight) / 2, height - 10, xTitle, Font.AXIS_TITLE));
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      double top = TOP + row * i + 4;
      double end = x.map(bar.value(), plotLeft, plotRight);
      svg.append("<g class=\"mark\"><title>")
          .append(escape(bar.label() + ": " + Svg.signed(bar.value())))
          .append("</title><rect x=\"")
          .append(coordinate(Math.min(zero, end)))
          .append("\" y=\"")
          .append(coordinate(top))
          .append("\" width=\"")
          .append(coordinate(Math.max(1, Math.abs(end - zero))))
          .append("\" height=\"")
          .append(row - 8)
          .append("\" fill=\"")
          .append(bar.value() >= 0 ? UP : DOWN)
          .append("\"/>")
          .append(
              Svg.text(
                  left - LABEL_GAP,
                  top + (row - 8) / 2.0,
                  "end",
                  Font.TICK.fit(bar.label(), labelWidth)))
          .append("</g>");
    }
    return svg.append(Svg.CLOSE).toString();
  }
}
