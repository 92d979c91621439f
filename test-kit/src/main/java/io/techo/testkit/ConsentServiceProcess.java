package io.techo.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Runs the real consent-service (its packaged jar, built earlier in the reactor) as a separate process on a free port,
 * against the local MariaDB and Kafka, trusting the TEST-ONLY token key. Services that call it get its URL.
 */
public class ConsentServiceProcess implements QuarkusTestResourceLifecycleManager {

    private ServiceProcess process;

    @Override
    public Map<String, String> start() {
        if (!ExternalOrContainerInfra.usesLocalServices()) {
            return Map.of();
        }
        process = new ServiceProcess("consent-service", Map.of(
                "TECHO_JWT_PUBLIC_KEY", ServiceProcess.resource("/test-only-jwt-verify-key.pem"),
                "TECHO_JWT_ISSUER", Tokens.ISSUER,
                "DB_REACTIVE_URL", "mysql://127.0.0.1:3306/" + database(),
                "DB_JDBC_URL", "jdbc:mariadb://127.0.0.1:3306/" + database(),
                "QUARKUS_FLYWAY_CLEAN_AT_START", "true",
                "QUARKUS_FLYWAY_CLEAN_DISABLED", "false",
                "TECHO_OUTBOX_POLL_INTERVAL", "50ms")).start();
        return Map.of("techo.consent.url", process.url(), "techo.test.consent-url", process.url());
    }

    @Override
    public void stop() {
        if (process != null) {
            process.stop();
        }
    }

    /** {@code techo_consent_test}, or {@code TEST_CONSENT_DB} so that concurrent test runs on one server keep apart. */
    private static String database() {
        String name = System.getenv("TEST_CONSENT_DB");
        return name == null || name.isBlank() ? "techo_consent_test" : name;
    }
}
