#!/usr/bin/env bash
# Starts what the tests need (MariaDB, Kafka), then runs every test of every module: ./mvnw verify.
# Extra arguments go to Maven, e.g. deploy/local/test.sh -pl record-service -am
# Kafka is left running afterwards (deploy/local/down.sh stops it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

"$TECHO_ROOT/deploy/local/mariadb.sh" start
"$TECHO_ROOT/deploy/local/kafka.sh" start
cd "$TECHO_ROOT"
export TECHO_TEST_INFRA="${TECHO_TEST_INFRA:-external}"
exec ./mvnw -B verify "$@"
