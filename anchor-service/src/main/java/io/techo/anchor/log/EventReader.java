package io.techo.anchor.log;

import io.techo.common.canonical.RecordHeader;
import io.techo.common.crypto.Digests;
import io.techo.common.events.CloudEventAttributes;
import io.techo.common.events.CloudEventsKafka;
import io.techo.common.events.EventCatalog;
import io.techo.common.events.RecordStored;
import io.techo.common.events.TechoEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Turns a Kafka record (CloudEvents binary mode) into a {@link LoggedEvent}, or says why it cannot be logged. */
public final class EventReader {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern ID = Pattern.compile("[\\x21-\\x7e]{1,64}");

    private EventReader() {
    }

    public static LoggedEvent read(ConsumerRecord<String, String> record) throws RejectedEvent {
        CloudEventAttributes attributes;
        TechoEvent data;
        try {
            attributes = CloudEventsKafka.fromHeaders(headers(record));
            if (record.value() == null) {
                throw new IllegalArgumentException("the record has no value");
            }
            data = EventCatalog.read(attributes.type(), record.value());
        } catch (IllegalArgumentException e) {
            throw new RejectedEvent(e.getMessage());
        }
        try {
            return toLoggedEvent(attributes, data);
        } catch (NullPointerException e) {
            throw new RejectedEvent("the event data lacks a required field");
        }
    }

    private static LoggedEvent toLoggedEvent(CloudEventAttributes attributes, TechoEvent data) throws RejectedEvent {
        requireId("ce_id", attributes.id());
        requireId("ce_subject", attributes.subject());
        requireId("owner id", data.ownerId());
        if (!attributes.subject().equals(data.subject())) {
            throw new RejectedEvent("ce_subject " + attributes.subject() + " does not match the data's subject");
        }
        String objectSha256 = data.objectSha256();
        if (objectSha256 == null || !SHA256_HEX.matcher(objectSha256).matches()) {
            throw new RejectedEvent("the event's object hash is not lowercase hex SHA-256");
        }
        return new LoggedEvent(attributes.id(), attributes.type(), attributes.subject(), data.ownerId(),
                attributes.time(), objectSha256, objectBytes(data));
    }

    /** A record's signed header can be rebuilt from its event: the confirmation then carries it for verifiers. */
    private static byte[] objectBytes(TechoEvent data) {
        if (data instanceof RecordStored stored) {
            byte[] header = new RecordHeader(stored.recordId(), stored.version(), stored.ownerId(), stored.category(),
                    stored.ciphertextSha256(), stored.signerKeyId()).canonicalBytes();
            return Digests.sha256Hex(header).equals(stored.headerSha256()) ? header : null;
        }
        return null;
    }

    private static void requireId(String what, String value) throws RejectedEvent {
        if (value == null || !ID.matcher(value).matches()) {
            throw new RejectedEvent(what + " must be 1-64 printable ASCII characters");
        }
    }

    private static Map<String, byte[]> headers(ConsumerRecord<String, String> record) {
        Map<String, byte[]> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        return headers;
    }
}
