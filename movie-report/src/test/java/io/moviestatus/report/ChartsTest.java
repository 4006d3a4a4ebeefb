package io.moviestatus.report;

import static io.moviestatus.report.PageAnatomy.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.moviestatus.report.BarCharts.Bar;
import io.moviestatus.report.BarCharts.Segment;
import io.moviestatus.report.BaselineChart.Comparison;
import io.moviestatus.report.LineCharts.Point;
import io.moviestatus.report.ScatterChart.Dot;
import io.moviestatus.report.Svg.Scale;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SVG charts: one mark per data item, titles and axis titles, escaping. */
class ChartsTest {

  private static final LocalDate D1 = LocalDate.parse("2026-11-01");
  private static final LocalDate D2 = LocalDate.parse("2026-11-02");
  private static final LocalDate D3 = LocalDate.parse("2026-11-03");
  private static final String EVIL = "<script>alert('x')</script> & \"Co\"";

  /** 60 characters, wider than any label column. */
  static final String LONG_TITLE = "Snow White and the Seven Dwarfs: The Long Lost Directors Cut";

  private static final String LONG_TEXT =
      "an axis title far longer than any chart is wide, because someone named a column that way,"
          + " twice over: an axis title far longer than any chart is wide";

  @Test
  void lineChartDrawsOnePointMarkPerValueAndOneLinePerSeries() {
    String svg =
        LineCharts.lines(
            "Popularity",
            List.of(
                new Point("A", D1, 10),
                new Point("A", D2, 12),
                new Point("A", D3, 9),
                new Point("B", D1, 5),
                new Point("B", D3, 7)),
            "snapshot date (UTC)",
            "TMDB popularity (score)");

    assertThat(count(svg, "class=\"mark\"")).as("point marks").isEqualTo(5);
    assertThat(count(svg, "class=\"line\"")).as("one path per series").isEqualTo(2);
    assertThat(svg)
        .as("title, axis titles, date ticks and legend")
        .contains("<title>Popularity</title>")
        .contains(">snapshot date (UTC)</text>")
        .contains(">TMDB popularity (score)</text>")
        .contains(">11-01</text>")
        .contains(">11-03</text>")
        .contains("<ul class=\"legend\"><li>");
  }

  @Test
  void stackedBarsDrawOneSegmentPerItemAndKeepEmptyDaysOnTheAxis() {
    String svg =
        BarCharts.stacked(
            "Quarantine",
            List.of("2026-11-01", "2026-11-02", "2026-11-03"),
            List.of(
                new Segment("2026-11-01", "missing_id", 2),
                new Segment("2026-11-01", "malformed_json", 1),
                new Segment("2026-11-03", "missing_id", 4)),
            "date (UTC)",
            "quarantined records (count)");

    assertThat(count(svg, "class=\"mark\"")).isEqualTo(3);
    assertThat(svg)
        .as("the day without data keeps its tick")
        .contains(">11-02</text>")
        .contains("<title>2026-11-01 · malformed_json: 1</title>")
        .contains(">quarantined records (count)</text>")
        .contains("missing_id</li>");
  }

  @Test
  void singleSeriesBarsHaveNoLegend() {
    String svg =
        BarCharts.stacked(
            "Ratings",
            null,
            List.of(new Segment("0.5", "ratings", 3), new Segment("5.0", "ratings", 8)),
            "rating (stars, 0.5–5)",
            "ratings (count)");

    assertThat(count(svg, "class=\"mark\"")).isEqualTo(2);
    assertThat(svg).doesNotContain("class=\"legend\"").contains("<title>5.0: 8</title>");
  }

  @Test
  void divergingBarsEscapeTitlesAndDrawOneBarPerMover() {
    String svg =
        BarCharts.diverging(
            "Movers", List.of(new Bar(EVIL, 5), new Bar("Down", -3)), "rank change (places)");

    assertThat(count(svg, "class=\"mark\"")).isEqualTo(2);
    assertThat(svg)
        .doesNotContain("<script>")
        .doesNotContain("'x'")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;: +5")
        .contains("fill=\"#1a7f37\"")
        .contains("fill=\"#c62828\"")
        .contains(">rank change (places)</text>");
  }

