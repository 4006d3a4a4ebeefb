#!/usr/bin/env bash
# Scale benchmark (issue 12): the whole TMDB catalogue every day. Generated daily ID exports of the real shape
# (1,100,000 lines by default; the same movies every day, popularity drifting) are served by a loopback
# `python3 -m http.server` and run through fresh `bin/movie-status` processes with the launcher's default heap:
#
#   ./mvnw -B -DskipTests package          # bin/movie-status
#   scripts/bench-scale.sh 1100000 30      # lines per export, days of history
#
# Prints, each a median of RUNS (default 3) cold runs where it says so:
#   floor      a cold JVM that reads the day's gzip with Spark (explicit schema) and appends it to one Delta table
#   ingest     bin/movie-status ingest --source export (download to bronze)
#   silver     bin/movie-status silver on an empty lake (day 1), with each process's fullest heap (GC log)
#   history    days 2..DAYS built one by one (ingest + silver per day); silver of day 2 vs day DAYS
#   gold       gold --date for day 2 and for day DAYS once the history is built (one date of the catalogue)
#   query      "one movie's popularity over DAYS days" in one warm JVM: files read of all, median of 5 answers
# WORK (default target/bench-scale) holds everything; PORT (default 18932).
set -euo pipefail
lines="${1:-1100000}"
days="${2:-30}"
runs="${RUNS:-3}"
port="${PORT:-18932}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mkdir -p "${WORK:-$root/target/bench-scale}" && cd "${WORK:-$root/target/bench-scale}" && pwd)"
launcher="$root/movie-jobs/target/launcher"
cp="$root/movie-jobs/target/classes:$(cat "$launcher/classpath.txt")"
opts="-Xmx4g -Xss16m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC $(cat "$launcher/jvm.options")"
first=2026-10-01
day_of() { date -u -d "$first + $(($1 - 1)) days" +%F; }
url_name() { date -u -d "$1" +movie_ids_%m_%d_%Y.json.gz; }

mkdir -p "$work/src" "$work/bin" "$work/p/exports"
cat > "$work/src/Gen.java" <<'JAVA'
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import java.util.zip.GZIPOutputStream;

/** A daily export: the same ids and titles every day (seed 20261125), popularity drifting by day. */
public class Gen {
  static final String[] WORDS = {"The", "Night", "Blondie", "Return", "of", "Love", "Dark", "City", "Last",
      "Summer", "Dream", "Girl", "Man", "War", "House", "Story", "Über", "Amélie", "東京", "\"Quoted\""};
  public static void main(String[] args) throws IOException {
    int lines = Integer.parseInt(args[0]);
    int day = Integer.parseInt(args[1]);
    SplittableRandom catalogue = new SplittableRandom(20261125L);
    SplittableRandom drift = new SplittableRandom(1000L + day);
    StringBuilder line = new StringBuilder(160);
    try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(Path.of(args[2])), 1 << 16), 1 << 16)) {
      long id = 2;
      for (int i = 0; i < lines; i++) {
        id += 1 + catalogue.nextInt(3);
        double base = 0.6 + catalogue.nextDouble() * catalogue.nextDouble() * 80;
        line.setLength(0);
        line.append("{\"adult\":").append(catalogue.nextInt(50) == 0).append(",\"id\":").append(id);
        line.append(",\"original_title\":\"");
        int words = 1 + catalogue.nextInt(4);
        for (int w = 0; w < words; w++) {
          if (w > 0) line.append(' ');
          line.append(WORDS[catalogue.nextInt(WORDS.length)].replace("\"", "\\\""));
        }
        line.append("\",\"popularity\":").append(String.format(Locale.ROOT, "%.3f", base * (0.8 + 0.4 * drift.nextDouble())));
        line.append(",\"video\":").append(catalogue.nextInt(100) == 0).append("}\n");
        out.write(line.toString().getBytes(StandardCharsets.UTF_8));
      }
    }
  }
}
JAVA
cat > "$work/src/Floor.java" <<'JAVA'
import io.moviestatus.model.BronzeSchemas;
import io.moviestatus.lake.LocalSpark;
import org.apache.spark.sql.SparkSession;

