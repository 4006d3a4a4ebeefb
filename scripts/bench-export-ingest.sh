#!/usr/bin/env bash
# Cold export-ingest benchmark: a generated TMDB daily ID export of the real shape (the project's generator,
# ExportFixtures.writeExport, seed 20261125) served by a loopback `python3 -m http.server`, landed by fresh
# `bin/movie-status ingest --source export` processes with the launcher's default heap (4 GB).
#
#   ./mvnw -B -DskipTests test-compile package   # bin/movie-status and movie-ingest's test classes
#   scripts/bench-export-ingest.sh 1100000       # lines (default 1,100,000)
#
# Prints each run's wall time, max RSS and the driver's fullest heap (largest pre-GC occupancy in its GC
# log), and checks the landed file is byte-identical to the served one. The first run after a build records
# the launcher's AppCDS archive (slower); RUNS (default 3), WORK (target/bench-export), PORT (18931).
set -euo pipefail
lines="${1:-1100000}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-3}"
port="${PORT:-18931}"
work="$(mkdir -p "${WORK:-$root/target/bench-export}" && cd "${WORK:-$root/target/bench-export}" && pwd)"
m2="${MAVEN_REPO:-$HOME/.m2/repository}"
cp="$root/movie-ingest/target/test-classes:$root/movie-ingest/target/classes:$root/movie-model/target/classes"
cp="$cp:$(cat "$root/movie-jobs/target/launcher/classpath.txt")"
cp="$cp:$m2/com/squareup/okhttp3/mockwebserver/4.12.0/mockwebserver-4.12.0.jar:$m2/junit/junit/4.13.2/junit-4.13.2.jar"
export_file="$work/p/exports/movie_ids_11_25_2026.json.gz"
mkdir -p "$(dirname "$export_file")"

cat > "$work/Gen.java" <<'JAVA'
import io.moviestatus.ingest.ExportFixtures;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

public class Gen {
  public static void main(String[] args) throws Exception {
    try (OutputStream out =
        new BufferedOutputStream(Files.newOutputStream(Path.of(args[1])), 1 << 16)) {
      ExportFixtures.writeExport(out, Integer.parseInt(args[0]), 20261125L);
    }
  }
}
JAVA
java -cp "$cp" "$work/Gen.java" "$lines" "$export_file"
echo "generated $lines lines, $(stat -c %s "$export_file") bytes gzip"

(cd "$work" && exec python3 -m http.server "$port" --bind 127.0.0.1 >"$work/http.log" 2>&1) &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf -o /dev/null -I "http://127.0.0.1:$port/" && break; sleep 0.1; done

for run in $(seq "$runs"); do
  rm -rf "$work/lake"
  MOVIE_STATUS_JAVA_OPTS="-Xmx4g -Xss16m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:gc:file=$work/gc$run.log" \
    /usr/bin/time -f "%e %M" -o "$work/time$run.txt" \
    "$root/bin/movie-status" ingest --source export --date 2026-11-25 --lake "$work/lake" \
    --export-base-url "http://127.0.0.1:$port/p/exports/" >/dev/null
  read -r wall rss <"$work/time$run.txt"
  heap="$(grep -o '[0-9]*M->' "$work/gc$run.log" | sed 's/M->//' | sort -n | tail -1)"
  cmp -s "$export_file" "$work/lake/bronze/tmdb/movie_ids_export/2026/11/2026-11-25.json.gz" \
    && same="byte-identical" || same="DIFFERENT"
  echo "run $run: wall ${wall} s, max RSS $((rss / 1024)) MB, fullest heap ${heap:-?} MB, landed file $same"
done
