package io.techo.common.events;

import io.techo.common.crypto.Hex;
import io.techo.common.log.MerkleHashes;
import java.util.Base64;
import java.util.List;

/**
 * One logged event is final: its leaf is in a checkpoint whose IOST anchor is IRREVERSIBLE with status SUCCESS.
 * Self-contained: with the committed object (or its hash), the pinned log key and any IOST node's data, an auditor
 * verifies it without asking Techo anything. Published once per logged event on {@code techo.anchors.v1}.
 *
 * @param logEventId the CloudEvent id of the logged event
 * @param logEventType its CloudEvent type, e.g. {@code techo.record.stored}
 * @param subject its subject (record id, grant id …)
 * @param ownerId the patient it concerns (the Kafka key)
 * @param leafIndex the leaf's index in the log
 * @param leafData base64 of the leaf data (docs/protocol.md, "Log leaves"); the leaf hash is SHA-256(0x00 ‖ leafData)
 * @param object base64 of the canonical bytes of the committed object when the log knows them (a record's signed
 *     header), else null; its SHA-256 is the leaf's {@code objectSha256}
 * @param auditPath base64 RFC 9162 inclusion proof of the leaf in the checkpoint's tree
 * @param checkpoint the C2SP signed note of the anchored checkpoint
 * @param anchor the IOST transaction that anchored the checkpoint
 */
public record AnchorConfirmed(String logEventId, String logEventType, String subject, String ownerId, long leafIndex,
        String leafData, String object, List<String> auditPath, String checkpoint, AnchorRef anchor)
        implements TechoEvent {

    public AnchorConfirmed {
        auditPath = List.copyOf(auditPath);
    }

    @Override
    public String type() {
        return EventTypes.ANCHOR_CONFIRMED;
    }

    /** The leaf hash, lowercase hex: what this confirmation proves included. */
    @Override
    public String objectSha256() {
        return Hex.encode(MerkleHashes.leafHash(Base64.getDecoder().decode(leafData)));
    }
}
