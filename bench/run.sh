#!/usr/bin/env bash
# The benchmark suite (issue 8; the bar is DESIGN §10). Usage: bench/run.sh [--smoke] [options]   (--help lists them)
# Builds the services, the devnet and the bench module if their jars are missing (BENCH_REBUILD=1 always rebuilds),
# starts MariaDB and Kafka (deploy/local), then io.techo.bench.BenchmarkSuite, which starts its own IOST devnet,
# consent-service, record-service, anchor-service and gateway as processes with fresh databases and keys, runs the
# scenarios and writes bench/results/<UTC timestamp>/report.md with PNG plots. Service logs: bench/target/*.log.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/env.sh"

JARS=(consent-service/target/quarkus-app/quarkus-run.jar record-service/target/quarkus-app/quarkus-run.jar
  anchor-service/target/quarkus-app/quarkus-run.jar gateway/target/quarkus-app/quarkus-run.jar
  iost/devnet/target/iost-devnet.jar bench/target/classpath.txt)
missing=""
for jar in "${JARS[@]}"; do
  [ -f "$TECHO_ROOT/$jar" ] || missing+=" $jar"
done
if [ -n "$missing" ] || [ -n "${BENCH_REBUILD:-}" ]; then
  log "building${missing:+ (missing:$missing)}"
  (cd "$TECHO_ROOT" && mvnw -pl consent-service,record-service,anchor-service,gateway,iost/devnet,bench -am package -DskipTests)
fi

case " $* " in
  *" --help "* | *" -h "*) ;;
  *)
    "$TECHO_ROOT/deploy/local/mariadb.sh" start
    "$TECHO_ROOT/deploy/local/kafka.sh" start
    ;;
esac
export KAFKA_BOOTSTRAP_SERVERS KAFKA_VERSION

cd "$TECHO_ROOT/bench"
exec java -Xmx2g -Djava.awt.headless=true -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "target/classes:$(cat target/classpath.txt)" io.techo.bench.BenchmarkSuite "$@"
