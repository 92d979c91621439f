#!/usr/bin/env bash
# Techo on one machine with Docker, in one command: builds the jars, makes LOCAL-DEV-ONLY keys in .local/keys/
# (the same gateway token key deploy/local/up.sh uses, plus the log's checkpoint key), builds the images and runs
# deploy/docker-compose.yml until every container is healthy. Idempotent. Stop: docker compose -f deploy/docker-compose.yml down
# Services whose module does not exist yet are left out. --monitoring adds Prometheus and Grafana.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KEYS="$ROOT/.local/keys"
export TECHO_KEYS="$KEYS"
COMPOSE=(docker compose -f "$ROOT/deploy/docker-compose.yml")
export TECHO_LOG_ORIGIN="${TECHO_LOG_ORIGIN:-techo.localhost/log}"

log() { printf '[techo] %s\n' "$*" >&2; }

command -v docker > /dev/null || { log "docker is not installed; use deploy/local/up.sh instead"; exit 1; }

# shellcheck source=deploy/dev-keys.sh
source "$ROOT/deploy/dev-keys.sh"
ensure_gateway_token_key
log_key_file="$(ensure_log_signing_key "$TECHO_LOG_ORIGIN")"
TECHO_JWT_PUBLIC_KEY="$(cat "$KEYS/gateway-jwt-public.pem")"
TECHO_GATEWAY_JWT_PRIVATE_KEY="$(cat "$KEYS/gateway-jwt-private.pem")"
TECHO_LOG_SIGNING_KEY="$(cat "$log_key_file")"
export TECHO_JWT_PUBLIC_KEY TECHO_GATEWAY_JWT_PRIVATE_KEY TECHO_LOG_SIGNING_KEY

wanted=(mariadb kafka kafka-topics iost-devnet)
if [ "${1:-}" = "--monitoring" ]; then
  COMPOSE+=(--profile monitoring)
  wanted+=(prometheus grafana)
fi
modules=(iost/devnet)
for service in consent-service record-service anchor-service gateway; do
  if [ -f "$ROOT/$service/pom.xml" ]; then
    wanted+=("$service")
    modules+=("$service")
  else
    log "$service does not exist yet; left out"
  fi
done
log "building $(IFS=,; echo "${modules[*]}")"
(cd "$ROOT" && ./mvnw -B -q -pl "$(IFS=,; echo "${modules[*]}")" -am package -DskipTests)
"${COMPOSE[@]}" up --build --detach --wait "${wanted[@]}"
"${COMPOSE[@]}" ps
