#!/usr/bin/env bash
# Stops what deploy/local/up.sh started: the services, the devnet, Kafka, and MariaDB only if up.sh started a
# private one. Idempotent.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

for name in gateway anchor-service record-service consent-service; do
  if [ -f "$TECHO_LOCAL/services/$name/pid" ]; then
    stop_pid "$TECHO_LOCAL/services/$name/pid" "$name" 30
  fi
done
if [ -x "$TECHO_ROOT/deploy/local/devnet.sh" ]; then
  "$TECHO_ROOT/deploy/local/devnet.sh" stop
fi
"$TECHO_ROOT/deploy/local/kafka.sh" stop
"$TECHO_ROOT/deploy/local/mariadb.sh" stop
