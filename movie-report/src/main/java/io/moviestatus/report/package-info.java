/**
 * The movie-status report: one self-contained HTML page (inline SVG charts, no script, a Content
 * Security Policy that lets nothing load) about one snapshot date of the lake: the top 20 with rank
 * change and sparklines, trends, movers, rating vs popularity, genre mix, users' ratings, the
 * recommender against the bias baseline and most popular, and data quality. Every chart draws one
 * mark per row of the data table under it.
 *
 * <p>Public API: {@link io.moviestatus.report.Report} and its {@link
 * io.moviestatus.report.Report.Builder}. Everything else is package-private: the lake queries
 * ({@code ReportQueries} → {@code ReportData}), the page skeleton ({@code ReportPage}) and its
 * sections ({@code MovieSections}, {@code ActivitySections}, {@code RecommenderSection}), one class
 * per chart kind ({@code LineCharts}, {@code BarCharts}, {@code ScatterChart}, {@code
 * BaselineChart}) over shared axes, scales and text fitting ({@code Svg}, {@code TextWidth}), and
 * escaping ({@code Html}).
 *
 * <pre>{@code
 * Report report = Report.builder(spark, LakeLayout.of("./lake")).days(30).build();
 * String html = report.render();         // latest date of gold movie_rankings
 * String path = report.writeToLake();    // <lake>/gold/report/<date>.html
 * }</pre>
 */
package io.moviestatus.report;
