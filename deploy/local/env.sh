# Shared settings and helpers for the deploy/local scripts. Source it; do not run it.
# Also sourced by bench/run-consented-reads.sh: keep TECHO_ROOT, TECHO_LOCAL, KAFKA_BOOTSTRAP_SERVERS, log, die,
# stop_pid and mvnw stable.
# shellcheck shell=bash

TECHO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TECHO_LOCAL="${TECHO_LOCAL:-$TECHO_ROOT/.local}"

KAFKA_VERSION="${KAFKA_VERSION:-4.1.1}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
# KAFKA_BOOTSTRAP is the short name; KAFKA_BOOTSTRAP_SERVERS is what the services read (kafka.bootstrap.servers).
KAFKA_BOOTSTRAP="${KAFKA_BOOTSTRAP:-${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:$KAFKA_PORT}}"
KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP"

DB_HOST="${DB_HOST:-127.0.0.1}"
DB_PORT="${DB_PORT:-3306}"
# LOCAL-DEV-ONLY credentials, created by mariadb.sh; never use them anywhere else.
DB_USER="${DB_USER:-techo}"
DB_PASSWORD="${DB_PASSWORD:-techo}"

# The platform topics; kafka.sh also creates "<topic>.dlq" for each.
# shellcheck disable=SC2034  # used by the scripts that source this file
TECHO_TOPICS=(techo.records.v1 techo.consents.v1 techo.access.v1 techo.anchors.v1)

log() { printf '[techo] %s\n' "$*" >&2; }
die() { printf '[techo] ERROR: %s\n' "$*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Waits until a TCP port on 127.0.0.1 accepts connections, or the timeout (seconds) passes.
wait_for_port() {
  local port="$1" timeout="${2:-60}" waited=0
  until port_open "$port"; do
    sleep 0.25
    waited=$((waited + 1))
    if [ "$waited" -ge $((timeout * 4)) ]; then return 1; fi
  done
}

# True when the pid in the file is a live process (and, given a pattern, its command line contains it).
pid_alive() {
  local pidfile="$1" pattern="${2:-}" pid
  [ -s "$pidfile" ] || return 1
  pid="$(cat "$pidfile")"
  kill -0 "$pid" 2>/dev/null || return 1
  [ -z "$pattern" ] && return 0
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$pattern"
}

# Starts a command detached from this shell (own session, stdin from /dev/null, output appended to the log), so
# that it outlives the calling script and its process group; writes its pid to the pid file.
start_detached() {
  local pidfile="$1" logfile="$2" waited=0
  shift 2
  rm -f "$pidfile"
  # shellcheck disable=SC2016  # $$ and $@ belong to the inner shell
  nohup setsid bash -c 'echo $$ > "$0"; exec "$@"' "$pidfile" "$@" < /dev/null >> "$logfile" 2>&1 &
  until [ -s "$pidfile" ]; do
    sleep 0.1
    waited=$((waited + 1))
    if [ "$waited" -ge 100 ]; then die "could not start $1 (no pid after 10 s); log: $logfile"; fi
  done
}

# Stops the process whose pid is in the file, waiting up to the timeout, then kills it.
# With a pattern, a pid whose command line does not contain it is treated as stale (pid reused) and left alone.
stop_pid() {
  local pidfile="$1" name="$2" timeout="${3:-30}" pattern="${4:-}" waited=0 pid
  if ! pid_alive "$pidfile" "$pattern"; then
    rm -f "$pidfile"
    log "$name is not running"
    return 0
  fi
  pid="$(cat "$pidfile")"
  kill "$pid"
  while kill -0 "$pid" 2>/dev/null; do
    sleep 0.25
    waited=$((waited + 1))
    if [ "$waited" -eq $((timeout * 4)) ]; then
      log "$name did not stop in ${timeout}s; killing it"
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  rm -f "$pidfile"
  log "$name stopped"
}

mvnw() { "$TECHO_ROOT/mvnw" -B -q "$@"; }
