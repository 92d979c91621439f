#!/usr/bin/env bash
# Benchmark: consent-checked clinician reads at a constant arrival rate (issue 5 bar: p99 <= 20 ms at 1,000/s).
# Usage: bench/run-consented-reads.sh [rate=1000] [measure-seconds=30] [warmup-seconds=15]
# Starts MariaDB and Kafka (deploy/local), runs its own consent-service and record-service on ports 18082/18081
# trusting the TEST-ONLY token key, sets up data, measures, and writes bench/results/<timestamp>/report.md.
# BENCH_JFR=1 also records a JFR profile of each service into the results folder; BENCH_KEEP=1 leaves them running.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/env.sh"

RATE="${1:-1000}"
MEASURE="${2:-30}"
WARMUP="${3:-15}"
OUT="$TECHO_ROOT/bench/results/$(date -u +%Y%m%dT%H%M%SZ)"
RUN="$TECHO_LOCAL/bench"
mkdir -p "$OUT" "$RUN"

"$TECHO_ROOT/deploy/local/mariadb.sh" start
"$TECHO_ROOT/deploy/local/kafka.sh" start
(cd "$TECHO_ROOT" && mvnw -pl consent-service,record-service,bench -am package -DskipTests)

TEST_KEY="$(cat "$TECHO_ROOT/test-kit/src/main/resources/test-only-jwt-verify-key.pem")"
start_service() {
  local name="$1" port="$2" db="$3"; shift 3
  QUARKUS_HTTP_PORT="$port" TECHO_JWT_PUBLIC_KEY="$TEST_KEY" TECHO_JWT_ISSUER=techo-test-issuer \
  DB_REACTIVE_URL="mysql://127.0.0.1:3306/$db" DB_JDBC_URL="jdbc:mariadb://127.0.0.1:3306/$db" \
  QUARKUS_FLYWAY_CLEAN_AT_START=true QUARKUS_FLYWAY_CLEAN_DISABLED=false QUARKUS_LOG_LEVEL=WARN "$@" \
    nohup java -Xmx512m ${BENCH_JFR:+-XX:StartFlightRecording=filename=$OUT/$name.jfr,settings=profile} \
      -jar "$TECHO_ROOT/$name/target/quarkus-app/quarkus-run.jar" > "$RUN/$name.log" 2>&1 &
  echo $! > "$RUN/$name.pid"
  local waited=0
  until curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; do
    sleep 0.5; waited=$((waited + 1))
    if [ "$waited" -ge 180 ]; then die "$name did not become ready; see $RUN/$name.log"; fi
  done
}
cleanup() {
  [ -n "${BENCH_KEEP:-}" ] && return 0
  for name in record-service consent-service; do
    [ -f "$RUN/$name.pid" ] && stop_pid "$RUN/$name.pid" "bench $name" 20
  done
}
trap cleanup EXIT

start_service consent-service 18082 techo_consent_bench
start_service record-service 18081 techo_record_bench env TECHO_CONSENT_URL=http://127.0.0.1:18082

java -cp "$TECHO_ROOT/bench/target/classes:$(cat "$TECHO_ROOT/bench/target/classpath.txt")" io.techo.bench.ConsentedReadBenchmark \
  http://127.0.0.1:18081 http://127.0.0.1:18082 "$RATE" "$WARMUP" "$MEASURE" "$OUT"
log "report: $OUT/report.md"
