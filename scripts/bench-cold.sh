#!/usr/bin/env bash
# Cold benchmark: every figure is the wall time of a fresh `bin/movie-status` process, as a scheduled run
# sees it (JVM start, local Spark, Delta log replay, JIT-cold code). Median of RUNS runs (default 3).
#
#   ./mvnw -B -DskipTests package          # bin/movie-status must be built
#   scripts/bench-cold.sh 5000 30          # 5,000 movies a day, 30 days
#   scripts/bench-cold.sh 100 400          # long history: day 400 against day 2
#
# Figures measured before the AppCDS archive exists include recording it: run any command once first.
# Prints: bare start (silver on an empty lake); silver with nothing new after DAYS days; silver for one new
# day after DAYS-1 days and after 1 day (day 2); full build of DAYS days; gold for the one new date; ratings
# for one new events file of 10,000 ratings; the same day as one `pipeline` process (silver, ratings, gold
# in one JVM; run in turns with the three commands); the floor under any command that touches a Delta table:
# `sql` counting the rows of one table (the history lake's status_fact, alone in a lake), and the same read
# broken down in a fresh JVM with the launcher's classpath, archive and flags (ColdDeltaFloor: first Spark job,
# snapshot, state reconstruction, count). Ratios are to the bare start of the same run.
# Environment: RUNS (3), WORK (target/bench-cold), ONLY (space-separated subset of: bare floor nothing day2
# dayN full gold ratings pipeline), TIMINGS=1 prints each run's --timings breakdown, KEEP_TEMPLATES=1 reuses the history
# lakes of an earlier run (built by the launcher; rebuild them when the code changed).
set -euo pipefail
movies="${1:?usage: scripts/bench-cold.sh MOVIES DAYS}"
days="${2:?usage: scripts/bench-cold.sh MOVIES DAYS}"
(( days >= 3 )) || { echo "need at least 3 days" >&2; exit 2; }
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-3}"
work="$(mkdir -p "${WORK:-$root/target/bench-cold}" && cd "${WORK:-$root/target/bench-cold}" && pwd)"
only="${ONLY:-bare floor nothing day2 dayN full gold ratings pipeline}"
gen="$root/scripts/bench_bronze.py"
launcher="$root/bin/movie-status"
export RATINGS_HMAC_KEY="bench-cold-pseudonymisation-key"
timings=()
[[ "${TIMINGS:-0}" == 1 ]] && timings=(--timings)

wants() { [[ " $only " == *" $1 "* ]]; }

