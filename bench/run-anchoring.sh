#!/usr/bin/env bash
# Benchmark: event → IRREVERSIBLE confirmation and chain cost (issue 4 bar: p99 <= T + 1 s at 1,000 events/s,
# <= 1 chain tx per 1,000 events). Usage: bench/run-anchoring.sh [rate=1000] [measure-seconds=30] [warmup-seconds=10]
# Starts MariaDB and Kafka (deploy/local), its own IOST devnet (500 ms blocks, irreversibility lag 0) on port 30101
# and its own anchor-service (T = 1 s) on port 18083 with a fresh database, topic, origin and checkpoint key, pushes
# events open-loop, and writes bench/results/<timestamp>/report.md. BENCH_JFR=1 records a JFR profile of the service.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/env.sh"

RATE="${1:-1000}"
MEASURE="${2:-30}"
WARMUP="${3:-10}"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$TECHO_ROOT/bench/results/$STAMP"
RUN="$TECHO_LOCAL/bench-anchoring"
TOPIC="techo.bench.records.$STAMP"
ORIGIN="techo.bench/log-$STAMP"
DEVNET_URL="http://127.0.0.1:30101"
INTERVAL_MS=1000
rm -rf "$RUN" && mkdir -p "$OUT" "$RUN"

"$TECHO_ROOT/deploy/local/mariadb.sh" start
"$TECHO_ROOT/deploy/local/kafka.sh" start
(cd "$TECHO_ROOT" && mvnw -pl anchor-service,iost/devnet,bench -am package -DskipTests)
BENCH_CP="$TECHO_ROOT/bench/target/classes:$(cat "$TECHO_ROOT/bench/target/classpath.txt")"

cleanup() {
  for name in anchor-service devnet; do
    [ -f "$RUN/$name.pid" ] && stop_pid "$RUN/$name.pid" "bench $name" 20
  done
}
trap cleanup EXIT

DEVNET_PORT=30101 DEVNET_DATA_DIR="$RUN/devnet" DEVNET_IRREVERSIBLE_LAG=0 DEVNET_BLOCK_INTERVAL_MS=500 \
  start_detached "$RUN/devnet.pid" "$RUN/devnet.log" java -Xmx256m -jar "$TECHO_ROOT/iost/devnet/target/iost-devnet.jar"
until curl -fsS "$DEVNET_URL/getChainInfo" > /dev/null 2>&1; do sleep 0.25; done

QUARKUS_HTTP_PORT=18083 KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP" \
  TECHO_JWT_PUBLIC_KEY="$(cat "$TECHO_ROOT/test-kit/src/main/resources/test-only-jwt-verify-key.pem")" \
  DB_REACTIVE_URL=mysql://127.0.0.1:3306/techo_anchor_bench DB_JDBC_URL=jdbc:mariadb://127.0.0.1:3306/techo_anchor_bench \
  QUARKUS_FLYWAY_CLEAN_AT_START=true QUARKUS_FLYWAY_CLEAN_DISABLED=false QUARKUS_LOG_LEVEL=WARN \
  TECHO_IOST_URL="$DEVNET_URL" TECHO_LOG_ORIGIN="$ORIGIN" TECHO_CHECKPOINT_INTERVAL="${INTERVAL_MS}ms" \
  TECHO_LOG_SIGNING_KEY="$(java -cp "$BENCH_CP" io.techo.bench.AnchoringBenchmark keygen "$ORIGIN")" \
  KAFKA_GROUP_ID="bench-$STAMP" MP_MESSAGING_INCOMING_RECORD_EVENTS_TOPIC="$TOPIC" \
  MP_MESSAGING_INCOMING_CONSENT_EVENTS_TOPIC="$TOPIC.consents" MP_MESSAGING_INCOMING_ACCESS_EVENTS_TOPIC="$TOPIC.access" \
  start_detached "$RUN/anchor-service.pid" "$RUN/anchor-service.log" \
    java -Xmx512m ${BENCH_JFR:+-XX:StartFlightRecording=filename=$OUT/anchor-service.jfr,settings=profile} \
    -jar "$TECHO_ROOT/anchor-service/target/quarkus-app/quarkus-run.jar"
waited=0
until curl -fsS http://127.0.0.1:18083/q/health/ready > /dev/null 2>&1; do
  sleep 0.5; waited=$((waited + 1))
  [ "$waited" -ge 180 ] && die "anchor-service did not become ready; see $RUN/anchor-service.log"
done

java -cp "$BENCH_CP" io.techo.bench.AnchoringBenchmark "$KAFKA_BOOTSTRAP" "$TOPIC" "$ORIGIN" "$DEVNET_URL" \
  "$RATE" "$WARMUP" "$MEASURE" "$INTERVAL_MS" "$OUT"
cp "$RUN/anchor-service.log" "$OUT/" 2> /dev/null || true
log "report: $OUT/report.md"
