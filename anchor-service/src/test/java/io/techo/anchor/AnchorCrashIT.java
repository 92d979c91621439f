package io.techo.anchor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.techo.anchor.anchor.CrashPoints;
import io.techo.common.log.NoteSigner;
import io.techo.iost.IostClient;
import io.techo.iost.devnet.Devnet;
import io.techo.iost.devnet.DevnetConfig;
import io.techo.testkit.ServiceProcess;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged anchor-service, killed abruptly at each crash point of the anchoring sequence and started again: every
 * event is confirmed under one event id (exactly once, except a batch published just before the crash, which is
 * published again under the same ids), no leaf is duplicated, no checkpoint is anchored twice. Runs against the local
 * Kafka and MariaDB, a devnet in this JVM, and a topic of its own.
 */
class AnchorCrashIT {

    private static final String DB = "techo_anchor_it";
    private static Devnet devnet;

    @BeforeAll
    static void startDevnet() throws Exception {
        devnet = Devnet.start(DevnetConfig.defaults().withPort(0)
                .withDataDir(Files.createTempDirectory("anchor-crash-devnet"))
                .withBlockInterval(Duration.ofMillis(100), 2));
    }

    @AfterAll
    static void stopDevnet() {
        devnet.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {CrashPoints.AFTER_PERSIST, CrashPoints.AFTER_BROADCAST, CrashPoints.AFTER_CONFIRMATIONS_PUBLISHED})
    void aCrashAtAnyPointLosesAndDoublesNothing(String crashPoint) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String topic = "techo.it.records." + run;
        String origin = "techo.it/log-" + run;
        ServiceProcess service = new ServiceProcess("anchor-service", Map.ofEntries(
                Map.entry("DB_REACTIVE_URL", "mysql://127.0.0.1:3306/" + DB),
                Map.entry("DB_JDBC_URL", "jdbc:mariadb://127.0.0.1:3306/" + DB),
                Map.entry("TECHO_IOST_URL", devnet.uri().toString()),
                Map.entry("TECHO_LOG_ORIGIN", origin),
                Map.entry("TECHO_LOG_SIGNING_KEY", NoteSigner.generate(origin).signerKey()),
                Map.entry("TECHO_CHECKPOINT_INTERVAL", "200ms"),
                Map.entry("TECHO_JWT_PUBLIC_KEY", ServiceProcess.resource("/test-only-jwt-verify-key.pem")),
                Map.entry("KAFKA_GROUP_ID", "anchor-it-" + run),
                Map.entry("MP_MESSAGING_INCOMING_RECORD_EVENTS_TOPIC", topic),
                Map.entry("MP_MESSAGING_INCOMING_CONSENT_EVENTS_TOPIC", topic + ".consents"),
                Map.entry("MP_MESSAGING_INCOMING_ACCESS_EVENTS_TOPIC", topic + ".access")));
        service.start(Map.of("TECHO_ANCHOR_CRASH_AT", crashPoint,
                "QUARKUS_FLYWAY_CLEAN_AT_START", "true", "QUARKUS_FLYWAY_CLEAN_DISABLED", "false"));
        List<TestEvents.Stored> events = IntStream.range(0, 20).mapToObj(i -> TestEvents.recordStored("crash-" + run)).toList();
        TestEvents.send(events.stream().map(e -> new ProducerRecord<>(topic, null, e.message().key(),
                e.message().value(), e.message().headers())).toList());
        try {
            assertThat(service.awaitExit(Duration.ofSeconds(60))).as("halted at " + crashPoint).isTrue();
            service.start();
            // the restarted instance takes the anchoring lease once the halted one's expires; the cursor moves past
            // a batch only once Kafka acknowledged it, so every confirmation is on the topic when it reaches the end
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> count("SELECT COALESCE(MAX(confirmed_through), 0) FROM checkpoint") == events.size());
            Set<String> ids = events.stream().map(TestEvents.Stored::eventId).collect(Collectors.toSet());
            AnchorsTopic.Seen seen = AnchorsTopic.read(ids, Duration.ofSeconds(60), Duration.ofSeconds(2));

            assertThat(seen.confirmed().keySet()).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(seen.confirmationIds().values()).as("one event id per confirmation, whatever was republished")
                    .allSatisfy(eventIds -> assertThat(eventIds).hasSize(1));
            if (crashPoint.equals(CrashPoints.AFTER_CONFIRMATIONS_PUBLISHED)) {
                assertThat(seen.confirmed().values()).as("the batch acknowledged before the crash is published again")
                        .anySatisfy(copies -> assertThat(copies).hasSize(2))
                        .allSatisfy(copies -> assertThat(copies).hasSizeBetween(1, 2).containsOnly(copies.get(0)));
            } else {
                assertThat(seen.confirmed().values()).allSatisfy(copies -> assertThat(copies).hasSize(1));
            }
            assertThat(count("SELECT COUNT(*) FROM log_leaf")).isEqualTo(ids.size());
            assertThat(count("SELECT COUNT(*) - COUNT(DISTINCT size) FROM checkpoint WHERE state = 'IRREVERSIBLE'")).isZero();
            IostClient node = new IostClient(devnet.uri());
            long successfulAnchors = ChainCount.anchorTxs(node, 0, devnet.headBlock(), origin, true);
            assertThat(successfulAnchors).isEqualTo(count("SELECT COUNT(*) FROM checkpoint WHERE state = 'IRREVERSIBLE'"));
        } finally {
            service.stop();
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + DB, "techo", "techo");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