# Runs the launcher; prints its wall seconds on stdout (its own output goes to WORK/last.log).
timed() {
  local start end
  start=$(date +%s%N)
  if ! "$launcher" "$@" >"$work/last.log" 2>&1; then
    cat "$work/last.log" >&2
    echo "failed: movie-status $*" >&2
    exit 1
  fi
  end=$(date +%s%N)
  [[ "${TIMINGS:-0}" == 1 ]] && sed -n '/timings:/,$p' "$work/last.log" >&2
  awk -v ns=$((end - start)) 'BEGIN { printf "%.2f", ns / 1e9 }'
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

declare -A result
report() { # name, label, values…
  local name="$1" label="$2"
  shift 2
  result[$name]="$(median "$@")"
  printf '%-48s %8s s   runs: %s\n' "$label" "${result[$name]}" "$*"
}

# History lakes, built once by the launcher and kept as pristine copies. Each run restores the copy at the
# lake's own path (the processed-files log holds absolute paths, so a copy elsewhere would rebuild it all).
template() { # lake, built days (count)
  local lake="$1" count="$2"
  if [[ ! -f "$lake.pristine/.done" || "${KEEP_TEMPLATES:-0}" != 1 ]]; then
    rm -rf "$lake" "$lake.pristine"
    python3 "$gen" "$lake" "$movies" 0 $((count - 1))
    python3 "$gen" --ratings "$work/ratings-0.csv" 10000 1
    "$launcher" silver --lake "$lake" >/dev/null 2>&1
    "$launcher" gold --lake "$lake" >/dev/null 2>&1
    "$launcher" ratings --lake "$lake" --input "$work/ratings-0.csv" --format events >/dev/null 2>&1
    touch "$lake/.done"
    cp -a "$lake" "$lake.pristine"
  fi
}
restore() { rm -rf "$1" && cp -a "$1.pristine" "$1"; }

echo "cold benchmark: $movies movies x $days days, $runs runs, $(nproc) cores, $(date -u +%FT%TZ)"
echo "JAVA_OPTS: ${MOVIE_STATUS_JAVA_OPTS:-(default)}"
key="$movies-$days"
python3 "$gen" --ratings "$work/ratings-new.csv" 10000 2

if wants bare; then
  values=()
  for ((r = 0; r < runs; r++)); do
    rm -rf "$work/empty" && mkdir -p "$work/empty"
    values+=("$(timed silver --lake "$work/empty" "${timings[@]}")")
  done
  report bare "bare start (silver, empty lake)" "${values[@]}"
fi

if wants day2 || wants dayN || wants gold || wants ratings || wants pipeline || wants floor; then
  template "$work/lake-$key-1" 1
  template "$work/lake-$key-$((days - 1))" $((days - 1))
fi

if wants floor; then
  # A lake holding one table: the status_fact of the history lake (DAYS-1 days).
  rm -rf "$work/floor" && mkdir -p "$work/floor/silver"
  cp -a "$work/lake-$key-$((days - 1)).pristine/silver/status_fact" "$work/floor/silver/"
  # ColdDeltaFloor as bin/movie-status would start a short command: its JAR classpath, AppCDS archive
  # (when recorded) and default flags, plus movie-transform's test classes.
  jobs_jar="$(ls "$root"/movie-jobs/target/movie-jobs_*.jar | grep -v -e sources -e javadoc -e tests | head -1)"
  short_opts="$(sed -n 's/^  \*) default_opts="\(.*\)" ;;$/\1/p' "$launcher")"
  [[ -n "$short_opts" ]] || { echo "cannot read the short commands' flags from $launcher" >&2; exit 1; }
  archive="$root/movie-jobs/target/launcher/app.jsa"
  values=() laps=()
  for ((r = 0; r < runs; r++)); do
    values+=("$(timed sql --lake "$work/floor" "SELECT count(*) AS status_rows FROM status_fact")")
    # The archive when the launcher would use it: not older than its classpath (the `sql` run just above
    # records a new one when it is).
    cds=()
    if [[ -f "$archive" && ! "$root/movie-jobs/target/launcher/classpath.txt" -nt "$archive" && ! "$jobs_jar" -nt "$archive" ]]; then
      cds=(-XX:SharedArchiveFile="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off)
    fi
    # shellcheck disable=SC2046,SC2086
    if ! "${JAVA_HOME:+$JAVA_HOME/bin/}java" $short_opts "${cds[@]}" $(cat "$root/movie-jobs/target/launcher/jvm.options") \
      -Dlog4j2.configurationFile="$root/movie-jobs/target/launcher/log4j2.properties" \
      -cp "$jobs_jar:$(cat "$root/movie-jobs/target/launcher/classpath.txt"):$root/movie-transform/target/test-classes" \
      io.moviestatus.transform.bench.ColdDeltaFloor "$work/floor/silver/status_fact" >"$work/last.log" 2>&1; then
      cat "$work/last.log" >&2
      echo "failed: ColdDeltaFloor (built by ./mvnw -B -DskipTests package, which compiles the tests)" >&2
      exit 1
    fi
    laps+=("$(grep '^session ' "$work/last.log")")
  done
  report floor "floor: sql count of one Delta table" "${values[@]}"
  printf '  in-process laps, one line per run:\n'
  printf '    %s\n' "${laps[@]}"
fi

if wants day2; then
  values=()
  for ((r = 0; r < runs; r++)); do
    lake="$work/lake-$key-1" && restore "$lake"
    python3 "$gen" "$lake" "$movies" 1 1
    values+=("$(timed silver --lake "$lake" "${timings[@]}")")
  done
  report day2 "silver, one new day after 1 day (day 2)" "${values[@]}"
fi

if wants dayN || wants gold || wants ratings || wants pipeline; then
  silver=() gold=() ratings=() pipeline=()
  for ((r = 0; r < runs; r++)); do
    lake="$work/lake-$key-$((days - 1))"
    if wants dayN || wants gold || wants ratings; then
      restore "$lake"
      python3 "$gen" "$lake" "$movies" $((days - 1)) $((days - 1))
      silver+=("$(timed silver --lake "$lake" "${timings[@]}")")
      if wants gold; then gold+=("$(timed gold --lake "$lake" "${timings[@]}")"); fi
      if wants ratings; then
        ratings+=("$(timed ratings --lake "$lake" --input "$work/ratings-new.csv" --format events "${timings[@]}")")
      fi
    fi
    if wants pipeline; then # the same day and ratings file, in turns with the three commands
      restore "$lake"
      python3 "$gen" "$lake" "$movies" $((days - 1)) $((days - 1))
      pipeline+=("$(timed pipeline --lake "$lake" --ratings "$work/ratings-new.csv" --ratings-format events "${timings[@]}")")
    fi
  done
  wants dayN && report dayN "silver, one new day after $((days - 1)) days (day $days)" "${silver[@]}"
  wants gold && report gold "gold, one new date" "${gold[@]}"
  wants ratings && report ratings "ratings, one new file of 10,000 ratings" "${ratings[@]}"
  wants pipeline && report pipeline "pipeline: day $days + the ratings file, one process" "${pipeline[@]}"
fi

if wants nothing; then
  values=()
  lake="$work/lake-$key-$((days - 1))"
  if ! wants dayN; then # the lake of the last dayN run has DAYS days built
    template "$lake" $((days - 1))
    restore "$lake"
    python3 "$gen" "$lake" "$movies" $((days - 1)) $((days - 1))
    "$launcher" silver --lake "$lake" >/dev/null 2>&1
  fi
  for ((r = 0; r < runs; r++)); do
    values+=("$(timed silver --lake "$lake" "${timings[@]}")")
  done
  report nothing "silver, nothing new ($days days)" "${values[@]}"
fi

if wants full; then
  values=()
  rm -rf "$work/full-bronze" && python3 "$gen" "$work/full-bronze" "$movies" 0 $((days - 1))
  for ((r = 0; r < runs; r++)); do
    rm -rf "$work/run" && cp -a "$work/full-bronze" "$work/run"
    values+=("$(timed silver --lake "$work/run" "${timings[@]}")")
  done
  report full "silver, full build of $days days" "${values[@]}"
fi

if [[ -n "${result[bare]:-}" ]]; then
  echo "ratios to the bare start (targets):"
  ratio() { # name, label, target
    [[ -n "${result[$1]:-}" ]] && awk -v a="${result[$1]}" -v b="${result[bare]}" -v l="$2" -v t="$3" \
      'BEGIN { printf "  %-44s %5.2fx  (%s)\n", l, a / b, (t == "" ? "no target: the floor under the others" : "target <= " t) }'
    return 0
  }
  ratio floor "floor: sql count of one Delta table" ""
  ratio nothing "silver, nothing new" 1.4
  ratio dayN "silver, one new day (day $days)" 3
  ratio full "silver, full build" 5
  ratio gold "gold, one new date" 3
  ratio ratings "ratings, one new file" 3
fi
if [[ -n "${result[pipeline]:-}" && -n "${result[dayN]:-}" && -n "${result[gold]:-}" && -n "${result[ratings]:-}" ]]; then
  awk -v p="${result[pipeline]}" -v s="${result[dayN]}" -v g="${result[gold]}" -v r="${result[ratings]}" \
    'BEGIN { printf "  %-44s %5.2fx  (%.2f s for the three commands, medians)\n", "pipeline / (silver + ratings + gold)", p / (s + g + r), s + g + r }'
fi
if [[ -n "${result[day2]:-}" && -n "${result[dayN]:-}" ]]; then
  awk -v a="${result[dayN]}" -v b="${result[day2]}" -v d="$days" \
    'BEGIN { printf "  %-44s %5.2fx  (target <= %s)\n", "day " d " / day 2", a / b, (d >= 400 ? 1.2 : 1.15) }'
fi
