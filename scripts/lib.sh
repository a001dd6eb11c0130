# shellcheck shell=bash
# shellcheck disable=SC2034 # the paths defined here are used by the scripts that source this file
# Shared helpers for the GridPulse scripts. Source it, don't run it:
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#
# All state of the local services lives under $RUN_DIR (<repo>/.run, git-ignored; GRIDPULSE_RUN_DIR moves it):
#   .run/pids/<service>.pid   .run/logs/<service>.log   .run/kafka/   .run/influxdb/

if [[ -n "${GRIDPULSE_LIB_LOADED:-}" ]]; then
  return 0
fi
GRIDPULSE_LIB_LOADED=1

SCRIPTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPTS_DIR/.." && pwd)"
RUN_DIR="${GRIDPULSE_RUN_DIR:-$REPO_ROOT/.run}"
PID_DIR="$RUN_DIR/pids"
LOG_DIR="$RUN_DIR/logs"
export SCRIPTS_DIR REPO_ROOT RUN_DIR PID_DIR LOG_DIR

# Ports and addresses, overridable from the environment.
KAFKA_HOST="${KAFKA_HOST:-127.0.0.1}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_BOOTSTRAP="${KAFKA_BOOTSTRAP:-$KAFKA_HOST:$KAFKA_PORT}"
INFLUX_HOST="${INFLUX_HOST:-127.0.0.1}"
INFLUX_PORT="${INFLUX_PORT:-8086}"
INFLUX_RPC_PORT="${INFLUX_RPC_PORT:-8089}"
INFLUX_URL="${INFLUX_URL:-http://$INFLUX_HOST:$INFLUX_PORT}"
export KAFKA_HOST KAFKA_PORT KAFKA_CONTROLLER_PORT KAFKA_BOOTSTRAP INFLUX_HOST INFLUX_PORT INFLUX_RPC_PORT INFLUX_URL

# --- logging --------------------------------------------------------------------------------------------------------

SCRIPT_NAME="$(basename "$0")"

log() { printf '[%s] %s\n' "$SCRIPT_NAME" "$*" >&2; }
warn() { printf '[%s] WARNING: %s\n' "$SCRIPT_NAME" "$*" >&2; }
die() {
  printf '[%s] ERROR: %s\n' "$SCRIPT_NAME" "$*" >&2
  exit 1
}

# Seconds since the epoch with millisecond precision, and the time elapsed since such a stamp.
now_ms() { date +%s%3N; }
elapsed_since() { # <start_ms>
  local ms=$(($(now_ms) - $1))
  printf '%d.%01ds' $((ms / 1000)) $(((ms % 1000) / 100))
}

require_cmd() { # <command> <hint>
  command -v "$1" >/dev/null 2>&1 || die "'$1' not found. $2"
}

ensure_run_dirs() {
  mkdir -p "$RUN_DIR" "$PID_DIR" "$LOG_DIR"
}

# --- processes ------------------------------------------------------------------------------------------------------

# The PID recorded in a PID file, or nothing.
read_pid() { # <pid_file>
  [[ -f "$1" ]] || return 0
  local pid
  pid="$(tr -dc '0-9' <"$1")"
  [[ -n "$pid" ]] && printf '%s\n' "$pid"
  return 0
}

# True if <pid> is alive and its command line contains <pattern> (guards against a recycled PID).
pid_matches() { # <pid> <pattern>
  local pid="$1" pattern="$2"
  if [[ -z "$pid" ]] || ! kill -0 "$pid" 2>/dev/null; then
    return 1
  fi
  if [[ ! -r "/proc/$pid/cmdline" ]]; then
    return 0
  fi
  local cmdline
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline")"
  [[ "$cmdline" == *"$pattern"* ]]
}

# Prints the PID of the running service recorded in <pid_file>; fails (and removes a stale file) if it is not running.
running_pid() { # <pid_file> <pattern>
  local pid
  pid="$(read_pid "$1")"
  if [[ -n "$pid" ]] && pid_matches "$pid" "$2"; then
    printf '%s\n' "$pid"
    return 0
  fi
  rm -f "$1"
  return 1
}

# Stops the process recorded in <pid_file>: TERM, wait up to <timeout> seconds, then KILL. Says what it did.
stop_by_pid_file() { # <name> <pid_file> <pattern> [timeout_seconds]
  local name="$1" pid_file="$2" pattern="$3" timeout="${4:-30}" pid start
  if ! pid="$(running_pid "$pid_file" "$pattern")"; then
    log "$name is not running (no live process in ${pid_file#"$REPO_ROOT"/})."
    return 0
  fi
  start="$(now_ms)"
  log "Stopping $name (pid $pid) ..."
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + timeout))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      warn "$name (pid $pid) did not stop within ${timeout}s; killing it."
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.2
  done
  rm -f "$pid_file"
  log "$name stopped in $(elapsed_since "$start")."
}

