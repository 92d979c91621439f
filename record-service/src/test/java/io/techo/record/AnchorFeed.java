package io.techo.record;

import io.techo.common.events.AnchorConfirmed;
import io.techo.common.events.AnchorPacked;
import io.techo.common.events.AnchorRef;
import io.techo.common.events.CloudEventAttributes;
import io.techo.common.events.EventJson;
import io.techo.common.events.EventTypes;
import io.techo.common.events.TechoEvent;
import io.techo.common.ids.Uuids;
import io.techo.testkit.TopicWriter;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** Plays the anchor-service: synthetic anchor events for a logged event, published on {@code techo.anchors.v1}. */
final class AnchorFeed {

    static final int CHAIN_ID = 1020;
    static final String CONTRACT = "ContractAnchorTechoTest";
    private static final String SOURCE = "/techo/anchor-service";
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AnchorFeed() {
    }

    /** Where a logged event is, in a made-up log and a made-up IOST transaction. */
    record Anchoring(String logEventId, String logEventType, String subject, String ownerId, long leafIndex) {

        AnchorPacked packed(String txHash, long blockNumber) {
            return new AnchorPacked(logEventId, logEventType, subject, ownerId, leafIndex, ref(AnchorRef.PACKED, txHash, blockNumber));
        }

        AnchorConfirmed confirmed(String txHash, long blockNumber) {
            return new AnchorConfirmed(logEventId, logEventType, subject, ownerId, leafIndex, base64(80), null,
                    List.of(base64(32), base64(32)), "techo.test/log\n" + (leafIndex + 1) + "\n" + base64(32) + "\n\n— techo " + base64(72) + "\n",
                    ref(AnchorRef.IRREVERSIBLE, txHash, blockNumber));
        }

        private AnchorRef ref(String status, String txHash, long blockNumber) {
            return new AnchorRef(CHAIN_ID, CONTRACT, txHash, blockNumber, status, "techo.test/log", leafIndex + 1, "ab".repeat(32), leafIndex);
        }
    }

    /** The anchoring of a record's {@code techo.record.stored} event. */
    static Anchoring ofRecord(String storedEventId, String recordId, String ownerId) {
        return new Anchoring(storedEventId, EventTypes.RECORD_STORED, recordId, ownerId, RANDOM.nextInt(1_000_000));
    }

    /** Publishes the event as the anchor-service would; returns its data exactly as sent. */
    static String publish(TechoEvent event) {
        String data = EventJson.write(event);
        publishRaw(event.ownerId(), event.type(), data);
        return data;
    }

    /** Publishes any data under an anchor event type, e.g. malformed data. */
    static void publishRaw(String key, String type, String data) {
        TopicWriter.publish(EventTypes.ANCHORS_TOPIC, key,
                new CloudEventAttributes(Uuids.v7().toString(), type, SOURCE, key, Instant.now()), data);
    }

    /** A base58 IOST transaction hash. */
    static String txHash() {
        StringBuilder hash = new StringBuilder();
        for (int i = 0; i < 44; i++) {
            hash.append(BASE58.charAt(RANDOM.nextInt(BASE58.length())));
        }
        return hash.toString();
    }

    private static String base64(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }
}
