package io.moviestatus.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The demo lake's report opened in a real browser: Debian's headless Chromium driven by Selenium
 * through Debian's chromedriver (explicit paths, so Selenium Manager never downloads anything). At
 * 1280×800 and at a phone's 390 px: every chart present with one mark per row of its data table,
 * titles and axis titles on every chart, every text of every SVG inside the SVG (long titles cut
 * with "…", whole in the tooltip and the data table), no console or script error, no CSP violation,
 * no request leaving the page, no sideways scrolling of the page. Screenshots go to {@code
 * target/report-screenshots/}. The demo lake is {@link DemoLake}'s: the one {@link DemoTest} built
 * earlier in the same Maven run, else built here.
 */
class ReportBrowserIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String INSTALL =
      "install Debian's browser and driver: apt-get install -y chromium chromium-driver"
          + " (.ci/run does this when they are missing)";

  private static final String NUMBER = "-?\\d+(\\.\\d+)?";

  private static final List<String> CHARTS =
      List.of(
          "top20",
          "trends",
          "movers",
          "scatter",
          "genres",
          "ratings-daily",
          "ratings-distribution",
          "recommender",
          "quarantine",
          "processed-files");

  /** Records script errors and CSP violations from before the page's first byte. */
  private static final String ERROR_HOOK =
      "window.__reportErrors = [];"
          + "window.addEventListener('error', e => window.__reportErrors.push('error: ' + (e.message"
          + " || (e.target && (e.target.src || e.target.href)) || e.type)), true);"
          + "document.addEventListener('securitypolicyviolation', e =>"
          + " window.__reportErrors.push('csp: ' + e.violatedDirective + ' ' + e.blockedURI));";

  private static Path report;
  private static Path screenshots;
  private static ChromeDriverService service;
  private static ChromeDriver browser;

  @BeforeAll
  static void demoLakeAndBrowser() throws Exception {
    assertThat(CHROMIUM).as("Chromium is missing at %s: %s", CHROMIUM, INSTALL).isExecutable();
    assertThat(CHROMEDRIVER)
        .as("chromedriver is missing at %s: %s", CHROMEDRIVER, INSTALL)
        .isExecutable();

    DemoLake.Built demo = DemoLake.reuseOrBuild();
    Path root = demo.root();
    Matcher printed = Pattern.compile("(?m)^report: (.+)$").matcher(demo.output());
    assertThat(printed.find()).as("demo prints the report's path").isTrue();
    report = Path.of(printed.group(1));
    assertThat(report).isEqualTo(root.resolve("gold/report/2026-11-03.html")).isRegularFile();

    screenshots = ShadedJarIT.Build.buildDir().resolve("report-screenshots");
    Files.createDirectories(screenshots);

    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--disable-extensions",
        "--disable-background-networking",
        "--no-first-run",
        "--window-size=1280,800");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    browser = new ChromeDriver(service, options);
    browser.executeCdpCommand(
        "Page.addScriptToEvaluateOnNewDocument", Map.of("source", ERROR_HOOK));
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
    if (service != null) {
      service.stop();
    }
  }

  /** Loads the report with the viewport of a desktop or of a phone. */
  private static void open(int width, int height, boolean mobile) {
    browser.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of(
            "width",
            width,
            "height",
            height,
            "deviceScaleFactor",
            mobile ? 2 : 1,
            "mobile",
            mobile));
    browser.get(report.toUri().toString());
    browser.manage().logs().get(LogType.BROWSER); // drop entries of earlier pages
    browser.navigate().refresh();
  }

  @SuppressWarnings("unchecked")
  private static <T> T js(String script) {
    return (T) browser.executeScript(script);
  }

  /** id → [marks, data rows, svg charts, svg charts with a title and an axis title]. */
  private static Map<String, List<Long>> anatomy() {
    List<List<Object>> sections =
        js(
            "return Array.from(document.querySelectorAll('section.chart-section')).map(s => ["
                + " s.id,"
                + " s.querySelectorAll('figure .mark').length,"
                + " s.querySelectorAll('details.data tbody tr').length,"
                + " s.querySelectorAll('figure svg.chart-svg').length,"
                + " Array.from(s.querySelectorAll('figure svg.chart-svg')).filter(svg =>"
                + "   svg.querySelector(':scope > title') && svg.querySelector('.axis-title')).length])");
    Map<String, List<Long>> out = new LinkedHashMap<>();
    for (List<Object> s : sections) {
      out.put(
          (String) s.get(0),
          List.of((Long) s.get(1), (Long) s.get(2), (Long) s.get(3), (Long) s.get(4)));
    }
    return out;
  }

  private static void assertEveryChart(String viewport) {
    Map<String, List<Long>> anatomy = anatomy();
    assertThat(anatomy.keySet())
        .as("charts on the page at %s", viewport)
        .containsExactlyElementsOf(CHARTS);
    anatomy.forEach(
        (id, counts) -> {
          assertThat(counts.get(0))
              .as("%s at %s: marks drawn vs rows of its data table %s", id, viewport, anatomy)
              .isEqualTo(counts.get(1))
              .isPositive();
          assertThat(counts.get(3))
              .as("%s at %s: every SVG chart has a title and axis titles", id, viewport)
              .isEqualTo(counts.get(2));
        });
    Map<String, Long> marks = new LinkedHashMap<>();
    anatomy.forEach((id, counts) -> marks.put(id, counts.get(0)));
    System.out.println("ReportBrowserIT marks per chart at " + viewport + ": " + marks);
    assertThat(marks).as("the demo lake's rows per chart").containsExactlyEntriesOf(EXPECTED_MARKS);
  }

  /**
   * What the demo lake holds for 2026-11-03 (5 snapshot dates, 30-day window): 20 of the day's 40
   * movies; its top 10 on all 5 dates; 10 climbers + 10 fallers since 2026-10-30; 40 movies in the
   * scatter; 5 dates × (8 named genres + Other); ratings given on 11 days (10-24 to 11-03) with 9
   * distinct values (1.0 to 5.0) in the bundled events.csv; 5 metrics beside their baselines (rmse,
   * precision, NDCG, recall and coverage at 10) × 1 model version; 1 quarantined record; 5 dates ×
   * 2 bronze sources.
   */
  private static final Map<String, Long> EXPECTED_MARKS = expectedMarks();

  private static Map<String, Long> expectedMarks() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("top20", 20L);
    m.put("trends", 50L);
    m.put("movers", 20L);
    m.put("scatter", 40L);
    m.put("genres", 45L);
    m.put("ratings-daily", 11L);
    m.put("ratings-distribution", 9L);
    m.put("recommender", 5L);
    m.put("quarantine", 1L);
    m.put("processed-files", 10L);
    return m;
  }

  /**
   * Every {@code <text>} of every SVG lies inside its SVG's viewport, as the browser lays it out:
   * its client rect (the boxes of its glyphs, after any rotation) inside the SVG's client rect,
   * and, for a text not turned, its getBBox() inside the viewBox (user units).
   */
  private static void assertNoTextOverflows(String viewport) {
    List<Object> outside =
        js(
            "const out = [];"
                + "for (const svg of document.querySelectorAll('svg')) {"
                + "  const v = svg.getBoundingClientRect();"
                + "  const vb = svg.viewBox.baseVal;"
                + "  for (const t of svg.querySelectorAll('text')) {"
                + "    const r = t.getBoundingClientRect();"
                + "    const client = [r.left - v.left, v.right - r.right, r.top - v.top, v.bottom - r.bottom];"
                + "    const b = t.getBBox();"
                + "    const user = t.hasAttribute('transform') ? [0, 0, 0, 0]"
                + "      : [b.x - vb.x, vb.x + vb.width - b.x - b.width, b.y - vb.y, vb.y + vb.height - b.y - b.height];"
                + "    if (client.concat(user).some(m => m < 0)) {"
                + "      out.push(svg.getAttribute('aria-label') + ': \"' + t.textContent + '\" margins left/right/top/bottom px '"
                + "        + client.map(m => m.toFixed(2)).join('/') + ', user units ' + user.map(m => m.toFixed(2)).join('/'));"
                + "    }"
                + "  }"
                + "}"
                + "return out;");
    assertThat(outside).as("texts overflowing their SVG at %s", viewport).isEmpty();
    long texts = js("return document.querySelectorAll('svg.chart-svg text').length");
    assertThat(texts)
        .as("texts checked at %s", viewport)
        .isGreaterThan(EXPECTED_MARKS.get("movers"));
  }

  /**
   * Each mover's label is its title from the data table, or a start of it ending in "…"; the mark's
   * tooltip holds the whole title.
   */
  private static void assertMoverLabelsFitOrEndInAnEllipsis(String viewport) {
    List<List<Object>> marks =
        js(
            "return Array.from(document.querySelectorAll('#movers figure .mark')).map(m =>"
                + " [m.querySelector('title').textContent, m.querySelector('text').textContent])");
    List<Object> titles =
        js(
            "return Array.from(document.querySelectorAll('#movers details.data tbody tr'))"
                + ".map(r => r.cells[1].textContent)");
    assertThat(marks).as("movers' marks at %s", viewport).hasSameSizeAs(titles);
    int cut = 0;
    for (int i = 0; i < marks.size(); i++) {
      String title = (String) titles.get(i);
      String tooltip = (String) marks.get(i).get(0);
      String label = (String) marks.get(i).get(1);
      assertThat(tooltip).as("tooltip of mover %s at %s", title, viewport).startsWith(title + ": ");
      if (!label.equals(title)) {
        assertThat(label).as("cut label of %s at %s", title, viewport).endsWith("…");
        assertThat(title)
            .as("cut label of %s at %s", title, viewport)
            .startsWith(label.substring(0, label.length() - 1));
        cut++;
      }
    }
    System.out.println(
        "ReportBrowserIT movers at "
            + viewport
            + ": "
            + cut
            + " of "
            + marks.size()
            + " labels cut");
  }

  private static void assertNoErrors(String viewport) {
    List<String> console = new ArrayList<>();
    for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER).getAll()) {
      console.add(entry.getLevel() + " " + entry.getMessage());
    }
    assertThat(console)
        .as("browser console at %s", viewport)
        .noneMatch(line -> line.startsWith("SEVERE") || line.startsWith("WARNING"));
    List<Object> hooked = js("return window.__reportErrors");
    assertThat(hooked)
        .as("script errors and CSP violations at %s (hook installed)", viewport)
        .isEmpty();
  }

  private static void assertNothingRequested(String viewport) {
    long resources = js("return performance.getEntriesByType('resource').length");
    assertThat(resources).as("resources fetched by the page at %s", viewport).isZero();
  }

  private static void screenshot(String name) throws IOException {
    Map<String, Object> size =
        js(
            "return {w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight}");
    Map<String, Object> full =
        browser.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of(
                "format",
                "png",
                "captureBeyondViewport",
                true,
                "clip",
                Map.of(
                    "x", 0, "y", 0, "width", size.get("w"), "height", size.get("h"), "scale", 1)));
    Files.write(
        screenshots.resolve(name + "-full.png"),
        Base64.getDecoder().decode((String) full.get("data")));
    Files.write(
        screenshots.resolve(name + ".png"),
        browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
  }

  @Test
  void desktopShowsEveryChartWithOneMarkPerDataRowAndNoError() throws IOException {
    open(1280, 800, false);

    assertThat((Long) js("return window.innerWidth")).isEqualTo(1280L);
    assertEveryChart("1280x800");
    assertNoTextOverflows("1280x800");
    assertMoverLabelsFitOrEndInAnEllipsis("1280x800");
    assertNoErrors("1280x800");
    assertNothingRequested("1280x800");
    assertThat((Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth"))
        .as("no sideways scrolling at 1280 px")
        .isTrue();
    screenshot("report-1280x800");
  }

  @Test
  void phoneWidthFitsTheScreenAndChartsKeepAReadableSize() throws IOException {
    open(390, 844, true);

    assertThat((Long) js("return window.innerWidth")).isEqualTo(390L);
    assertEveryChart("390x844");
    assertNoTextOverflows("390x844");
    assertMoverLabelsFitOrEndInAnEllipsis("390x844");
    assertNoErrors("390x844");
    assertNothingRequested("390x844");
    assertThat((Long) js("return document.documentElement.scrollWidth"))
        .as("the page itself never scrolls sideways on a phone (wide charts scroll in their box)")
        .isLessThanOrEqualTo(390L);
    List<Object> narrow =
        js(
            "return Array.from(document.querySelectorAll('svg.chart-svg'))"
                + ".filter(s => s.getBoundingClientRect().width < 300).map(s => s.getAttribute('aria-label'))");
    assertThat(narrow).as("charts shrunk below 300 px (text would be unreadable)").isEmpty();
    screenshot("report-390x844");
  }

  @Test
  void recommenderShowsTheModelBesideTheBiasBaselineAndMostPopular() {
    open(1280, 800, false);

    List<List<Object>> rows =
        js(
            "return Array.from(document.querySelectorAll('#recommender details.data tbody tr'))"
                + ".map(r => Array.from(r.cells).map(c => c.textContent))");
    assertThat(rows.stream().map(r -> (String) r.get(1)))
        .as("metrics with a baseline twin, in recommender_metrics' column order")
        .containsExactly("rmse", "precision_at_10", "ndcg_at_10", "recall_at_10", "coverage_at_10");
    for (List<Object> row : rows) {
      assertThat((String) row.get(2)).as("model value of %s", row).matches(NUMBER);
      assertThat((String) row.get(3)).as("bias baseline of %s", row).matches(NUMBER);
      if (row.get(1).equals("rmse")) {
        assertThat((String) row.get(4)).as("most popular predicts no rating: %s", row).isEmpty();
      } else {
        assertThat((String) row.get(4)).as("most popular of %s", row).matches(NUMBER);
      }
    }
    List<Object> bars =
        js(
            "return ['#0072B2', '#9aa3ad', '#E69F00'].map(f =>"
                + " document.querySelectorAll('#recommender figure g.mark rect[fill=\\'' + f + '\\']').length)");
    assertThat(bars)
        .as("bars of the model, the bias baseline, most popular")
        .containsExactly(5L, 5L, 4L);
  }

  @Test
  void dataTablesAreCollapsedUntilOpenedAndNothingPointsOutside() {
    open(1280, 800, false);

    WebElement details = browser.findElement(By.cssSelector("#scatter details.data"));
    WebElement table = details.findElement(By.tagName("table"));
    assertThat(table.isDisplayed()).as("collapsed at first").isFalse();
    details.findElement(By.tagName("summary")).click();
    assertThat(table.isDisplayed()).as("shown once its summary is clicked").isTrue();
    assertThat(details.findElement(By.tagName("summary")).getText()).isEqualTo("Data: 40 rows");

    assertThat(
            browser
                .findElement(By.cssSelector("meta[http-equiv='Content-Security-Policy']"))
                .getAttribute("content"))
        .isEqualTo("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    List<Object> outside =
        js(
            "return Array.from(document.querySelectorAll('[src], [href], link, script, iframe, object, embed'))"
                + ".filter(e => !(e.tagName === 'A' && e.getAttribute('href').startsWith('#')))"
                + ".map(e => e.outerHTML.slice(0, 120))");
    assertThat(outside).as("elements that could load something").isEmpty();
    assertNothingRequested("1280x800 after opening a table");
  }
}
