package io.moviestatus.ingest.bench;

import io.moviestatus.ingest.ExportFixtures;
import io.moviestatus.ingest.ExportIngestResult;
import io.moviestatus.ingest.ExportIngestion;
import io.moviestatus.model.LakeLayout;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okio.Buffer;
import org.apache.hadoop.conf.Configuration;

/**
 * Benchmark (a runnable, not a timed test): a generated export of the real shape (default 1,100,000
 * lines) served by a loopback MockWebServer and landed by {@link ExportIngestion} into a temporary
 * local lake. Prints throughput and the heap: the baseline after a GC (which holds the server's
 * copy of the body) and the peak sampled every 5 ms during the ingest. Run it with a small heap to
 * show the file is never held in memory by the ingest:
 *
 * <pre>
 * ./mvnw -B -q -pl movie-ingest -am test-compile
 * ./mvnw -B -q -pl movie-ingest -am dependency:build-classpath -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=/tmp/ingest-cp.txt
 * java -Xmx128m -cp movie-ingest/target/test-classes:movie-ingest/target/classes:movie-model/target/classes:$(cat /tmp/ingest-cp.txt) \
 *     io.moviestatus.ingest.bench.ExportIngestBenchmark [lines]
 * </pre>
 */
public final class ExportIngestBenchmark {

  private ExportIngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    int lines = args.length > 0 ? Integer.parseInt(args[0]) : 1_100_000;
    Path work = Files.createTempDirectory("export-bench");
    try {
      Path generated = work.resolve("movie_ids.json.gz");
      long genStart = System.nanoTime();
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(generated), 1 << 16)) {
        ExportFixtures.writeExport(out, lines, 20261125L);
      }
      long size = Files.size(generated);
      System.out.printf(
          Locale.ROOT,
          "generated %,d lines, %,d bytes gzip in %.2f s%n",
          lines,
          size,
          (System.nanoTime() - genStart) / 1e9);

      Buffer body = new Buffer();
      try (InputStream in = new BufferedInputStream(Files.newInputStream(generated))) {
        body.readFrom(in);
      }
      MockWebServer server = new MockWebServer();
      server.enqueue(
          new MockResponse().setHeader("Content-Type", "application/octet-stream").setBody(body));
      server.start(InetAddress.getLoopbackAddress(), 0);

      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      System.gc();
      Thread.sleep(200);
      long baseline = memory.getHeapMemoryUsage().getUsed();
      AtomicLong peak = new AtomicLong(baseline);
      Thread sampler =
          new Thread(
              () -> {
                while (!Thread.currentThread().isInterrupted()) {
                  peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                  try {
                    Thread.sleep(5);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "heap-sampler");
      sampler.setDaemon(true);
      sampler.start();

      LakeLayout lake = LakeLayout.of(work.resolve("lake").toUri().toString());
      ExportIngestResult result;
      long start = System.nanoTime();
      try (ExportIngestion export =
          ExportIngestion.builder()
              .baseUrl(server.url("/p/exports/").toString())
              .lake(lake)
              .hadoopConf(new Configuration())
              .build()) {
        result = export.ingest(LocalDate.of(2026, 11, 25));
      } finally {
        server.shutdown();
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      sampler.interrupt();
      sampler.join();

      Path landed = Path.of(java.net.URI.create(result.path()));
      boolean identical =
          Files.mismatch(generated, landed) == -1L
              && result.sha256().equals(sha256(generated))
              && result.lines() == lines;
      long maxHeap = Runtime.getRuntime().maxMemory();
      System.out.printf(
          Locale.ROOT,
          "ExportIngestBenchmark: %,d lines, %,d bytes in %.2f s = %.1f MB/s gzip, %,.0f lines/s;"
              + " byte-exact+sha256+lines %s; heap: max %d MB, baseline after GC %.1f MB"
              + " (holds the server's %.1f MB body), peak during ingest %.1f MB"
              + " (+%.1f MB over baseline)%n",
          result.lines(),
          result.sizeBytes(),
          elapsed,
          result.sizeBytes() / 1e6 / elapsed,
          result.lines() / elapsed,
          identical ? "OK" : "MISMATCH",
          maxHeap >> 20,
          baseline / 1048576.0,
          size / 1048576.0,
          peak.get() / 1048576.0,
          (peak.get() - baseline) / 1048576.0);
      if (!identical) {
        throw new IllegalStateException("landed file differs from the generated one");
      }
    } finally {
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static String sha256(Path file) throws Exception {
    java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
    }
    return java.util.HexFormat.of().formatHex(digest.digest());
  }
}
