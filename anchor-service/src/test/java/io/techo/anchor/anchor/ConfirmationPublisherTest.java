package io.techo.anchor.anchor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.techo.common.events.AnchorConfirmed;
import io.techo.common.events.AnchorRef;
import io.techo.common.events.CloudEventsKafka;
import io.techo.common.events.EventTypes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The records the publisher makes, and how it fails; its producers point at a port where no broker listens. */
class ConfirmationPublisherTest {

    private static final Instant FINAL_AT = Instant.parse("2026-11-25T02:00:00Z");

    @Test
    void aConfirmationIsNamedAfterTheLogAndLeafSoARepublishedOneKeepsItsId() {
        try (Publisher one = new Publisher("techo.test/log"); Publisher restarted = new Publisher("techo.test/log");
                Publisher otherLog = new Publisher("techo.test/other")) {
            ProducerRecord<String, String> first = one.record(confirmation(7));
            ProducerRecord<String, String> again = restarted.record(confirmation(7));

            String id = header(first, CloudEventsKafka.H_ID);
            assertThat(header(again, CloudEventsKafka.H_ID)).isEqualTo(id);
            assertThat(again.value()).isEqualTo(first.value());
            assertThat(header(one.record(confirmation(8)), CloudEventsKafka.H_ID)).isNotEqualTo(id);
            assertThat(header(otherLog.record(confirmation(7)), CloudEventsKafka.H_ID)).isNotEqualTo(id);
        }
    }

    @Test
    void aConfirmationIsACloudEventOnTheAnchorsTopicKeyedByItsOwner() {
        try (Publisher one = new Publisher("techo.test/log")) {
            ProducerRecord<String, String> record = one.record(confirmation(7));

            assertThat(record.topic()).isEqualTo(EventTypes.ANCHORS_TOPIC);
            assertThat(record.key()).isEqualTo("pat-1");
            assertThat(header(record, CloudEventsKafka.H_TYPE)).isEqualTo(EventTypes.ANCHOR_CONFIRMED);
            assertThat(header(record, CloudEventsKafka.H_SOURCE)).isEqualTo("/techo/anchor-service");
            assertThat(header(record, CloudEventsKafka.H_SUBJECT)).isEqualTo("record-7");
            assertThat(header(record, CloudEventsKafka.H_TIME)).isEqualTo("2026-11-25T02:00:00Z");
        }
    }

    @Test
    void aBatchNoBrokerAcknowledgesFailsWithinSecondsInsteadOfBlockingTheLoop() {
        try (Publisher unreachable = new Publisher("techo.test/log")) {
            Instant start = Instant.now();
            assertThatThrownBy(() -> unreachable.publisher.publish(List.of(confirmation(7)), FINAL_AT))
                    .isInstanceOf(ConfirmationPublisher.ConfirmationsNotPublished.class);
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(15));
        }
    }

    private static AnchorConfirmed confirmation(long leafIndex) {
        AnchorRef anchor = new AnchorRef(1020, "Contract1", "tx1", 42, AnchorRef.IRREVERSIBLE, "techo.test/log", 10,
                "00".repeat(32), 0);
        return new AnchorConfirmed("event-" + leafIndex, "techo.record.stored", "record-" + leafIndex, "pat-1", leafIndex,
                "bGVhZg==", null, List.of("aGFzaA=="), "note", anchor);
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** A publisher of one log whose producer is closed after the test. */
    private static final class Publisher implements AutoCloseable {

        final ConfirmationPublisher publisher;

        Publisher(String origin) {
            publisher = new ConfirmationPublisher(Map.of("bootstrap.servers", "127.0.0.1:1"), "/techo/anchor-service", origin);
        }

        ProducerRecord<String, String> record(AnchorConfirmed confirmation) {
            return publisher.record(confirmation, FINAL_AT);
        }

        @Override
        public void close() {
            publisher.close();
        }
    }
}
