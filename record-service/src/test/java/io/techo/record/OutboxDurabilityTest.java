package io.techo.record;

import static io.techo.record.RecordApi.create;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.techo.common.events.CloudEventsKafka;
import io.techo.common.events.EventTypes;
import io.techo.testkit.ExternalOrContainerInfra;
import io.techo.testkit.LocalKafka;
import io.techo.testkit.TestPatient;
import io.techo.testkit.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox's promise: with the broker down, stores still succeed; once it is back, every event is published,
 * exactly once, in order per owner.
 */
@QuarkusTest
@QuarkusTestResource(value = ExternalOrContainerInfra.class, restrictToAnnotatedClass = false)
class OutboxDurabilityTest {

    private boolean brokerStopped;

    @BeforeEach
    void onlyWithTheLocalBroker() {
        Assumptions.assumeTrue(ExternalOrContainerInfra.usesLocalServices(),
                "stops and restarts the broker of deploy/local/kafka.sh; Testcontainers brokers change address on restart");
    }

    @AfterEach
    void brokerBack() {
        if (brokerStopped) {
            LocalKafka.start();
        }
    }

    @Test
    void storesSucceedWhileKafkaIsDownAndEveryEventIsPublishedOnceInOrderAfterwards() {
        List<TestPatient> patients = List.of(new TestPatient(), new TestPatient(), new TestPatient());
        Map<TestPatient, List<String>> stored = Map.of(patients.get(0), new ArrayList<>(), patients.get(1), new ArrayList<>(),
                patients.get(2), new ArrayList<>());

        LocalKafka.stop();
        brokerStopped = true;
        for (int round = 0; round < 4; round++) {
            for (TestPatient patient : patients) {
                var sealed = patient.seal("weight", ("round " + round).getBytes(StandardCharsets.UTF_8));
                create(patient.token(), sealed.body()).statusCode(201);
                stored.get(patient).add(sealed.recordId().toString());
            }
        }
        LocalKafka.start();
        brokerStopped = false;

        for (TestPatient patient : patients) {
            List<String> expected = stored.get(patient);
            var events = TopicReader.recordsWithKey(EventTypes.RECORDS_TOPIC, patient.accountId(),
                    r -> r.size() >= expected.size(), Duration.ofSeconds(90));
            // a further read after the expected count shows no duplicate arrived late
            var settled = TopicReader.recordsWithKey(EventTypes.RECORDS_TOPIC, patient.accountId(),
                    r -> r.size() > expected.size(), Duration.ofSeconds(3));
            assertThat(events).extracting(e -> TopicReader.header(e, CloudEventsKafka.H_SUBJECT)).containsExactlyElementsOf(expected);
            assertThat(settled).hasSize(expected.size());
        }
    }
}
