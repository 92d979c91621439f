package io.techo.record.anchor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.techo.common.events.AnchorConfirmed;
import io.techo.common.events.AnchorPacked;
import io.techo.common.events.AnchorRef;
import io.techo.common.events.EventJson;
import io.techo.common.events.EventTypes;
import io.techo.record.domain.AnchorStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which {@code techo.anchors.v1} messages concern records, and which are malformed. */
class AnchorMessagesTest {

    private static final String EVENT_ID = "019ab5e2-7c3d-7b1e-9f00-3c4d5e6f7a8b";
    private static final String TX_HASH = "9Bc9L8faieumpShQEajoyndYG4zT6NQ8fMWE34YFSE1m";

    @Test
    void packedAndConfirmedEventsOfStoredRecordsBecomeUpdates() {
        AnchorUpdate packed = AnchorMessages.read(EventTypes.ANCHOR_PACKED, EventJson.write(packed(EventTypes.RECORD_STORED))).orElseThrow();
        assertThat(packed).isEqualTo(new AnchorUpdate(EVENT_ID, AnchorStatus.PACKED, 7, 1020, "ContractAnchor", TX_HASH, 41L, null));
        String packedInUnnamedBlock = EventJson.write(packed(EventTypes.RECORD_STORED)).replace("\"blockNumber\":41", "\"blockNumber\":-1");
        assertThat(AnchorMessages.read(EventTypes.ANCHOR_PACKED, packedInUnnamedBlock).orElseThrow().blockNumber()).isNull();

        String data = EventJson.write(confirmed(EventTypes.RECORD_STORED, "AAEC"));
        AnchorUpdate confirmed = AnchorMessages.read(EventTypes.ANCHOR_CONFIRMED, data).orElseThrow();
        assertThat(confirmed.status()).isEqualTo(AnchorStatus.IRREVERSIBLE);
        assertThat(confirmed.confirmation()).isSameAs(data);
    }

    @Test
    void otherMessagesAndOtherLoggedEventsAreIgnored() {
        assertThat(AnchorMessages.read(EventTypes.CHECKPOINT_ANCHORED, "{}")).isEmpty();
        assertThat(AnchorMessages.read(null, "not JSON")).isEmpty();
        assertThat(AnchorMessages.read(EventTypes.ANCHOR_PACKED, EventJson.write(packed(EventTypes.CONSENT_GRANTED)))).isEmpty();
        assertThat(AnchorMessages.read(EventTypes.ANCHOR_CONFIRMED, EventJson.write(confirmed(EventTypes.ACCESS_DECIDED, "AAEC")))).isEmpty();
    }

    @Test
    void theLoggedEventTypeDecidesBeforeTheRestIsRead() {
        // a confirmation of another event is ignored by its type alone, whatever the rest holds
        assertThat(AnchorMessages.read(EventTypes.ANCHOR_CONFIRMED,
                EventJson.write(confirmed(EventTypes.ACCESS_DECIDED, "not base64!")))).isEmpty();
        // the type is found wherever it stands in the object, past nested members
        String data = EventJson.write(confirmed(EventTypes.RECORD_STORED, "AAEC"));
        String typeLast = data.replace("\"logEventType\":\"" + EventTypes.RECORD_STORED + "\",", "")
                .replaceFirst("}$", ",\"logEventType\":\"" + EventTypes.RECORD_STORED + "\"}");
        assertThat(typeLast).isNotEqualTo(data).endsWith("\"logEventType\":\"" + EventTypes.RECORD_STORED + "\"}");
        assertThat(AnchorMessages.read(EventTypes.ANCHOR_CONFIRMED, typeLast).orElseThrow().status())
                .isEqualTo(AnchorStatus.IRREVERSIBLE);
        assertThat(AnchorMessages.loggedEventType("{\"anchor\":{\"logEventType\":\"x\"},\"logEventType\":\"y\"}")).isEqualTo("y");
    }

    @Test
    void malformedDataIsRefused() {
        String packed = EventJson.write(packed(EventTypes.RECORD_STORED));
        for (String data : List.of("", "{\"logEventId\":", "[]",
                packed.replace(EVENT_ID, "019AB5E2-7C3D-7B1E-9F00-3C4D5E6F7A8B"),
                packed.replace("\"PACKED\"", "\"IRREVERSIBLE\""),
                packed.replace(TX_HASH, "0x" + TX_HASH),
                packed.replace("\"ContractAnchor\"", "\"\""),
                packed.replace("\"chainId\":1020", "\"chainId\":0"),
                packed.replace("\"leafIndex\":7", "\"leafIndex\":-1"),
                packed.replace("\"logEventType\":\"" + EventTypes.RECORD_STORED + "\",", ""))) {
            assertThatThrownBy(() -> AnchorMessages.read(EventTypes.ANCHOR_PACKED, data)).as(data).isInstanceOf(IllegalArgumentException.class);
        }
        String confirmed = EventJson.write(confirmed(EventTypes.RECORD_STORED, "AAEC"));
        for (String data : List.of(confirmed.replace("\"IRREVERSIBLE\"", "\"PACKED\""),
                confirmed.replace("\"blockNumber\":41", "\"blockNumber\":-1"),
                confirmed.replace("\"leafData\":\"AAEC\"", "\"leafData\":\"not base64!\""),
                confirmed.replace("\"auditPath\":[\"AAEC\"]", "\"auditPath\":null"),
                confirmed.replace("\"checkpoint\":\"note\"", "\"checkpoint\":\" \""))) {
            assertThatThrownBy(() -> AnchorMessages.read(EventTypes.ANCHOR_CONFIRMED, data)).as(data).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> AnchorMessages.read(EventTypes.ANCHOR_CONFIRMED, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ofTwoUpdatesTheLaterWinsUnlessItWouldMoveBack() {
        AnchorUpdate packed = new AnchorUpdate(EVENT_ID, AnchorStatus.PACKED, 7, 1020, "C", TX_HASH, null, null);
        AnchorUpdate laterPacked = new AnchorUpdate(EVENT_ID, AnchorStatus.PACKED, 7, 1020, "C", TX_HASH, 42L, null);
        AnchorUpdate confirmed = new AnchorUpdate(EVENT_ID, AnchorStatus.IRREVERSIBLE, 7, 1020, "C", TX_HASH, 41L, "{}");
        assertThat(AnchorUpdate.furthest(packed, confirmed)).isSameAs(confirmed);
        assertThat(AnchorUpdate.furthest(confirmed, laterPacked)).isSameAs(confirmed);
        assertThat(AnchorUpdate.furthest(packed, laterPacked)).isSameAs(laterPacked);
    }

    private static AnchorPacked packed(String logEventType) {
        return new AnchorPacked(EVENT_ID, logEventType, "subject", "pat-1", 7, anchor(AnchorRef.PACKED));
    }

    private static AnchorConfirmed confirmed(String logEventType, String leafData) {
        return new AnchorConfirmed(EVENT_ID, logEventType, "subject", "pat-1", 7, leafData, null, List.of("AAEC"), "note",
                anchor(AnchorRef.IRREVERSIBLE));
    }

    private static AnchorRef anchor(String status) {
        return new AnchorRef(1020, "ContractAnchor", TX_HASH, 41, status, "techo.test/log", 8, "ab".repeat(32), 7);
    }
}
