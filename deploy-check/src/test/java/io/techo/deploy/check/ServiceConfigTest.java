package io.techo.deploy.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a service reads from its environment is derived from its code the way Quarkus maps variables. */
class ServiceConfigTest {

    @Test
    void recordServiceReadsItsExpressionsItsKeysAndItsConfigMappings() {
        ServiceConfig config = ServiceConfig.of(Repository.ROOT, "record-service", List.of("service-kit"));
        assertThat(config.required()).as("read without a default in the prod profile").containsExactly("TECHO_JWT_PUBLIC_KEY");
        assertThat(config.readable())
                .contains("QUARKUS_HTTP_PORT", "QUARKUS_HTTP_HOST", "DB_USER", "DB_PASSWORD", "DB_REACTIVE_URL",
                        "DB_POOL_SIZE", "KAFKA_BOOTSTRAP_SERVERS", "TECHO_CONSENT_URL", "TECHO_RECORD_MAX_BODY")
                .as("keys of application.properties").contains("QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE", "KAFKA_BOOTSTRAP_SERVERS")
                .as("@ConfigMapping of the service and of service-kit")
                .contains("TECHO_RECORD_MAX_CIPHERTEXT_BYTES", "TECHO_OUTBOX_POLL_INTERVAL", "TECHO_OUTBOX_BATCH_SIZE")
                .as("test and dev profiles never apply in a deployment")
                .doesNotContain("TEST_DB_REACTIVE_URL", "TECHO_JWT_PUBLIC_KEY_FILE");
    }

    @Test
    void environmentNamesFollowSmallRyeConfig() {
        assertThat(ServiceConfig.envName("quarkus.http.port")).isEqualTo("QUARKUS_HTTP_PORT");
        assertThat(ServiceConfig.envName("techo.outbox.poll-interval")).isEqualTo("TECHO_OUTBOX_POLL_INTERVAL");
        assertThat(ServiceConfig.envName("quarkus.log.category.\"org.apache.kafka\".level"))
                .isEqualTo("QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA__LEVEL");
    }
}
