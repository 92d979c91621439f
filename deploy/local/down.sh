#!/usr/bin/env bash
# Stops what deploy/local/up.sh started: the services, the devnet (when deploy/local/devnet.sh exists), Kafka, and
# MariaDB only if mariadb.sh started a private one (a system MariaDB is left running). Idempotent.
set -euo pipefail
# shellcheck source=deploy/local/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

for name in gateway anchor-service record-service consent-service; do
  if [ -f "$TECHO_LOCAL/services/$name/pid" ]; then
    stop_pid "$TECHO_LOCAL/services/$name/pid" "$name" 30 quarkus-run.jar
  fi
done
if [ -f "$TECHO_ROOT/deploy/local/devnet.sh" ]; then
  bash "$TECHO_ROOT/deploy/local/devnet.sh" stop
fi
"$TECHO_ROOT/deploy/local/kafka.sh" stop
"$TECHO_ROOT/deploy/local/mariadb.sh" stop
