package io.techo.record.anchor;

import io.techo.record.domain.AnchorStatus;

/**
 * What one anchor event says about one logged event, validated and ready to store.
 *
 * @param logEventId the CloudEvent id of the logged event (a record's stored-event id, if it is about a record)
 * @param status PACKED or IRREVERSIBLE
 * @param blockNumber the block holding the anchor transaction; null when a PACKED event does not name it
 * @param confirmation the {@code techo.anchor.confirmed} data verbatim when IRREVERSIBLE, else null
 */
public record AnchorUpdate(String logEventId, AnchorStatus status, long leafIndex, int chainId, String contract,
        String txHash, Long blockNumber, String confirmation) {

    /** Of two updates for the same logged event in arrival order, the later one, unless it would move the state back. */
    public static AnchorUpdate furthest(AnchorUpdate earlier, AnchorUpdate later) {
        return earlier.status.isStrongerThan(later.status) ? earlier : later;
    }
}