  @Test
  void divergingBarsCutASixtyCharacterTitleToTheLabelColumnAndKeepItWholeInTheMarksTooltip() {
    String svg =
        BarCharts.diverging(
            "Movers",
            List.of(new Bar(LONG_TITLE, -7), new Bar("Maze Runner: The Scorch Trials", 3)),
            "rank change (places)");

    assertThat(LONG_TITLE).hasSize(60);
    assertThat(SvgTexts.endAnchoredTicks(svg))
        .as("labels: the long one cut with an ellipsis, the 30-character one whole")
        .containsExactly("Snow White and the Seven Dwarf…", "Maze Runner: The Scorch Trials");
    double labelEnd = BarCharts.MAX_LABEL_COLUMN - 6;
    assertThat(svg)
        .as("the label column is as wide as it may get; labels end 6 left of it")
        .contains(
            "<text class=\"tick\" x=\""
                + Html.coordinate(labelEnd)
                + "\" y=\"26\" text-anchor=\"end\" dominant-baseline=\"middle\">"
                + "Snow White and the Seven Dwarf…</text>");
    assertThat(Svg.Font.TICK.width("Snow White and the Seven Dwarf…"))
        .as("the cut label fits between the SVG's edge margin and the column's end")
        .isLessThanOrEqualTo(labelEnd - Svg.EDGE);
    assertThat(Svg.Font.TICK.width("Snow White and the Seven Dwarfs…"))
        .as("one more character would not fit: the longest start that fits")
        .isGreaterThan(labelEnd - Svg.EDGE);
    assertThat(svg)
        .as("the mark (bar and label) carries the full title in its tooltip")
        .contains("<g class=\"mark\"><title>" + LONG_TITLE + ": -7</title><rect ")
        .contains("<g class=\"mark\"><title>Maze Runner: The Scorch Trials: +3</title><rect ");
    assertThat(count(svg, "class=\"mark\"")).isEqualTo(2);
    assertThat(SvgTexts.charts(svg).get(0).outside()).as("texts outside the SVG").isEmpty();
  }

  @Test
  void divergingBarsWithShortTitlesNarrowTheLabelColumnToTheWidestLabel() {
    String svg =
        BarCharts.diverging(
            "Movers", List.of(new Bar("Maze Runner: The Scorch Trials", 3)), "rank change");

    double widest = Svg.Font.TICK.width("Maze Runner: The Scorch Trials");
    assertThat(SvgTexts.endAnchoredTicks(svg)).containsExactly("Maze Runner: The Scorch Trials");
    assertThat(svg)
        .as("column: the label's width rounded up, plus gap and edge margin; label ends at the gap")
        .contains("x=\"" + Html.coordinate(Math.ceil(widest) + Svg.EDGE) + "\" y=\"26\"");
  }

  @Test
  void everyTextOfEveryChartStaysInsideItsSvgWhateverTheLabelsAndNumbers() {
    List<String> charts =
        List.of(
            BarCharts.diverging(
                LONG_TEXT,
                List.of(new Bar(LONG_TITLE, -1234), new Bar("WWWWWWWWWWWWWWWWWWWWWWWWW", 999)),
                LONG_TEXT),
            BarCharts.stacked(
                LONG_TEXT,
                null,
                List.of(
                    new Segment(LONG_TITLE, "a", 12_345_678),
                    new Segment("WWWWWWWWWWWWWWWWWWWW", "b", 1)),
                LONG_TEXT,
                LONG_TEXT),
            LineCharts.lines(
                LONG_TEXT,
                List.of(new Point(LONG_TITLE, D1, 0.00012), new Point(LONG_TITLE, D3, 0.00031)),
                LONG_TEXT,
                LONG_TEXT),
            ScatterChart.scatter(
                LONG_TEXT,
                List.of(
                    new Dot(LONG_TITLE, 0, 0, true),
                    new Dot(LONG_TITLE + " 2", 0, 0.01, true),
                    new Dot(LONG_TITLE + " 3", 0.5, 0, true),
                    new Dot("WWWWWWWWWWWWWWWWWWWWWWWWWWWWWW", 1999, 10, true),
                    new Dot("WWWWWWWWWWWWWWWWWWWWWWWWWWWWWW 2", 1999, 9.99, true)),
                LONG_TEXT,
                LONG_TEXT),
            BaselineChart.panels(
                LONG_TEXT,
                List.of(new Comparison(LONG_TITLE, LONG_TEXT, 12_000_000.0, 0.5, null)),
                LONG_TEXT));

    for (String chart : charts) {
      for (SvgTexts.Chart svg : SvgTexts.charts(chart)) {
        assertThat(svg.texts())
            .as("every <text> read back in %s", chart)
            .hasSize(svg.textElements());
        assertThat(svg.outside()).as("texts outside the SVG in %s", chart).isEmpty();
      }
    }
    assertThat(charts.get(1))
        .as("large y ticks are shortened, long axis titles cut to the SVG's width or plot's height")
        .contains(">5M</text>")
        .contains(">15M</text>")
        .contains(">an axis title far longer than any…</text>")
        .contains(
            ">an axis title far longer than any chart is wide, because someone named a column"
                + " th…</text>");
  }

  @Test
  void textWidthAddsTheGlyphsOfTheFontAndFitCutsWholeCharacters() {
    assertThat(TextWidth.of("W", 13, false)).isEqualTo(989 * 13 / 1000.0);
    assertThat(TextWidth.of("W", 13, true)).isEqualTo(1104 * 13 / 1000.0);
    assertThat(TextWidth.of("Amélie", 13, false))
        .as("an accented letter is as wide as its base letter")
        .isEqualTo(TextWidth.of("Amelie", 13, false));
    assertThat(TextWidth.of("千と千尋", 10, false)).as("1 em per ideograph").isEqualTo(40.0);

    assertThat(TextWidth.fit("Up", 20, 13, false)).as("fits: unchanged").isEqualTo("Up");
    assertThat(TextWidth.fit("Mad Max: Fury Road", 100, 13, false))
        .as("the longest start that fits")
        .isEqualTo("Mad Max: Fu…");
    assertThat(
            TextWidth.fit("Mad Max: Fury Road", TextWidth.of("Mad Max: …", 13, false), 13, false))
        .as("a space before the ellipsis is dropped")
        .isEqualTo("Mad Max:…");
    assertThat(TextWidth.fit("\uD83C\uDFAC\uD83C\uDFAC\uD83C\uDFAC", 13 * 2.5, 13, false))
        .as("an emoji (a surrogate pair) is never split")
        .isEqualTo("\uD83C\uDFAC…");
    assertThat(TextWidth.fit("abc", 5, 13, false)).as("not even the ellipsis fits").isEmpty();
  }