/** The floor: read the gzip with Spark (explicit schema) and append its rows to one Delta table. */
public class Floor {
  public static void main(String[] args) {
    SparkSession spark = LocalSpark.shortRunSession();
    spark.read().schema(BronzeSchemas.EXPORT_LINE_SCHEMA).json(args[0])
        .write().format("delta").mode("append").save(args[1]);
    spark.stop();
  }
}
JAVA
cat > "$work/src/Query.java" <<'JAVA'
import io.moviestatus.lake.LocalSpark;
import java.util.*;
import org.apache.spark.sql.*;
import org.apache.spark.sql.execution.*;

/** One movie's popularity over the whole history: files read (Delta data skipping) and warm answer time. */
public class Query {
  public static void main(String[] args) {
    SparkSession spark = LocalSpark.session();
    String table = args[0];
    int movie = Integer.parseInt(args[1]);
    if (movie == 0) { // the catalogue's median movie
      movie = spark.read().format("delta").load(table).selectExpr("percentile_approx(movie_id, 0.5)").head().getInt(0);
    }
    long total = spark.sql("DESCRIBE DETAIL delta.`" + table + "`").head().getAs("numFiles");
    spark.read().format("delta").load(table).createOrReplaceTempView("status_fact");
    String sql = "SELECT date_id, popularity FROM status_fact WHERE movie_id = " + movie;
    List<Double> seconds = new ArrayList<>();
    long read = 0;
    int rows = 0;
    for (int i = 0; i < 6; i++) {
      long start = System.nanoTime();
      Dataset<Row> answer = spark.sql(sql);
      rows = answer.collectAsList().size();
      if (i > 0) seconds.add((System.nanoTime() - start) / 1e9); // the first run warms the JVM
      read = 0;
      for (SparkPlan leaf : scala.collection.JavaConverters.seqAsJavaList(leaves(answer.queryExecution().executedPlan()))) {
        if (leaf instanceof FileSourceScanExec scan) read += scan.metrics().apply("numFiles").value();
      }
    }
    Collections.sort(seconds);
    System.out.printf(Locale.ROOT, "query: %d rows; files read %d of %d (%.1f %%); warm answer median %.2f s (%s)%n",
        rows, read, total, 100.0 * read / total, seconds.get(seconds.size() / 2), seconds);
    spark.stop();
  }
  static scala.collection.Seq<SparkPlan> leaves(SparkPlan plan) {
    if (plan instanceof org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec adaptive) return adaptive.executedPlan().collectLeaves();
    return plan.collectLeaves();
  }
}
JAVA
javac -nowarn -cp "$cp" -d "$work/bin" "$work/src/Gen.java" "$work/src/Floor.java" "$work/src/Query.java" 2>&1 | grep -v warning || true

for d in $(seq "$days"); do
  file="$work/p/exports/$(url_name "$(day_of "$d")")"
  [[ -s "$file" ]] || java -cp "$work/bin" Gen "$lines" "$d" "$file"
done
echo "generated $days export(s) of $lines lines, $(stat -c %s "$work/p/exports/$(url_name "$(day_of 1)")") bytes gzip each"

