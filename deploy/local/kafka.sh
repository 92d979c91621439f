#!/usr/bin/env bash
# A real single-node Kafka broker (KRaft: broker and controller in one JVM) from Maven Central jars.
# Usage: deploy/local/kafka.sh start|stop|status     State and logs: .local/kafka/
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

KAFKA_HOME="$TECHO_LOCAL/kafka"
LIBS="$KAFKA_HOME/libs"
PIDFILE="$KAFKA_HOME/broker.pid"
LOGFILE="$KAFKA_HOME/broker.log"

fetch_jars() {
  [ -f "$LIBS/.complete-$KAFKA_VERSION" ] && return 0
  log "downloading Kafka $KAFKA_VERSION jars from Maven Central into $LIBS"
  rm -rf "$LIBS"
  mkdir -p "$LIBS"
  mvnw -f "$TECHO_ROOT/deploy/local/kafka/pom.xml" -Dkafka.version="$KAFKA_VERSION" \
    dependency:copy-dependencies -DoutputDirectory="$LIBS"
  touch "$LIBS/.complete-$KAFKA_VERSION"
}

write_config() {
  mkdir -p "$KAFKA_HOME/data"
  cat > "$KAFKA_HOME/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_HOME/data
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
PROPS
  cat > "$KAFKA_HOME/log4j2.yaml" <<'YAML'
Configuration:
  Appenders:
    Console:
      name: STDOUT
      PatternLayout:
        pattern: "[%d] %p %m (%c)%n"
  Loggers:
    Root:
      level: WARN
      AppenderRef:
        - ref: STDOUT
    Logger:
      - name: kafka.server.KafkaRaftServer
        level: INFO
YAML
}

format_storage() {
  [ -f "$KAFKA_HOME/data/meta.properties" ] && return 0
  local cluster_id
  cluster_id="$(java -cp "$LIBS/*" kafka.tools.StorageTool random-uuid 2>/dev/null)"
  java -Dlog4j2.configurationFile="$KAFKA_HOME/log4j2.yaml" -cp "$LIBS/*" kafka.tools.StorageTool format \
    --standalone -t "$cluster_id" -c "$KAFKA_HOME/server.properties" >/dev/null
}

create_topics() {
  java -cp "$LIBS/*" "$TECHO_ROOT/deploy/local/kafka/CreateTopics.java" "$KAFKA_BOOTSTRAP_SERVERS" "${TECHO_TOPICS[@]}" 2>/dev/null \
    | sed 's/^/[techo] /' >&2
}

start() {
  if pid_alive "$PIDFILE"; then
    log "Kafka already running (pid $(cat "$PIDFILE")) on $KAFKA_BOOTSTRAP_SERVERS"
    return 0
  fi
  local free_wait=0
  while port_open "$KAFKA_PORT"; do
    # a broker that just stopped may still be closing its sockets
    sleep 0.5
    free_wait=$((free_wait + 1))
    if [ "$free_wait" -ge 20 ]; then die "port $KAFKA_PORT is taken by another process; set KAFKA_PORT"; fi
  done
  fetch_jars
  write_config
  format_storage
  : > "$LOGFILE"
  (cd "$KAFKA_HOME" || exit 1; nohup java -Xms256m -Xmx512m -Dlog4j2.configurationFile=log4j2.yaml -cp "$LIBS/*" \
      kafka.Kafka server.properties >> "$LOGFILE" 2>&1 & echo $! > "$PIDFILE")
  local waited=0
  until grep -q "Kafka Server started" "$LOGFILE"; do
    if ! pid_alive "$PIDFILE"; then
      tail -30 "$LOGFILE" >&2
      die "Kafka died while starting; log: $LOGFILE"
    fi
    sleep 0.25
    waited=$((waited + 1))
    if [ "$waited" -ge 360 ]; then tail -30 "$LOGFILE" >&2; die "Kafka did not start within 90 s"; fi
  done
  create_topics
  log "Kafka $KAFKA_VERSION listening on $KAFKA_BOOTSTRAP_SERVERS (pid $(cat "$PIDFILE"), log $LOGFILE)"
}

status() {
  if pid_alive "$PIDFILE"; then
    log "Kafka running (pid $(cat "$PIDFILE")) on $KAFKA_BOOTSTRAP_SERVERS"
  else
    log "Kafka not running"
    return 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop_pid "$PIDFILE" Kafka 60 ;;
  status) status ;;
  *) die "usage: $0 start|stop|status" ;;
esac
