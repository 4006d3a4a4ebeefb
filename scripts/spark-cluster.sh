#!/usr/bin/env bash
# A Spark standalone cluster on this machine, built from the Maven Central artifacts the build resolved
# (no Spark distribution): one master and N workers, each executor in its own JVM.
#
#   scripts/spark-cluster.sh up       start the master and the workers, wait until all workers registered
#   scripts/spark-cluster.sh status   processes, registered workers, running applications
#   scripts/spark-cluster.sh start-worker N   start worker N again (e.g. after it was killed), wait until it registered
#   scripts/spark-cluster.sh down     stop the workers (and their executors) and the master
#
# Build first: ./mvnw -B -pl movie-jobs -am package -DskipTests   (writes movie-jobs/target/cluster/classpath.txt:
# Spark 3.5, Delta 3.3, the Hadoop client and their dependencies; the cluster provides them as Databricks does).
#
# Settings (environment):
#   SPARK_CLUSTER_DIR          pids, logs, work dirs and the generated SPARK_HOME (default movie-jobs/target/spark-cluster)
#   SPARK_MASTER_PORT          master RPC port (default 7077); the master URL is spark://127.0.0.1:PORT
#   SPARK_MASTER_WEBUI_PORT    master web UI / JSON status port (default 8080)
#   SPARK_WORKERS              number of workers (default 2)
#   SPARK_WORKER_CORES         cores per worker (default 1)
#   SPARK_WORKER_MEMORY        memory per worker for its executors (default 2g)
#   SPARK_DAEMON_MEMORY        heap of the master and worker JVMs (default 512m)
#   SPARK_SHUFFLE_PARTITIONS   spark.sql.shuffle.partitions and spark.default.parallelism of jobs (default 4)
#
# Submit to it (client mode, the driver in the submitting JVM):
#   java $(cat movie-jobs/target/launcher/jvm.options) -cp "$SPARK_CLUSTER_DIR/home/jars/*" \
#     org.apache.spark.deploy.SparkSubmit --master spark://127.0.0.1:7077 --class io.moviestatus.jobs.SilverJob \
#     movie-jobs/target/movie-status-databricks-dbr16.4.jar --lake /tmp/lake
# with SPARK_HOME=$SPARK_CLUSTER_DIR/home in the environment (its conf/spark-defaults.conf enables Delta).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${SPARK_CLUSTER_DIR:-$root/movie-jobs/target/spark-cluster}"
master_port="${SPARK_MASTER_PORT:-7077}"
webui_port="${SPARK_MASTER_WEBUI_PORT:-8080}"
workers="${SPARK_WORKERS:-2}"
worker_cores="${SPARK_WORKER_CORES:-1}"
worker_memory="${SPARK_WORKER_MEMORY:-2g}"
daemon_memory="${SPARK_DAEMON_MEMORY:-512m}"
classpath_file="$root/movie-jobs/target/cluster/classpath.txt"
jvm_options_file="$root/movie-jobs/target/launcher/jvm.options"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
master_url="spark://127.0.0.1:$master_port"
home="$dir/home"

die() {
  echo "error: $*" >&2
  exit 1
}

