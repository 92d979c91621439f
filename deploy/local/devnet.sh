#!/usr/bin/env bash
# The local IOST devnet (iost/devnet): start | stop | status. Idempotent.
# Builds iost/devnet/target/iost-devnet.jar on first use; logs, pid and the chain data live in .local/devnet/.
# Port: DEVNET_PORT (default 30001). Other settings: DEVNET_* variables, see iost/devnet/src/main/resources/devnet.properties.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

DEVNET_PORT="${DEVNET_PORT:-30001}"
DIR="$TECHO_LOCAL/devnet"
JAR="$TECHO_ROOT/iost/devnet/target/iost-devnet.jar"
URL="http://127.0.0.1:$DEVNET_PORT"

start() {
  mkdir -p "$DIR"
  if pid_alive "$DIR/pid" iost-devnet.jar; then
    log "IOST devnet already running (pid $(cat "$DIR/pid")) on $URL"
    return 0
  fi
  if [ ! -f "$JAR" ]; then
    log "building the IOST devnet"
    (cd "$TECHO_ROOT" && mvnw -pl iost/devnet -am package -DskipTests)
  fi
  DEVNET_PORT="$DEVNET_PORT" DEVNET_DATA_DIR="$DIR/data" \
    start_detached "$DIR/pid" "$DIR/devnet.log" java -Xmx256m -jar "$JAR"
  local waited=0
  until curl -fsS "$URL/getChainInfo" >/dev/null 2>&1; do
    if ! pid_alive "$DIR/pid"; then
      tail -30 "$DIR/devnet.log" >&2
      die "IOST devnet died while starting; log: $DIR/devnet.log"
    fi
    sleep 0.25
    waited=$((waited + 1))
    if [ "$waited" -ge 240 ]; then die "IOST devnet not answering after 60 s; log: $DIR/devnet.log"; fi
  done
  log "IOST devnet listening on $URL (chain id 1020, data $DIR/data, log $DIR/devnet.log)"
}

stop() {
  stop_pid "$DIR/pid" "IOST devnet" 30 iost-devnet.jar
}

status() {
  if pid_alive "$DIR/pid" iost-devnet.jar; then
    log "IOST devnet running (pid $(cat "$DIR/pid")) on $URL: $(curl -fsS "$URL/getChainInfo" 2>/dev/null || echo 'not answering')"
  else
    log "IOST devnet is not running"
    return 1
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
