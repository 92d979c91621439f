# Shared settings and helpers for the deploy/local scripts. Source it; do not run it.
# shellcheck shell=bash

TECHO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TECHO_LOCAL="${TECHO_LOCAL:-$TECHO_ROOT/.local}"

KAFKA_VERSION="${KAFKA_VERSION:-4.1.1}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_BOOTSTRAP_SERVERS="${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:$KAFKA_PORT}"

DB_HOST="${DB_HOST:-127.0.0.1}"
DB_PORT="${DB_PORT:-3306}"
# LOCAL-DEV-ONLY credentials, created by mariadb.sh; never use them anywhere else.
DB_USER="${DB_USER:-techo}"
DB_PASSWORD="${DB_PASSWORD:-techo}"

TECHO_TOPICS=(techo.records.v1 techo.consents.v1 techo.access.v1 techo.anchors.v1)

log() { printf '[techo] %s\n' "$*" >&2; }
die() { printf '[techo] ERROR: %s\n' "$*" >&2; exit 1; }

# Waits until a TCP port on 127.0.0.1 accepts connections, or the timeout (seconds) passes.
wait_for_port() {
  local port="$1" timeout="${2:-60}" waited=0
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    sleep 0.25
    waited=$((waited + 1))
    [ "$waited" -ge $((timeout * 4)) ] && return 1
  done
  return 0
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# True when the pid in the file is a live process.
pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Stops the process whose pid is in the file, waiting up to the timeout, then kills it.
stop_pid() {
  local pidfile="$1" name="$2" timeout="${3:-30}" waited=0
  if ! pid_alive "$pidfile"; then
    rm -f "$pidfile"
    log "$name is not running"
    return 0
  fi
  local pid
  pid="$(cat "$pidfile")"
  kill "$pid"
  while kill -0 "$pid" 2>/dev/null; do
    sleep 0.25
    waited=$((waited + 1))
    if [ "$waited" -ge $((timeout * 4)) ]; then
      log "$name did not stop in ${timeout}s; killing it"
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  rm -f "$pidfile"
  log "$name stopped"
}

mvnw() { "$TECHO_ROOT/mvnw" -B -q "$@"; }
