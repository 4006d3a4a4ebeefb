package io.moviestatus.report;

import static io.moviestatus.report.PageAnatomy.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.moviestatus.report.ReportData.Count;
import io.moviestatus.report.ReportData.Metrics;
import io.moviestatus.report.ReportData.Mover;
import io.moviestatus.report.ReportData.ScatterMovie;
import io.moviestatus.report.ReportData.TopMovie;
import io.moviestatus.report.ReportData.Trend;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The page around the charts: sections, data tables, escaping, the no-network policy. */
class ReportPageTest {

  private static final LocalDate D1 = LocalDate.parse("2026-11-02");
  private static final LocalDate D2 = LocalDate.parse("2026-11-03");
  private static final String EVIL = "<img src=x onerror=alert(1)> & 'Co'";

  private static ReportData data(Metrics metrics) {
    return data(metrics, List.of(new Mover(10, EVIL, 3, 1), new Mover(12, "Faller", 2, 5)));
  }

  private static ReportData data(Metrics metrics, List<Mover> movers) {
    return new ReportData(
        D2,
        30,
        "/lake/<dir>",
        Instant.parse("2026-11-03T06:00:00Z"),
        D1,
        List.of(D1, D2),
        List.of(
            new TopMovie(1, 10, EVIL, 120.5, 7.25, 2, List.of(100.0, 120.5)),
            new TopMovie(2, 11, "Plain", 99.0, 6.5, null, Arrays.asList(null, 99.0))),
        List.of(
            new Trend(1, EVIL, D1, 100.0),
            new Trend(1, EVIL, D2, 120.5),
            new Trend(2, "Plain", D2, 99.0)),
        movers,
        List.of(new ScatterMovie(10, EVIL, 120.5, 7.25), new ScatterMovie(11, "Plain", 99, 6.5)),
        2,
        List.of(
            new Count("2026-11-02", "Drama", 1),
            new Count("2026-11-03", "Drama", 2),
            new Count("2026-11-03", "Comedy", 1)),
        List.of(new Count("2026-11-02", "ratings", 7)),
        List.of(new Count("3.5", "ratings", 4), new Count("4.0", "ratings", 3)),
        metrics,
        List.of(new Count("2026-11-02", "missing_id", 1)),
        List.of(new Count("2026-11-02", "tmdb/discover_movie", 1)));
  }

  /**
   * Metric columns the report has never heard of: mae has a bias baseline only, coverage most
   * popular only, hit_rate both (suffix and prefix spellings).
   */
  private static Metrics invented() {
    return new Metrics(
        List.of(
            "model_version",
            "trained_at",
            "mae",
            "baseline_mae",
            "coverage",
            "coverage_popular",
            "hit_rate_baseline",
            "hit_rate",
            "popular_hit_rate"),
        List.of(
            "string",
            "timestamp",
            "double",
            "double",
            "double",
            "double",
            "float",
            "float",
            "float"),
        List.of(
            Arrays.asList(
                "v2",
                Instant.parse("2026-11-03T05:00:00Z"),
                0.61,
                0.66,
                0.3,
                0.05,
                0.2f,
                0.25f,
                0.15f),
            Arrays.asList(
                "v1",
                Instant.parse("2026-11-02T05:00:00Z"),
                0.64,
                0.66,
                null,
                0.1,
                0.2f,
                null,
                0.15f)));
  }

  @Test
  void everyChartHasOneMarkPerRowOfItsDataTable() {
    PageAnatomy page = PageAnatomy.of(ReportPage.render(data(invented())));

    assertThat(page.marks())
        .as("marks per chart, in page order")
        .containsExactly(
            entry("top20", 2),
            entry("trends", 3),
            entry("movers", 2),
            entry("scatter", 2),
            entry("genres", 3),
            entry("ratings-daily", 1),
            entry("ratings-distribution", 2),
            entry("recommender", 6),
            entry("quarantine", 1),
            entry("processed-files", 1));
    assertThat(page.dataRows()).as("data rows per chart").isEqualTo(page.marks());
  }

  @Test
  void titlesFromTmdbAreEscapedEverywhere() {
    String html = ReportPage.render(data(invented()));

    assertThat(html)
        .as("no raw markup from a title or the lake path")
        .doesNotContain("<img")
        .doesNotContain("<dir>")
        .contains("&lt;img src=x onerror=alert(1)&gt; &amp; &#39;Co&#39;")
        .contains("/lake/&lt;dir&gt;");
    assertThat(count(html, "&lt;img src=x onerror=alert(1)&gt;"))
        .as("top 20 row + sparkline label + data row, trends, movers, scatter")
        .isGreaterThanOrEqualTo(8);
  }

