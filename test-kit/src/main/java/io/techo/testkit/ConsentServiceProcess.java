package io.techo.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Runs the real consent-service (its packaged jar, built earlier in the reactor) as a separate process on a free port,
 * against the local MariaDB and Kafka, trusting the TEST-ONLY token key. Services that call it get its URL.
 */
public class ConsentServiceProcess implements QuarkusTestResourceLifecycleManager {

    private static final Path JAR = Path.of("..", "consent-service", "target", "quarkus-app", "quarkus-run.jar");
    private Process process;

    @Override
    public Map<String, String> start() {
        if (!ExternalOrContainerInfra.usesLocalServices()) {
            return Map.of();
        }
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: build consent-service first (./mvnw verify builds it before record-service)");
        }
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx256m", "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(new File("target/consent-service.log"));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("TECHO_JWT_PUBLIC_KEY", resource("/test-only-jwt-verify-key.pem"));
        env.put("TECHO_JWT_ISSUER", Tokens.ISSUER);
        env.put("DB_REACTIVE_URL", "mysql://127.0.0.1:3306/" + database());
        env.put("DB_JDBC_URL", "jdbc:mariadb://127.0.0.1:3306/" + database());
        env.put("QUARKUS_FLYWAY_CLEAN_AT_START", "true");
        env.put("QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
        env.put("TECHO_OUTBOX_POLL_INTERVAL", "50ms");
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the consent-service", e);
        }
        String url = "http://127.0.0.1:" + port;
        awaitReady(url);
        return Map.of("quarkus.rest-client.consent.url", url, "techo.test.consent-url", url);
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitReady(String url) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("consent-service exited; see target/consent-service.log");
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(url + "/q/health/ready").toURL().openConnection();
                connection.setConnectTimeout(500);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            sleep();
        }
        throw new IllegalStateException("consent-service not ready within 90 s; see target/consent-service.log");
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code techo_consent_test}, or {@code TEST_CONSENT_DB} so that concurrent test runs on one server keep apart. */
    private static String database() {
        String name = System.getenv("TEST_CONSENT_DB");
        return name == null || name.isBlank() ? "techo_consent_test" : name;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = ConsentServiceProcess.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
