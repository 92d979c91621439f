# JVM-mode image of one Techo Quarkus service, built from the repository root after `./mvnw -B package -DskipTests`:
#   docker build -f deploy/docker/quarkus-jvm.Dockerfile --build-arg SERVICE=record-service --build-arg HTTP_PORT=8081 -t techo/record-service:0.1.0-SNAPSHOT .
# SERVICE is the module folder (record-service, consent-service, anchor-service, gateway), its fast-jar is
# <SERVICE>/target/quarkus-app/; HTTP_PORT is its port (8081, 8082, 8083, gateway 8080: its quarkus.http.port default).
# No configuration and no secret is baked in: everything comes from the environment at run time (deploy/README.md).
# Runs as the image's unprivileged user 185 and works on a read-only root filesystem with a writable /tmp.
FROM registry.access.redhat.com/ubi9/openjdk-17-runtime:1.23

ARG SERVICE
ARG HTTP_PORT

ENV LANGUAGE='en_US:en' \
    JAVA_APP_JAR=/deployments/quarkus-run.jar \
    JAVA_OPTS_APPEND="-Djava.util.logging.manager=org.jboss.logmanager.LogManager -Djava.io.tmpdir=/tmp" \
    JAVA_MAX_MEM_RATIO=70 \
    QUARKUS_HTTP_HOST=0.0.0.0 \
    QUARKUS_HTTP_PORT=${HTTP_PORT}

# the four layers of the fast-jar, least to most often changing
COPY --chown=185 ${SERVICE}/target/quarkus-app/lib/ /deployments/lib/
COPY --chown=185 ${SERVICE}/target/quarkus-app/*.jar /deployments/
COPY --chown=185 ${SERVICE}/target/quarkus-app/app/ /deployments/app/
COPY --chown=185 ${SERVICE}/target/quarkus-app/quarkus/ /deployments/quarkus/

USER 185
EXPOSE ${HTTP_PORT}
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${QUARKUS_HTTP_PORT}/q/health/ready" > /dev/null || exit 1

ENTRYPOINT ["/opt/jboss/container/java/run/run-java.sh"]
