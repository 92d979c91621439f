package io.techo.record.anchor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.techo.common.events.AnchorConfirmed;
import io.techo.common.events.AnchorPacked;
import io.techo.common.events.AnchorRef;
import io.techo.common.events.EventJson;
import io.techo.common.events.EventTypes;
import io.techo.record.domain.AnchorStatus;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code techo.anchors.v1} messages into {@link AnchorUpdate}s. Only anchor states of {@code techo.record.stored}
 * events concern records; every other message is ignored, and told apart by the logged event's type alone, without
 * reading the rest: most confirmations are of access decisions (one per clinician read), and they arrive a checkpoint
 * at a time, on the event loop that also serves reads. Data of a record's anchor state that does not match its
 * declared type, or values the contract rules out, are malformed: {@link IllegalArgumentException}, so the message
 * goes to the dead-letter topic.
 */
public final class AnchorMessages {

    private static final Pattern EVENT_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** An IOST transaction hash: base58 of 32 bytes. */
    private static final Pattern TX_HASH = Pattern.compile("[1-9A-HJ-NP-Za-km-z]{32,64}");
    /** An IOST contract id: printable ASCII, as long as the column that keeps it. */
    private static final Pattern CONTRACT = Pattern.compile("[!-~]{1,128}");
    private static final JsonFactory JSON = new JsonFactory();

    private AnchorMessages() {
    }

    /**
     * The update a message carries for a record, if any.
     *
     * @param type the message's {@code ce_type}, null when absent
     * @param data the message value
     * @throws IllegalArgumentException when an anchor event's data is malformed
     */
    public static Optional<AnchorUpdate> read(String type, String data) {
        boolean packed = EventTypes.ANCHOR_PACKED.equals(type);
        if (!packed && !EventTypes.ANCHOR_CONFIRMED.equals(type)) {
            return Optional.empty();
        }
        if (!concernsRecord(loggedEventType(data))) {
            return Optional.empty();
        }
        return Optional.of(packed ? packed(EventJson.read(data, AnchorPacked.class))
                : confirmed(EventJson.read(data, AnchorConfirmed.class), data));
    }

    /** The {@code logEventType} member of the data's top-level object (null if it has none), the rest unread. */
    static String loggedEventType(String data) {
        try (JsonParser parser = JSON.createParser(present(data))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("data is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String member = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("logEventType".equals(member)) {
                    return value == JsonToken.VALUE_STRING ? parser.getText() : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            throw new IllegalArgumentException("data is not JSON: " + e.getMessage(), e);
        }
    }

    private static AnchorUpdate packed(AnchorPacked event) {
        String logEventId = eventId(event.logEventId());
        AnchorRef anchor = anchor(event.anchor(), AnchorRef.PACKED);
        // a PACKED anchor may not know its block yet (the anchor-service sends -1)
        Long blockNumber = anchor.blockNumber() < 0 ? null : anchor.blockNumber();
        return update(logEventId, AnchorStatus.PACKED, event.leafIndex(), anchor, blockNumber, null);
    }

    private static AnchorUpdate confirmed(AnchorConfirmed event, String data) {
        String logEventId = eventId(event.logEventId());
        AnchorRef anchor = anchor(event.anchor(), AnchorRef.IRREVERSIBLE);
        base64("leafData", event.leafData());
        event.auditPath().forEach(node -> base64("auditPath", node));
        required("checkpoint", event.checkpoint());
        if (anchor.blockNumber() < 0) {
            throw new IllegalArgumentException("anchor.blockNumber is negative in a final anchor");
        }
        return update(logEventId, AnchorStatus.IRREVERSIBLE, event.leafIndex(), anchor, anchor.blockNumber(), data);
    }

    private static boolean concernsRecord(String logEventType) {
        return EventTypes.RECORD_STORED.equals(required("logEventType", logEventType));
    }

    private static AnchorUpdate update(String logEventId, AnchorStatus status, long leafIndex, AnchorRef anchor,
            Long blockNumber, String confirmation) {
        if (leafIndex < 0) {
            throw new IllegalArgumentException("leafIndex is negative");
        }
        return new AnchorUpdate(logEventId, status, leafIndex, anchor.chainId(), anchor.contract(), anchor.txHash(),
                blockNumber, confirmation);
    }

    private static AnchorRef anchor(AnchorRef anchor, String expectedStatus) {
        if (anchor == null) {
            throw new IllegalArgumentException("anchor is missing");
        }
        if (!expectedStatus.equals(anchor.status())) {
            throw new IllegalArgumentException("anchor.status is " + anchor.status() + ", expected " + expectedStatus);
        }
        matching("anchor.txHash", anchor.txHash(), TX_HASH);
        matching("anchor.contract", anchor.contract(), CONTRACT);
        if (anchor.chainId() <= 0) {
            throw new IllegalArgumentException("anchor.chainId is not positive");
        }
        return anchor;
    }

    private static String eventId(String value) {
        return matching("logEventId", value, EVENT_ID);
    }

    private static String matching(String field, String value, Pattern pattern) {
        if (!pattern.matcher(required(field, value)).matches()) {
            throw new IllegalArgumentException(field + " is not of the expected form");
        }
        return value;
    }

    private static void base64(String field, String value) {
        try {
            Base64.getDecoder().decode(required(field, value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not base64", e);
        }
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    private static String present(String data) {
        return required("data", data);
    }
}