# Starts a command in the background, detached from this terminal (own session, immune to hangups), with its output
# appended to <log_file>, and records its PID in <pid_file>.
start_daemon() { # <pid_file> <log_file> <command...>
  local pid_file="$1" log_file="$2"
  shift 2
  # A header per start, with the (long) classpath elided; fail_with_log shows the output from the last header on.
  local arg shown=() skip=0
  for arg in "$@"; do
    if ((skip)); then
      shown+=("<classpath>")
      skip=0
    else
      shown+=("$arg")
      [[ "$arg" == "-cp" || "$arg" == "-classpath" ]] && skip=1
    fi
  done
  printf '\n===== %s: %s\n' "$(date -Is)" "${shown[*]}" >>"$log_file"
  setsid nohup "$@" >>"$log_file" 2>&1 </dev/null &
  printf '%s\n' "$!" >"$pid_file"
}

# --- waiting --------------------------------------------------------------------------------------------------------

port_open() { # <host> <port>
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# True if something listens on <host>:<port>; used to refuse starting over a foreign process.
port_in_use() { # <host> <port>
  port_open "$1" "$2"
}

# Waits until <host>:<port> accepts connections. Fails early if <pid> dies, showing the end of <log_file>.
wait_for_port() { # <name> <host> <port> <timeout_seconds> [pid] [log_file]
  local name="$1" host="$2" port="$3" timeout="$4" pid="${5:-}" log_file="${6:-}"
  local deadline=$((SECONDS + timeout))
  until port_open "$host" "$port"; do
    check_alive "$name" "$pid" "$log_file"
    ((SECONDS < deadline)) || fail_with_log "$name did not open $host:$port within ${timeout}s." "$log_file"
    sleep 0.2
  done
}

# Waits until <url> answers with a 2xx status. Same early failure as wait_for_port.
wait_for_url() { # <name> <url> <timeout_seconds> [pid] [log_file]
  local name="$1" url="$2" timeout="$3" pid="${4:-}" log_file="${5:-}"
  local deadline=$((SECONDS + timeout))
  until curl -sf -o /dev/null --max-time 2 "$url"; do
    check_alive "$name" "$pid" "$log_file"
    ((SECONDS < deadline)) || fail_with_log "$name did not answer $url within ${timeout}s." "$log_file"
    sleep 0.2
  done
}

check_alive() { # <name> <pid> <log_file>
  if [[ -n "$2" ]] && ! kill -0 "$2" 2>/dev/null; then
    fail_with_log "$1 (pid $2) exited during startup." "$3"
  fi
}

fail_with_log() { # <message> [log_file]
  if [[ -n "${2:-}" && -f "$2" ]]; then
    printf '[%s] --- last lines of %s ---\n' "$SCRIPT_NAME" "${2#"$REPO_ROOT"/}" >&2
    awk '/^===== /{n=0} {lines[n++]=$0} END{for (i = (n > 30 ? n - 30 : 0); i < n; i++) print lines[i]}' "$2" >&2
  fi
  die "$1"
}

# --- Kafka ----------------------------------------------------------------------------------------------------------

KAFKA_DIR="$RUN_DIR/kafka"
KAFKA_PID_FILE="$PID_DIR/kafka.pid"
KAFKA_LOG_FILE="$LOG_DIR/kafka.log"
KAFKA_BROKER_POM="$SCRIPTS_DIR/kafka-broker/pom.xml"

# The Kafka version of the build (parent pom.xml), so broker, test kit and clients agree.
kafka_version() {
  local version
  version="$(sed -n '/<kafka.version>/{s:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p;q;}' "$REPO_ROOT/pom.xml")"
  printf '%s\n' "${version:-4.2.0}"
}

# Prints the classpath of the Kafka broker and tools (resolved once per Kafka version, cached in .run/kafka).
kafka_classpath() {
  local version
  version="$(kafka_version)"
  resolve_classpath "Kafka $version" "$KAFKA_BROKER_POM" "$KAFKA_DIR/classpath-$version.txt" -Dkafka.version="$version"
}

# Prints the classpath of <pom>'s dependencies, resolving it with Maven once (cached in <cache_file>; resolved again
# when the pom changes or a jar disappeared from the local repository).
resolve_classpath() { # <name> <pom> <cache_file> [maven -D args...]
  local name="$1" pom="$2" cache="$3"
  shift 3
  mkdir -p "$(dirname "$cache")"
  if [[ -s "$cache" && "$cache" -nt "$pom" ]] && classpath_complete "$cache"; then
    cat "$cache"
    return 0
  fi
  require_cmd mvn "Run scripts/install-deps."
  log "Resolving the $name classpath from Maven (once) ..."
  local start
  start="$(now_ms)"
  if ! mvn -q -B -f "$pom" dependency:build-classpath "$@" -Dmdep.outputFile="$cache.tmp" \
    >"$cache.mvn.log" 2>&1; then
    rm -f "$cache.tmp"
    fail_with_log "Could not resolve the $name classpath with Maven." "$cache.mvn.log"
  fi
  mv "$cache.tmp" "$cache"
  log "$name classpath resolved in $(elapsed_since "$start")."
  cat "$cache"
}

classpath_complete() { # <cache_file>
  local jar jars
  IFS=':' read -r -a jars <"$1"
  for jar in "${jars[@]}"; do
    [[ -f "$jar" ]] || return 1
  done
}

# Runs a Kafka class (a tool such as org.apache.kafka.tools.TopicCommand) with the broker's classpath and a quiet
# log configuration. Example: kafka_run_class org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP" --list
kafka_run_class() { # <main_class> [args...]
  local classpath
  classpath="$(kafka_classpath)"
  write_kafka_tools_log_config
  java -Xmx256m -XX:TieredStopAtLevel=1 -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$KAFKA_DIR/log4j2-tools.properties" \
    -cp "$classpath" "$@"
}

write_kafka_tools_log_config() {
  local file="$KAFKA_DIR/log4j2-tools.properties"
  mkdir -p "$KAFKA_DIR"
  cat >"$file" <<'EOF'
# Kafka command-line tools (scripts/lib.sh kafka_run_class): warnings and errors only, on stderr.
rootLogger.level = WARN
rootLogger.appenderRef.stderr.ref = STDERR
appender.stderr.type = Console
appender.stderr.name = STDERR
appender.stderr.target = SYSTEM_ERR
appender.stderr.layout.type = PatternLayout
appender.stderr.layout.pattern = [%d] %p %m (%c)%n
EOF
}

# --- InfluxDB -------------------------------------------------------------------------------------------------------

INFLUX_DIR="$RUN_DIR/influxdb"
INFLUX_PID_FILE="$PID_DIR/influxd.pid"
INFLUX_LOG_FILE="$LOG_DIR/influxd.log"

# True if the InfluxDB at <url> (default $INFLUX_URL) answers its /ping, i.e. is up and ready for writes.
influx_ready() { # [url]
  curl -sf -o /dev/null --max-time 2 "${1:-$INFLUX_URL}/ping"
}

# --- Flink cluster --------------------------------------------------------------------------------------------------

FLINK_CLUSTER_DIR="$RUN_DIR/flink-cluster"
FLINK_CLUSTER_POM="$SCRIPTS_DIR/flink-cluster/pom.xml"
FLINK_REST_PORT="${FLINK_REST_PORT:-8081}"
# What Flink's own start scripts give every JVM on Java 17 (flink-dist's env.java.opts.all): Flink's serializers and
# its CLI reflect into these JDK packages.
FLINK_JAVA_OPENS=(--add-exports=java.base/sun.net.util=ALL-UNNAMED --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
  --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.text=ALL-UNNAMED
  --add-opens=java.base/java.time=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED)

flink_version() {
  sed -n '/<flink.version>/{s:.*<flink.version>\(.*\)</flink.version>.*:\1:p;q;}' "$REPO_ROOT/pom.xml"
}

# Prints the classpath of Flink's JobManager, TaskManager and CLI (resolved once per Flink version).
flink_classpath() {
  local version
  version="$(flink_version)"
  resolve_classpath "Flink $version" "$FLINK_CLUSTER_POM" "$FLINK_CLUSTER_DIR/classpath-$version.txt" \
    -Dflink.version="$version"
}

# The job jar scripts/build makes: everything the job needs but Flink itself.
monitor_job_jar() {
  local jar
  jar="$(ls "$REPO_ROOT"/jobs/monitor/target/gridpulse-monitor-*-job.jar 2>/dev/null | head -1 || true)"
  if [[ -z "$jar" ]]; then
    "$SCRIPTS_DIR/build" >&2
    jar="$(ls "$REPO_ROOT"/jobs/monitor/target/gridpulse-monitor-*-job.jar | head -1)"
  fi
  printf '%s\n' "$jar"
}

# The loopback Prometheus reporter alone (scripts/build makes it beside the job jar): a cluster process finds
# reporters on its own classpath when it starts, so scripts/cluster adds this jar to Flink's.
monitor_reporter_jar() {
  local jar
  jar="$(ls "$REPO_ROOT"/jobs/monitor/target/gridpulse-monitor-*-reporter.jar 2>/dev/null | head -1 || true)"
  if [[ -z "$jar" ]]; then
    "$SCRIPTS_DIR/build" >&2
    jar="$(ls "$REPO_ROOT"/jobs/monitor/target/gridpulse-monitor-*-reporter.jar | head -1)"
  fi
  printf '%s\n' "$jar"
}

# --- Maven ----------------------------------------------------------------------------------------------------------

# Quiet Maven: Debian's Maven prints bare colour resets (ESC[0m) even in batch mode; drop them. Fails as Maven fails.
mvn_quiet() { # <maven args...>
  mvn -q -B "$@" 2>&1 | sed 's/\x1b\[0m//g'
  return "${PIPESTATUS[0]}"
}
