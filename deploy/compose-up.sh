#!/usr/bin/env bash
# Techo on one machine with Docker, in one command: builds the jars, makes LOCAL-DEV-ONLY keys in .local/keys/
# (the same gateway token key deploy/local/up.sh uses, plus the log's checkpoint key), builds the images and runs
# deploy/docker-compose.yml until every container is healthy. Idempotent. Stop: docker compose -f deploy/docker-compose.yml down
# Services whose module does not exist yet (anchor-service) are left out.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KEYS="$ROOT/.local/keys"
COMPOSE=(docker compose -f "$ROOT/deploy/docker-compose.yml")
export TECHO_LOG_ORIGIN="${TECHO_LOG_ORIGIN:-techo.localhost/log}"

log() { printf '[techo] %s\n' "$*" >&2; }

command -v docker > /dev/null || { log "docker is not installed; use deploy/local/up.sh instead"; exit 1; }

mkdir -p "$KEYS"
chmod 700 "$KEYS"
if [ ! -f "$KEYS/gateway-jwt-private.pem" ]; then
  openssl genpkey -algorithm ed25519 -out "$KEYS/gateway-jwt-private.pem" 2> /dev/null
  chmod 600 "$KEYS/gateway-jwt-private.pem"
  openssl pkey -in "$KEYS/gateway-jwt-private.pem" -pubout -out "$KEYS/gateway-jwt-public.pem"
  log "generated a local-dev gateway token key in $KEYS"
fi

# The log's checkpoint key as a C2SP signed-note private key: PRIVATE+KEY+<name>+<key hash>+<base64(0x01 || seed)>,
# key hash = first 4 bytes of SHA-256(<name> "\n" 0x01 <public key>).
log_key_file="$KEYS/log-signing-key-$(printf '%s' "$TECHO_LOG_ORIGIN" | tr -c 'A-Za-z0-9._-' '_')"
if [ ! -f "$log_key_file" ]; then
  pem="$(openssl genpkey -algorithm ed25519 2> /dev/null)"
  seed_hex="$(openssl pkey -outform DER <<< "$pem" | tail -c 32 | xxd -p -c 64)"
  pub_hex="$(openssl pkey -pubout -outform DER <<< "$pem" | tail -c 32 | xxd -p -c 64)"
  hash="$( { printf '%s\n' "$TECHO_LOG_ORIGIN"; printf '01%s' "$pub_hex" | xxd -r -p; } | openssl dgst -sha256 -binary | head -c 4 | xxd -p)"
  key="PRIVATE+KEY+$TECHO_LOG_ORIGIN+$hash+$(printf '01%s' "$seed_hex" | xxd -r -p | base64 -w0)"
  (umask 077 && printf '%s\n' "$key" > "$log_key_file")
  printf '%s+%s+%s\n' "$TECHO_LOG_ORIGIN" "$hash" "$(printf '01%s' "$pub_hex" | xxd -r -p | base64 -w0)" > "$log_key_file.pub"
  log "generated a local-dev log checkpoint key in $log_key_file (verifier key: $log_key_file.pub)"
fi
TECHO_JWT_PUBLIC_KEY="$(cat "$KEYS/gateway-jwt-public.pem")"
TECHO_LOG_SIGNING_KEY="$(cat "$log_key_file")"
export TECHO_JWT_PUBLIC_KEY TECHO_LOG_SIGNING_KEY

wanted=(mariadb kafka kafka-topics iost-devnet)
modules=(iost/devnet)
for service in consent-service record-service anchor-service; do
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
