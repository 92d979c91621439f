# The local IOST devnet (iost/devnet), for development and CI only — never a real chain: its genesis publishes
# its secret keys. Built from the repository root after `./mvnw -B -pl iost/devnet -am package -DskipTests`:
#   docker build -f deploy/docker/iost-devnet.Dockerfile -t techo/iost-devnet:0.1.0-SNAPSHOT .
# Settings through DEVNET_* variables (iost/devnet/src/main/resources/devnet.properties); the chain is kept in
# /var/lib/devnet (mount a volume there). Runs as user 185.
FROM registry.access.redhat.com/ubi9/openjdk-17-runtime:1.23

ENV JAVA_APP_JAR=/deployments/iost-devnet.jar \
    JAVA_OPTS_APPEND="-Djava.io.tmpdir=/tmp" \
    JAVA_MAX_MEM_RATIO=70 \
    DEVNET_HOST=0.0.0.0 \
    DEVNET_PORT=30001 \
    DEVNET_DATA_DIR=/var/lib/devnet

COPY --chown=185 iost/devnet/target/iost-devnet.jar /deployments/iost-devnet.jar
USER root
RUN mkdir -p /var/lib/devnet && chown 185:0 /var/lib/devnet && chmod 0770 /var/lib/devnet
USER 185
VOLUME /var/lib/devnet
EXPOSE 30001
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${DEVNET_PORT}/getChainInfo" > /dev/null || exit 1

ENTRYPOINT ["/opt/jboss/container/java/run/run-java.sh"]
