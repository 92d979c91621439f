package io.techo.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mariadb.MariaDBContainer;

/**
 * Real MariaDB and Kafka for the tests. Where a Docker engine runs, Testcontainers starts throw-away ones;
 * without Docker (or with {@code TECHO_TEST_INFRA=external}) the tests use the broker and database that
 * {@code deploy/local/test.sh} started on 127.0.0.1.
 */
public class ExternalOrContainerInfra implements QuarkusTestResourceLifecycleManager {

    private MariaDBContainer database;
    private KafkaContainer kafka;

    /** True when the tests run against the locally started services, which tests may stop and restart. */
    public static boolean usesLocalServices() {
        return "external".equals(System.getenv("TECHO_TEST_INFRA")) || !DockerClientFactory.instance().isDockerAvailable();
    }

    @Override
    public Map<String, String> start() {
        if (usesLocalServices()) {
            return Map.of();
        }
        String schema = testSchema();
        database = new MariaDBContainer("mariadb:10.11").withDatabaseName(schema).withUsername("techo").withPassword("techo");
        kafka = new KafkaContainer("apache/kafka:4.1.1");
        database.start();
        kafka.start();
        String hostPort = database.getHost() + ":" + database.getMappedPort(3306);
        return Map.of(
                "quarkus.datasource.reactive.url", "mysql://" + hostPort + "/" + schema,
                "quarkus.datasource.jdbc.url", "jdbc:mariadb://" + hostPort + "/" + schema,
                "kafka.bootstrap.servers", kafka.getBootstrapServers());
    }

    /** {@code techo_<service>_test}, from the application name (record-service → techo_record_test). */
    private static String testSchema() {
        String application = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
        return "techo_" + application.replace("-service", "").replace('-', '_') + "_test";
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.stop();
        }
        if (database != null) {
            database.stop();
        }
    }
}
