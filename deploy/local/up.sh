#!/usr/bin/env bash
# Brings up everything that exists so far on this machine: MariaDB, Kafka, the IOST devnet (when
# deploy/local/devnet.sh exists) and every service module (directory with a pom.xml), building a service's jar
# when it is missing. Prints where everything listens. Idempotent: what already runs is left as it is.
# Stop it all with deploy/local/down.sh. Logs and pids: .local/services/<service>/, .local/kafka/, .local/mariadb/
set -euo pipefail
# shellcheck source=deploy/local/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

# service:HTTP port:database, in start order (record-service calls consent-service)
SERVICES=(consent-service:8082:techo_consent record-service:8081:techo_record anchor-service:8083:techo_anchor gateway:8080:)
KEYS="$TECHO_LOCAL/keys"
DEVNET="$TECHO_ROOT/deploy/local/devnet.sh"

# The gateway's token-signing key and its self-signed HTTPS certificate: generated per machine for LOCAL
# DEVELOPMENT ONLY (deploy/dev-keys.sh), never committed.
export TECHO_KEYS="$KEYS"
# shellcheck source=deploy/dev-keys.sh
source "$TECHO_ROOT/deploy/dev-keys.sh"

jar_of() { echo "$TECHO_ROOT/$1/target/quarkus-app/quarkus-run.jar"; }

# The operators the gateway lets log in (they are not directory parties): TECHO_GATEWAY_OPERATORS if set, else the
# "id=base64 Ed25519 public key" lines of $KEYS/operators, which `client/bin/techo operator enroll ID` prints.
gateway_operators() {
  if [ -n "${TECHO_GATEWAY_OPERATORS:-}" ]; then
    echo "$TECHO_GATEWAY_OPERATORS"
  elif [ -f "$KEYS/operators" ]; then
    grep -v '^[[:space:]]*$' "$KEYS/operators" | paste -sd, -
  fi
}

# Builds, in one Maven run, every present service whose jar is missing.
build_missing() {
  local missing=() entry name
  for entry in "$@"; do
    name="${entry%%:*}"
    [ -f "$(jar_of "$name")" ] || missing+=("$name")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  local list
  list="$(IFS=,; echo "${missing[*]}")"
  log "building $list (./mvnw -pl $list -am package -DskipTests)"
  (cd "$TECHO_ROOT" && mvnw -pl "$list" -am package -DskipTests)
}

wait_ready() {
  local name="$1" port="$2" dir="$3" waited=0
  until curl -fsS "http://127.0.0.1:$port/q/health/ready" > /dev/null 2>&1; do
    if ! pid_alive "$dir/pid" quarkus-run.jar; then
      tail -30 "$dir/service.log" >&2
      die "$name died while starting; log: $dir/service.log"
    fi
    sleep 0.5
    waited=$((waited + 1))
    if [ "$waited" -ge 180 ]; then
      tail -30 "$dir/service.log" >&2
      die "$name not ready after 90 s (pid $(cat "$dir/pid") left running); log: $dir/service.log"
    fi
  done
}

start_service() {
  local name="$1" port="$2" db="$3" dir="$TECHO_LOCAL/services/$1"
  mkdir -p "$dir"
  if pid_alive "$dir/pid" quarkus-run.jar; then
    log "$name already running (pid $(cat "$dir/pid")) on http://127.0.0.1:$port"
    return 0
  fi
  if port_open "$port"; then
    die "port $port for $name is taken by another process; stop it first (ss -ltnp 'sport = :$port')"
  fi
  local vars=(QUARKUS_HTTP_PORT="$port" KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP"
    DB_USER="$DB_USER" DB_PASSWORD="$DB_PASSWORD"
    TECHO_JWT_PUBLIC_KEY="$(cat "$KEYS/gateway-jwt-public.pem")")
  if [ -n "$db" ]; then
    vars+=(DB_REACTIVE_URL="mysql://$DB_HOST:$DB_PORT/$db" DB_JDBC_URL="jdbc:mariadb://$DB_HOST:$DB_PORT/$db")
  fi
  if [ "$name" = gateway ]; then
    vars+=(TECHO_GATEWAY_OPERATORS="$(gateway_operators)" TECHO_GATEWAY_JWT_PRIVATE_KEY_FILE="$KEYS/gateway-jwt-private.pem"
      TECHO_GATEWAY_TLS_CERT_FILE="$KEYS/gateway-tls-cert.pem" TECHO_GATEWAY_TLS_KEY_FILE="$KEYS/gateway-tls-key.pem")
  fi
  if [ -f "$dir/service.log" ]; then mv -f "$dir/service.log" "$dir/service.log.1"; fi
  start_detached "$dir/pid" "$dir/service.log" env "${vars[@]}" java -Xmx384m -jar "$(jar_of "$name")"
  wait_ready "$name" "$port" "$dir"
  log "$name ready on http://127.0.0.1:$port"
}

"$TECHO_ROOT/deploy/local/mariadb.sh" start
"$TECHO_ROOT/deploy/local/kafka.sh" start
if [ -f "$DEVNET" ]; then
  bash "$DEVNET" start
fi
ensure_gateway_token_key
ensure_gateway_tls_cert

present=()
for entry in "${SERVICES[@]}"; do
  if [ -f "$TECHO_ROOT/${entry%%:*}/pom.xml" ]; then present+=("$entry"); fi
done
build_missing "${present[@]}"
for entry in "${present[@]}"; do
  IFS=: read -r name port db <<< "$entry"
  start_service "$name" "$port" "$db"
done

printf '\n%-16s %-34s %s\n' "component" "listens on" "logs"
printf '%-16s %-34s %s\n' "MariaDB" "$DB_HOST:$DB_PORT" "user $DB_USER (local-dev only)"
printf '%-16s %-34s %s\n' "Kafka" "$KAFKA_BOOTSTRAP" "$TECHO_LOCAL/kafka/broker.log"
if [ -f "$DEVNET" ]; then
  printf '%-16s %-34s %s\n' "IOST devnet" "http://127.0.0.1:${DEVNET_PORT:-30001}" "see deploy/local/devnet.sh status"
fi
for entry in "${present[@]}"; do
  IFS=: read -r name port _ <<< "$entry"
  printf '%-16s %-34s %s\n' "$name" "http://127.0.0.1:$port" "$TECHO_LOCAL/services/$name/service.log"
done
printf '%-16s %-34s %s\n' "token key" "$KEYS/gateway-jwt-public.pem" "(generated per machine, local-dev only)"
if [ -f "$TECHO_ROOT/gateway/pom.xml" ]; then
  printf '\nThe API: http://127.0.0.1:8080/api/v1/ and https://127.0.0.1:8443/api/v1/ (self-signed local-dev certificate:\n'
  printf '%s); Swagger UI: http://127.0.0.1:8080/q/swagger-ui/\n' "$KEYS/gateway-tls-cert.pem"
  operators="$(gateway_operators)"
  printf 'Operators who can log in: %s\n' "${operators:-none (client/bin/techo operator enroll ID >> $KEYS/operators, then deploy/local/down.sh and up.sh again)}"
  printf 'CLI: client/bin/techo --help (gateway http://127.0.0.1:8080 by default; the walk-through is in README.md)\n'
fi
