package io.techo.anchor;

import io.techo.common.canonical.RecordHeader;
import io.techo.common.crypto.Digests;
import io.techo.common.events.CloudEventAttributes;
import io.techo.common.events.CloudEventsKafka;
import io.techo.common.events.EventJson;
import io.techo.common.events.EventTypes;
import io.techo.common.events.RecordErased;
import io.techo.common.events.RecordStored;
import io.techo.common.events.TechoEvent;
import io.techo.common.ids.Uuids;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Platform events as the record-service publishes them (CloudEvents binary mode), produced straight to Kafka. */
final class TestEvents {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestEvents() {
    }

    /** A stored record's event; {@code ciphertext} is what the verifier will be handed. */
    record Stored(ProducerRecord<String, String> message, String eventId, RecordStored data, byte[] ciphertext) {
    }

    static Stored recordStored(String ownerId) {
        byte[] ciphertext = new byte[64];
        RANDOM.nextBytes(ciphertext);
        UUID recordId = Uuids.v7();
        String ciphertextSha256 = Digests.sha256Hex(ciphertext);
        RecordHeader header = new RecordHeader(recordId, 1, ownerId, "blood-pressure", ciphertextSha256, "k-" + ownerId);
        RecordStored data = new RecordStored(recordId, 1, ownerId, "blood-pressure", ciphertextSha256, ciphertext.length,
                "k-" + ownerId, Base64.getEncoder().encodeToString(new byte[64]),
                Digests.sha256Hex(header.canonicalBytes()), now());
        String eventId = Uuids.v7().toString();
        return new Stored(message(EventTypes.RECORDS_TOPIC, eventId, data), eventId, data, ciphertext);
    }

    static ProducerRecord<String, String> recordErased(RecordStored stored, String eventId) {
        RecordErased data = new RecordErased(stored.recordId(), stored.ownerId(), stored.headerSha256(),
                Digests.sha256Hex(("tombstone " + stored.recordId()).getBytes(StandardCharsets.UTF_8)), now());
        return message(EventTypes.RECORDS_TOPIC, eventId, data);
    }

    static ProducerRecord<String, String> message(String topic, String eventId, TechoEvent data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, data.ownerId(), EventJson.write(data));
        CloudEventsKafka.toHeaders(new CloudEventAttributes(eventId, data.type(), "/techo/test", data.subject(), now()))
                .forEach((name, value) -> record.headers().add(name, value));
        return record;
    }

    static void send(List<ProducerRecord<String, String>> records) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getOptionalValue("kafka.bootstrap.servers", String.class).orElse("127.0.0.1:9092"));
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new StringSerializer())) {
            for (ProducerRecord<String, String> record : records) {
                producer.send(record);
            }
            producer.flush();
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