  @Test
  void yTicksShortenMillionsAndBillions() {
    assertThat(Svg.tickNumber(750_000)).isEqualTo("750000");
    assertThat(Svg.tickNumber(12_500_000)).isEqualTo("12.5M");
    assertThat(Svg.tickNumber(-2_000_000_000)).isEqualTo("-2B");
    assertThat(Svg.tickNumber(0.0025)).isEqualTo("0.0025");
  }

  @Test
  void scatterLabelsOnlyTheOutliers() {
    String svg =
        ScatterChart.scatter(
            "Rating vs popularity",
            List.of(
                new Dot("Hit", 300, 7.5, true),
                new Dot("Plain", 40, 6.5, false),
                new Dot(EVIL, 35, 2.0, true)),
            "TMDB popularity (score)",
            "weighted rating (0–10)");

    assertThat(count(svg, "class=\"mark\"")).isEqualTo(3);
    assertThat(count(svg, "class=\"point-label\"")).isEqualTo(2);
    assertThat(svg).doesNotContain("<script>").contains(">Hit</text>");
  }

  @Test
  void sparklineIsOneMarkWithGapsForMissingDays() {
    String svg = LineCharts.sparkline("Popularity of " + EVIL, Arrays.asList(1.0, null, 3.0, 4.0));

    assertThat(count(svg, "class=\"mark\"")).isEqualTo(1);
    assertThat(svg)
        .as("a lone value before the gap is drawn as a dot, then the pen moves")
        .contains("d=\"M2 25 h1 M79.3 10.3 L118 3\"")
        .contains("aria-label=\"Popularity of &lt;script&gt;");
  }

  @Test
  void baselinePanelsDrawOnePanelPerMetricAndOneMarkPerModelVersionWithBothBaselines() {
    String html =
        BaselineChart.panels(
            "Model vs baselines",
            List.of(
                new Comparison("v1", "ndcg_at_10", 0.31, 0.22, 0.27),
                new Comparison("v2", "ndcg_at_10", 0.33, 0.22, 0.27),
                new Comparison("v1", "rmse", 0.84, 0.91, null)),
            "model_version");

    assertThat(count(html, "class=\"mark\"")).as("one mark per comparison").isEqualTo(3);
    assertThat(count(html, "<svg")).as("one panel per metric").isEqualTo(2);
    assertThat(count(html, "<rect "))
        .as("3 bars per ndcg comparison, rmse without most popular: 2")
        .isEqualTo(8);
    assertThat(count(html, "fill=\"#E69F00\"/>")).as("most popular bars").isEqualTo(2);
    assertThat(html)
        .contains("<title>Model vs baselines: ndcg_at_10</title>")
        .contains(
            "<title>v2 · ndcg_at_10: model 0.33, bias baseline 0.22, most popular 0.27</title>")
        .contains("<title>v1 · rmse: model 0.84, bias baseline 0.91, most popular </title>")
        .contains(">model</li>")
        .contains(">bias baseline</li>")
        .contains(">most popular</li>");
  }

  @Test
  void emptyDataDrawsNoMarkAndSaysSo() {
    assertThat(LineCharts.lines("Trends", List.of(), "x", "y"))
        .isEqualTo("<p class=\"empty\">Trends: no data for this period.</p>");
    assertThat(ScatterChart.scatter("S", List.of(), "x", "y")).doesNotContain("mark");
  }

  @Test
  void scaleWidensToNiceTicks() {
    assertThat(Scale.nice(0, 87).ticks()).containsExactly(0.0, 20.0, 40.0, 60.0, 80.0, 100.0);
    assertThat(Scale.nice(-7, 7).ticks()).containsExactly(-10.0, -5.0, 0.0, 5.0, 10.0);
    assertThat(Scale.nice(5, 5).ticks())
        .as("a flat domain still has a range")
        .containsExactly(5.0, 5.2, 5.4, 5.6, 5.8, 6.0);
  }

  @Test
  void htmlEscapesEveryMarkupCharacterAndControlCharacters() {
    assertThat(Html.escape("<a href=\"x\">Tom & Jerry's</a>\u0007"))
        .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;\uFFFD");
    assertThat(Html.number(0.123456, 4)).isEqualTo("0.1235");
    assertThat(Html.number(12.0, 2)).isEqualTo("12");
    assertThat(Html.number(-0.0001, 2)).isEqualTo("0");
    assertThat(Html.number(null, 2)).isEmpty();
  }
}
