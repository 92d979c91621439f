#!/usr/bin/env bash
# Starts what the tests need (MariaDB, Kafka), then runs every test of every module: ./mvnw -B verify, from the
# repository root. Extra arguments go to Maven, e.g. deploy/local/test.sh -pl record-service -am
# Exits with Maven's exit code. Kafka (and a MariaDB this started) are left running afterwards, which is fine on
# CI and saves the next run their start-up; deploy/local/down.sh stops them. .ci/run calls this script.
set -euo pipefail
# shellcheck source=deploy/local/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

"$TECHO_ROOT/deploy/local/mariadb.sh" start
"$TECHO_ROOT/deploy/local/kafka.sh" start
# the web client's end-to-end test drives Debian's chromium (installed here only if missing)
"$TECHO_ROOT/deploy/local/chromium.sh"
cd "$TECHO_ROOT"
# the tests use these local services rather than Testcontainers, even where Docker exists (test-kit)
export TECHO_TEST_INFRA="${TECHO_TEST_INFRA:-external}"
export KAFKA_BOOTSTRAP_SERVERS
exec ./mvnw -B verify "$@"
