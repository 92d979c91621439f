package io.techo.common.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The JSON form of docs/events.md and the CloudEvents Kafka binary-mode headers. */
class EventContractsTest {

    private static final UUID RECORD = UUID.fromString("019ab5e2-7c3d-7b1e-9f00-3c4d5e6f7a8b");
    private static final Instant AT = Instant.parse("2026-11-24T04:10:00.123456Z");

    @Test
    void recordStoredHasTheDocumentedJsonForm() {
        RecordStored event = new RecordStored(RECORD, 1, "pat-1", "blood-pressure", "aa".repeat(32), 4124, "bb".repeat(32),
                "c2ln", "cc".repeat(32), AT);
        String json = EventJson.write(event);
        assertEquals("{\"recordId\":\"019ab5e2-7c3d-7b1e-9f00-3c4d5e6f7a8b\",\"version\":1,\"ownerId\":\"pat-1\",\"category\":\"blood-pressure\","
                + "\"ciphertextSha256\":\"" + "aa".repeat(32) + "\",\"ciphertextSize\":4124,\"signerKeyId\":\"" + "bb".repeat(32) + "\","
                + "\"signature\":\"c2ln\",\"headerSha256\":\"" + "cc".repeat(32) + "\",\"storedAt\":\"2026-11-24T04:10:00.123456Z\"}", json);
        assertEquals(event, EventJson.read(json, RecordStored.class));
        assertEquals(EventTypes.RECORD_STORED, event.type());
        assertEquals(RECORD.toString(), event.subject());
        assertEquals("cc".repeat(32), event.objectSha256());
    }

    @Test
    void unknownFieldsAreIgnoredSoAddingOneIsNotBreaking() {
        RecordErased erased = EventJson.read("{\"recordId\":\"" + RECORD + "\",\"ownerId\":\"pat-1\",\"headerSha256\":\"h\","
                + "\"tombstoneSha256\":\"t\",\"erasedAt\":\"2026-11-24T04:10:00Z\",\"futureField\":42}", RecordErased.class);
        assertEquals("t", erased.objectSha256());
        assertThrows(IllegalArgumentException.class, () -> EventJson.read("{\"recordId\":\"nope\"}", RecordErased.class));
    }

    @Test
    void cloudEventHeadersRoundTrip() {
        CloudEventAttributes attributes = new CloudEventAttributes("019ab5e2-0000-7000-8000-000000000001", EventTypes.RECORD_KEY_SHARED,
                "/techo/record-service", RECORD.toString(), AT);
        Map<String, byte[]> headers = CloudEventsKafka.toHeaders(attributes);
        assertEquals("1.0", new String(headers.get("ce_specversion"), StandardCharsets.UTF_8));
        assertEquals("2026-11-24T04:10:00.123456Z", new String(headers.get("ce_time"), StandardCharsets.UTF_8));
        assertEquals("application/json", new String(headers.get("content-type"), StandardCharsets.UTF_8));
        assertEquals(attributes, CloudEventsKafka.fromHeaders(headers));

        Map<String, byte[]> missingId = new HashMap<>(headers);
        missingId.remove("ce_id");
        assertThrows(IllegalArgumentException.class, () -> CloudEventsKafka.fromHeaders(missingId));
        Map<String, byte[]> oldSpec = new HashMap<>(headers);
        oldSpec.put("ce_specversion", "0.3".getBytes(StandardCharsets.UTF_8));
        assertThrows(IllegalArgumentException.class, () -> CloudEventsKafka.fromHeaders(oldSpec));
    }
}
