#!/usr/bin/env bash
# Brings up everything that exists so far on this machine: MariaDB, Kafka, the IOST devnet (once iost/ exists)
# and every service module, each built on first use. Prints where everything listens. Idempotent.
# Stop it all with deploy/local/down.sh. Logs: .local/
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

# service → HTTP port, in start order
SERVICES=(consent-service:8082 record-service:8081 anchor-service:8083 gateway:8080)
KEYS="$TECHO_LOCAL/keys"

# The gateway's token-signing key. Generated per machine for LOCAL DEVELOPMENT ONLY, never committed.
ensure_dev_token_key() {
  mkdir -p "$KEYS"
  if [ ! -f "$KEYS/gateway-jwt-private.pem" ]; then
    openssl genpkey -algorithm ed25519 -out "$KEYS/gateway-jwt-private.pem" 2>/dev/null
    chmod 600 "$KEYS/gateway-jwt-private.pem"
    openssl pkey -in "$KEYS/gateway-jwt-private.pem" -pubout -out "$KEYS/gateway-jwt-public.pem"
    log "generated a local-dev gateway token key in $KEYS"
  fi
}

start_service() {
  local name="$1" port="$2" dir="$TECHO_LOCAL/services/$1"
  local jar="$TECHO_ROOT/$name/target/quarkus-app/quarkus-run.jar"
  mkdir -p "$dir"
  if pid_alive "$dir/pid"; then
    log "$name already running (pid $(cat "$dir/pid"))"
    return 0
  fi
  if [ ! -f "$jar" ]; then
    log "building $name"
    (cd "$TECHO_ROOT" && mvnw -pl "$name" -am package -DskipTests)
  fi
  QUARKUS_HTTP_PORT="$port" \
  KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP_SERVERS" \
  DB_USER="$DB_USER" DB_PASSWORD="$DB_PASSWORD" \
  TECHO_JWT_PUBLIC_KEY="$(cat "$KEYS/gateway-jwt-public.pem")" \
    nohup java -Xmx384m -jar "$jar" > "$dir/service.log" 2>&1 &
  echo $! > "$dir/pid"
  local waited=0
  until curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; do
    if ! pid_alive "$dir/pid"; then
      tail -30 "$dir/service.log" >&2
      die "$name died while starting; log: $dir/service.log"
    fi
    sleep 0.5
    waited=$((waited + 1))
    if [ "$waited" -ge 180 ]; then die "$name not ready after 90 s; log: $dir/service.log"; fi
  done
  log "$name ready on http://127.0.0.1:$port"
}

"$TECHO_ROOT/deploy/local/mariadb.sh" start
"$TECHO_ROOT/deploy/local/kafka.sh" start
if [ -x "$TECHO_ROOT/deploy/local/devnet.sh" ]; then
  "$TECHO_ROOT/deploy/local/devnet.sh" start
fi
ensure_dev_token_key
started=()
for entry in "${SERVICES[@]}"; do
  name="${entry%%:*}"
  port="${entry##*:}"
  if [ -f "$TECHO_ROOT/$name/pom.xml" ]; then
    start_service "$name" "$port"
    started+=("$name|http://127.0.0.1:$port  (OpenAPI /q/openapi, health /q/health)")
  fi
done

printf '\n%-16s %s\n' "component" "listens on"
printf '%-16s %s\n' "MariaDB" "$DB_HOST:$DB_PORT (user $DB_USER, local-dev only)"
printf '%-16s %s\n' "Kafka" "$KAFKA_BOOTSTRAP_SERVERS"
if [ -x "$TECHO_ROOT/deploy/local/devnet.sh" ]; then
  printf '%-16s %s\n' "IOST devnet" "http://127.0.0.1:${DEVNET_PORT:-30001}"
fi
for line in "${started[@]}"; do
  printf '%-16s %s\n' "${line%%|*}" "${line#*|}"
done
printf '%-16s %s\n' "token key" "$KEYS/gateway-jwt-public.pem (local-dev only)"
