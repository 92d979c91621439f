package io.techo.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The patient's and the clinician's journeys in a real headless Chromium against the real system
 * ({@code web/e2e/journeys.test.ts}), then zero knowledge on the browser path: none of the plaintext typed in the
 * browser is in any of the three databases.
 */
class WebEndToEndIT {

    private static final Path RESULTS = Path.of("test-results");

    @Test
    void patientAndClinicianJourneysInChromium() throws Exception {
        assertThat(Path.of("/usr/bin/chromium")).as("Debian's chromium (deploy/local/chromium.sh installs it)").exists();
        java.time.Instant started = java.time.Instant.now();
        try (SystemUnderTest system = new SystemUnderTest().start()) {
            Files.createDirectories(RESULTS);
            Files.deleteIfExists(RESULTS.resolve("canaries.json"));
            ProcessBuilder npm = new ProcessBuilder("npm", "run", "test:e2e")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(new File("target/e2e-journeys.log")));
            npm.environment().put("TECHO_E2E_GATEWAY", system.gatewayUrl());
            npm.environment().put("TECHO_E2E_OPERATOR_ID", SystemUnderTest.OPERATOR_ID);
            npm.environment().put("TECHO_E2E_OPERATOR_KEY", Base64.getEncoder().encodeToString(system.operator.privateKey()));
            npm.environment().put("TECHO_E2E_OPERATOR_PUBLIC", Base64.getEncoder().encodeToString(system.operator.publicKey()));
            npm.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
            // -Dtecho.e2e.perf=1000 also measures the timeline's first render with that many entries
            npm.environment().put("TECHO_E2E_PERF", System.getProperty("techo.e2e.perf", "0"));
            Process journeys = npm.start();
            boolean finished = journeys.waitFor(Integer.getInteger("techo.e2e.minutes", 10), TimeUnit.MINUTES);
            if (!finished) {
                journeys.descendants().forEach(ProcessHandle::destroyForcibly);
                journeys.destroyForcibly();
            }
            String log = Files.readString(Path.of("target/e2e-journeys.log"));
            assertThat(finished && journeys.exitValue() == 0).as("the journeys (web/target/e2e-journeys.log):%n%s", tail(log)).isTrue();
            List<String> canaries = canaries();
            assertNoPlaintextInDatabases(canaries);
            assertNoPlaintextOnTopics(canaries, started);
        }
    }

    /** The plaintext the journeys typed or uploaded, which the server must never have seen. */
    private static List<String> canaries() throws IOException {
        JsonNode written = new ObjectMapper().readTree(RESULTS.resolve("canaries.json").toFile());
        List<String> canaries = new ArrayList<>();
        written.forEach(node -> canaries.add(node.asText()));
        assertThat(canaries).hasSizeGreaterThanOrEqualTo(3);
        return canaries;
    }

    private static void assertNoPlaintextInDatabases(List<String> canaries) throws IOException, InterruptedException {
        for (String database : SystemUnderTest.DATABASES) {
            Path dump = Path.of("target", database + ".sql");
            ProcessBuilder builder = new ProcessBuilder("mariadb-dump", "-h", "127.0.0.1", "-P", "3306", "--protocol=TCP",
                    "-u" + env("DB_USER", "techo"), "--skip-extended-insert", "--hex-blob", database)
                    .redirectOutput(dump.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("MYSQL_PWD", env("DB_PASSWORD", "techo"));
            Process process = builder.start();
            process.getOutputStream().close();
            assertThat(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0).as("mariadb-dump " + database).isTrue();
            String text = Files.readString(dump, StandardCharsets.ISO_8859_1);
            assertThat(text).as(database + " has rows").contains("INSERT INTO");
            for (String canary : canaries) {
                assertThat(text).as(database + " holds no plaintext").doesNotContain(canary)
                        .doesNotContain(hex(canary.getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    /** The local-dev database credentials (deploy/local/env.sh), unless the environment names others. */
    private static String env(String name, String localDevDefault) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? localDevDefault : value;
    }

    private static void assertNoPlaintextOnTopics(List<String> canaries, java.time.Instant since) {
        List<String> messages = TopicScan.messagesSince(since);
        assertThat(messages).as("events of the run on " + TopicScan.TOPICS).hasSizeGreaterThan(10);
        for (String message : messages) {
            for (String canary : canaries) {
                assertThat(message).as("an event holds no plaintext").doesNotContain(canary);
            }
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02X", b));
        }
        return out.toString();
    }

    private static String tail(String log) {
        return log.length() <= 6000 ? log : log.substring(log.length() - 6000);
    }
}