  @Test
  void recommenderSetsEveryMetricWithABaselineTwinBesideBothBaselines() {
    String html = ReportPage.render(data(invented()));
    String section =
        html.substring(html.indexOf("id=\"recommender\""), html.indexOf("id=\"quarantine\""));

    assertThat(section)
        .as("one panel per metric with a twin, in column order; twins are no metrics themselves")
        .contains("<title>Model vs baselines: mae</title>")
        .contains("<title>Model vs baselines: coverage</title>")
        .contains("<title>Model vs baselines: hit_rate</title>")
        .doesNotContain("Model vs baselines: baseline_mae")
        .doesNotContain("Model vs baselines: popular_hit_rate")
        .contains(
            "<th scope=\"col\">model</th><th scope=\"col\">bias baseline</th>"
                + "<th scope=\"col\">most popular</th><th scope=\"col\">model − bias baseline</th>"
                + "<th scope=\"col\">model − most popular</th>");
    assertThat(section)
        .as("oldest version first; a missing twin is a blank cell, not a zero")
        .contains(
            "<tr><td>v1</td><td>mae</td><td>0.64</td><td>0.66</td><td></td><td>-0.02</td><td></td></tr>")
        .contains(
            "<tr><td>v2</td><td>coverage</td><td>0.3</td><td></td><td>0.05</td><td></td><td>+0.25</td></tr>")
        .contains(
            "<tr><td>v2</td><td>hit_rate</td><td>0.25</td><td>0.2</td><td>0.15</td><td>+0.05</td><td>+0.1</td></tr>");
    assertThat(section)
        .as("every column of the table listed, as found")
        .contains(
            "<th scope=\"col\">model_version</th><th scope=\"col\">trained_at</th><th scope=\"col\">mae</th>"
                + "<th scope=\"col\">baseline_mae</th><th scope=\"col\">coverage</th>")
        .contains("<td>v2</td><td>2026-11-03T05:00:00Z</td><td>0.61</td><td>0.66</td><td>0.3</td>");
  }

  @Test
  void missingMetricsTableSaysSoAndDrawsNothing() {
    String html = ReportPage.render(data(new Metrics(List.of(), List.of(), List.of())));

    assertThat(PageAnatomy.of(html).marks()).containsEntry("recommender", 0);
    assertThat(html).contains("recommender_metrics does not exist yet: run recommend.");
  }

  @Test
  void pageLoadsNothingAndForbidsLoadingAnything() {
    String html = ReportPage.render(data(invented()));

    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:\">")
        .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .doesNotContain("<script")
        .doesNotContain("<link")
        .as("attribute values are always double-quoted and text never holds a raw quote")
        .doesNotContain(" src=\"")
        .doesNotContain("href=\"http")
        .doesNotContain("url(");
  }

  @Test
  void rankChangeShowsArrowsAndNewcomers() {
    String html = ReportPage.render(data(invented()));

    assertThat(html)
        .contains("<span class=\"up\" aria-label=\"up 2\">▲2</span>")
        .contains("<span class=\"new\">new</span>")
        .contains("rank change since 2026-11-02")
        .contains(
            "The lake holds less than 7 days of history before 2026-11-03: rank change since its first snapshot, 2026-11-02 (1 day).");
  }

  @Test
  void moversCutALongTitleInTheChartOnlyAndKeepItWholeInTheTooltipAndTheTable() {
    String html =
        ReportPage.render(data(invented(), List.of(new Mover(10, ChartsTest.LONG_TITLE, 9, 2))));
    String section = html.substring(html.indexOf("id=\"movers\""), html.indexOf("id=\"scatter\""));

    assertThat(SvgTexts.endAnchoredTicks(section))
        .as("the bar's label")
        .containsExactly("Snow White and the Seven Dwarf…");
    assertThat(section)
        .as("full title in the mark's tooltip and in the data table")
        .contains("<g class=\"mark\"><title>" + ChartsTest.LONG_TITLE + ": +7</title>")
        .contains(
            "<tr><td>10</td><td>"
                + ChartsTest.LONG_TITLE
                + "</td><td>9</td><td>2</td><td>+7</td></tr>");
  }

  @Test
  void everyTextOfThePageStaysInsideItsSvg() {
    String html =
        ReportPage.render(
            data(
                invented(),
                List.of(
                    new Mover(10, ChartsTest.LONG_TITLE, 9, 2),
                    new Mover(11, "Maze Runner: The Scorch Trials", 1, 3))));
    List<SvgTexts.Chart> charts = SvgTexts.charts(html);

    assertThat(charts).as("SVG charts: 8 sections' and the recommender's 3 panels").hasSize(11);
    for (SvgTexts.Chart chart : charts) {
      assertThat(chart.texts()).as("every <text> read back").hasSize(chart.textElements());
      assertThat(chart.outside()).as("texts outside their SVG").isEmpty();
    }
  }

  @Test
  void chartTextsGetTheFontsTheirWidthsAreMeasuredIn() {
    assertThat(ReportPage.render(data(invented())))
        .contains(
            ".chart-svg .tick{font-size:13px;font-weight:400}\n"
                + ".chart-svg .axis-title{font-size:13px;font-weight:600}\n"
                + ".chart-svg .point-label{font-size:12px;font-weight:400}\n");
  }
}