(cd "$work" && exec python3 -m http.server "$port" --bind 127.0.0.1 >"$work/http.log" 2>&1) &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf -o /dev/null -I "http://127.0.0.1:$port/" && break; sleep 0.1; done

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timed() { # "ingest DAY" or "silver"; prints wall seconds and the fullest heap (MB) of that process
  local out="$work/t.txt" gc="$work/gc.log" cmd
  if [[ "$1" == ingest ]]; then
    cmd=("$root/bin/movie-status" ingest --source export --date "$(day_of "$2")" --lake "$work/lake"
      --export-base-url "http://127.0.0.1:$port/p/exports/")
  elif [[ "$1" == gold ]]; then
    cmd=("$root/bin/movie-status" gold --date "$(day_of "$2")" --lake "$work/lake")
  else
    cmd=("$root/bin/movie-status" silver --lake "$work/lake")
  fi
  rm -f "$gc"
  MOVIE_STATUS_JAVA_OPTS="-Xmx4g -Xss16m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:gc:file=$gc" \
    /usr/bin/time -f "%e" -o "$out" "${cmd[@]}" >"$work/last.log" 2>&1 || { cat "$work/last.log" >&2; exit 1; }
  echo "$(cat "$out") $(grep -o '[0-9]*M->' "$gc" 2>/dev/null | sed 's/M->//' | sort -n | tail -1)"
}
# The launcher's AppCDS archive records the classes of the first command after a build: let a silver build of
# an export record it (ingested without the archive), as a scheduled deployment's first run would.
if [[ ! -f "$launcher/app.jsa" ]]; then
  rm -rf "$work/prime"
  MOVIE_STATUS_CDS=0 "$root/bin/movie-status" ingest --source export --date "$(day_of 1)" --lake "$work/prime" \
    --export-base-url "http://127.0.0.1:$port/p/exports/" >/dev/null 2>&1
  "$root/bin/movie-status" silver --lake "$work/prime" >/dev/null 2>&1
  echo "AppCDS archive recorded by a silver build: $(ls "$launcher/app.jsa")"
fi
floor=(); ingest1=(); silver1=(); heap1=()
for run in $(seq "$runs"); do
  rm -rf "$work/floor-table"
  start=$(date +%s.%N)
  java $opts -cp "$work/bin:$cp" -Dlog4j2.configurationFile="$launcher/log4j2.properties" \
    Floor "$work/p/exports/$(url_name "$(day_of 1)")" "$work/floor-table" >"$work/floor.log" 2>&1
  floor+=("$(echo "$(date +%s.%N) - $start" | bc)")
  rm -rf "$work/lake"
  read -r t _ < <(timed ingest 1); ingest1+=("$t")
  read -r t h < <(timed silver); silver1+=("$t"); heap1+=("${h:-?}")
  echo "run $run: floor ${floor[-1]} s; ingest ${ingest1[-1]} s; silver ${silver1[-1]} s (fullest heap ${heap1[-1]} MB)"
done
f=$(printf '%s\n' "${floor[@]}" | median); i=$(printf '%s\n' "${ingest1[@]}" | median); s=$(printf '%s\n' "${silver1[@]}" | median)
echo "day 1 (median of $runs): floor $f s; ingest $i s + silver $s s = $(echo "$i + $s" | bc) s = $(echo "scale=2; ($i + $s) / $f" | bc)x the floor"

for d in $(seq 2 "$days"); do
  read -r ti _ < <(timed ingest "$d")
  read -r ts h < <(timed silver)
  echo "day $d: ingest $ti s, silver $ts s (fullest heap ${h:-?} MB)"
  [[ "$d" == 2 ]] && day2="$ts"
  last="$ts"
done
[[ "$days" -ge 2 ]] && echo "history: silver day $days $last s / day 2 $day2 s = $(echo "scale=2; $last / $day2" | bc)x"
if [[ "$days" -ge 2 ]]; then # gold for one date of the whole catalogue: early in the history and at its end
  read -r g2 h2 < <(timed gold 2)
  read -r gn hn < <(timed gold "$days")
  echo "gold --date (one date, $lines movies): day 2 $g2 s (fullest heap ${h2:-?} MB); day $days $gn s (fullest heap ${hn:-?} MB); $(echo "scale=2; $gn / $g2" | bc)x"
fi
java $opts -cp "$work/bin:$cp" -Dlog4j2.configurationFile="$launcher/log4j2.properties" \
  Query "$work/lake/silver/status_fact" 0 2>/dev/null | grep '^query'
"$root/bin/movie-status" sql --lake "$work/lake" \
  "SELECT count(*) AS rows, count(DISTINCT date_id) AS days FROM status_fact" 2>/dev/null | tail -3