running() { # pid file -> 0 when its process is alive
  [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null
}

alive_workers() { # from the master's JSON status; empty when the master does not answer
  curl -fsS --max-time 2 "http://127.0.0.1:$webui_port/json/" 2>/dev/null |
    grep -o '"aliveworkers" *: *[0-9]*' | grep -o '[0-9]*$' || true
}

# SPARK_HOME as Spark's launcher wants it: jars/ (WorkerCommandBuilder puts jars/* on every executor's
# classpath; see AbstractCommandBuilder.buildClassPath) and conf/ (log4j2, spark-defaults).
make_home() {
  [[ -f "$classpath_file" && -f "$jvm_options_file" ]] ||
    die "the cluster classpath is not built; run: ./mvnw -B -pl movie-jobs -am package -DskipTests"
  rm -rf "$home"
  mkdir -p "$home/jars" "$home/conf"
  local count=0 jar
  while IFS= read -r jar; do
    [[ -n "$jar" ]] || continue
    [[ -f "$jar" ]] || die "missing $jar (from $classpath_file)"
    ln -s "$jar" "$home/jars/$(basename "$jar")"
    count=$((count + 1))
  done < <(tr ':' '\n' <"$classpath_file")
  # (not `ls | grep -q`: under pipefail, grep's early exit can end ls with SIGPIPE and fail the check)
  compgen -G "$home/jars/spark-core_2.12-*.jar" >/dev/null || die "no spark-core in $classpath_file"
  compgen -G "$home/jars/delta-spark_2.12-*.jar" >/dev/null || die "no delta-spark in $classpath_file"
  cat >"$home/conf/log4j2.properties" <<'EOF'
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = stderr
appender.stderr.type = Console
appender.stderr.name = stderr
appender.stderr.target = SYSTEM_ERR
appender.stderr.layout.type = PatternLayout
appender.stderr.layout.pattern = %d{HH:mm:ss.SSS} %-5p %c{1}: %m%n
logger.master.name = org.apache.spark.deploy
logger.master.level = info
logger.moviestatus.name = io.moviestatus
logger.moviestatus.level = info
EOF
  # What a Databricks cluster configures for every job: Delta's session extension and catalog, and the
  # JVM flags Spark 3.5 needs on Java 17 in the executors (the driver gets them on its command line).
  {
    echo "spark.sql.extensions io.delta.sql.DeltaSparkSessionExtension"
    echo "spark.sql.catalog.spark_catalog org.apache.spark.sql.delta.catalog.DeltaCatalog"
    echo "spark.sql.session.timeZone UTC"
    echo "spark.executor.extraJavaOptions $(tr '\n' ' ' <"$jvm_options_file")"
    echo "spark.ui.showConsoleProgress false"
    # A small cluster for small data: Spark's 200 shuffle partitions would be 200 tasks per shuffle on 2 cores.
    echo "spark.sql.shuffle.partitions ${SPARK_SHUFFLE_PARTITIONS:-4}"
    echo "spark.default.parallelism ${SPARK_SHUFFLE_PARTITIONS:-4}"
    echo "spark.databricks.delta.snapshotPartitions 2"
  } >"$home/conf/spark-defaults.conf"
  echo "SPARK_HOME $home: $count jars"
}

# Starts one daemon JVM in the background, detached from this shell.
start_daemon() { # name main-class args...
  local name="$1" main="$2"
  shift 2
  # setsid: each daemon leads its own process group, which its executors join, so that `down` can stop
  # an executor whose worker was killed. The daemons mostly wait on RPCs: C1 and the serial collector.
  # shellcheck disable=SC2046
  SPARK_HOME="$home" SPARK_SCALA_VERSION=2.12 SPARK_LOCAL_IP=127.0.0.1 SPARK_LOG_DIR="$dir" \
    setsid nohup "$java_bin" "-Xmx$daemon_memory" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    $(cat "$jvm_options_file") \
    -Dlog4j2.configurationFile="file:$home/conf/log4j2.properties" \
    -cp "$home/conf/:$home/jars/*" "$main" "$@" >"$dir/$name.log" 2>&1 </dev/null &
  echo $! >"$dir/$name.pid"
}

start_worker() { # n
  mkdir -p "$dir/worker-$1"
  start_daemon "worker-$1" org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --cores "$worker_cores" --memory "$worker_memory" --webui-port 0 \
    --work-dir "$dir/worker-$1" "$master_url"
}

# Starts worker N again (after it died) and waits until the master counts all workers alive.
restart_worker() { # n
  local n="$1"
  [[ "$n" =~ ^[0-9]+$ ]] && ((n >= 1 && n <= workers)) || die "no worker $n (workers: 1..$workers)"
  running "$dir/master.pid" || die "no master runs from $dir; run: $0 up"
  running "$dir/worker-$n.pid" && die "worker-$n runs (pid $(cat "$dir/worker-$n.pid"))"
  stop_pid "$dir/worker-$n.pid" # its process group: executors left by a killed worker
  start_worker "$n"
  local deadline=$((SECONDS + 90))
  while ((SECONDS < deadline)); do
    if [[ "$(alive_workers)" == "$workers" ]]; then
      echo "worker-$n up (pid $(cat "$dir/worker-$n.pid"))"
      return 0
    fi
    running "$dir/worker-$n.pid" || die "worker-$n exited during start-up (log: $dir/worker-$n.log)"
    sleep 0.5
  done
  die "worker-$n did not register within 90 s; see $dir/worker-$n.log"
}

up() {
  mkdir -p "$dir"
  if running "$dir/master.pid"; then
    die "a cluster already runs from $dir (master pid $(cat "$dir/master.pid")); run: $0 down"
  fi
  make_home
  start_daemon master org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port "$master_port" --webui-port "$webui_port"
  local i
  for ((i = 1; i <= workers; i++)); do
    start_worker "$i"
  done
  local deadline=$((SECONDS + 90)) alive=""
  while ((SECONDS < deadline)); do
    alive="$(alive_workers)"
    if [[ "$alive" == "$workers" ]]; then
      {
        echo "MASTER_URL=$master_url"
        echo "MASTER_WEBUI=http://127.0.0.1:$webui_port"
        echo "SPARK_HOME=$home"
      } >"$dir/cluster.env"
      echo "cluster up: $master_url, $workers worker(s) x $worker_cores core(s) x $worker_memory; UI http://127.0.0.1:$webui_port; logs in $dir"
      return 0
    fi
    for pidfile in "$dir"/master.pid "$dir"/worker-*.pid; do
      if ! running "$pidfile"; then
        tail -n 30 "${pidfile%.pid}.log" >&2 || true
        down >/dev/null 2>&1 || true
        die "$(basename "${pidfile%.pid}") exited during start-up (log above: ${pidfile%.pid}.log)"
      fi
    done
    sleep 1
  done
  down >/dev/null 2>&1 || true
  die "only ${alive:-0} of $workers worker(s) registered within 90 s; see $dir/*.log"
}

stop_pid() { # pid file: the daemon and its process group (its executors)
  local pidfile="$1" pid i
  [[ -f "$pidfile" ]] || return 0
  pid="$(cat "$pidfile")"
  # The group (setsid made the daemon its leader) outlives a killed leader while executors remain.
  if kill -0 -- "-$pid" 2>/dev/null; then
    kill -- "-$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
      kill -0 -- "-$pid" 2>/dev/null || break
      sleep 0.2
    done
    kill -9 -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

down() {
  local pidfile
  # Workers first: a stopping worker kills its executors (ExecutorRunner's shutdown hook).
  for pidfile in "$dir"/worker-*.pid; do
    [[ -e "$pidfile" ]] && stop_pid "$pidfile"
  done
  stop_pid "$dir/master.pid"
  rm -f "$dir/cluster.env"
  echo "cluster down ($dir)"
}

status() {
  local pidfile name any=1
  for pidfile in "$dir"/master.pid "$dir"/worker-*.pid; do
    [[ -e "$pidfile" ]] || continue
    any=0
    name="$(basename "${pidfile%.pid}")"
    if running "$pidfile"; then
      echo "$name: running (pid $(cat "$pidfile"), log $dir/$name.log)"
    else
      echo "$name: not running (stale pid file)"
    fi
  done
  if ((any)); then
    echo "no cluster in $dir"
    return 3
  fi
  echo "master $master_url: $(alive_workers || true) alive worker(s); UI http://127.0.0.1:$webui_port"
  curl -fsS --max-time 2 "http://127.0.0.1:$webui_port/json/" 2>/dev/null |
    grep -o '"activeapps" *: *\[[^]]*' | head -c 2000 || true
  echo
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  start-worker) restart_worker "${2:-}" ;;
  *)
    echo "usage: $0 up|down|status|start-worker N   (settings: see the header of this script)" >&2
    exit 2
    ;;
esac
