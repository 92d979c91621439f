package io.techo.anchor.anchor;

import java.time.Instant;

/**
 * A checkpoint and its anchor as stored.
 *
 * @param confirmedThrough leaves [prevSize, confirmedThrough) have their confirmation published
 * @param finalAt when the anchor was seen IRREVERSIBLE (or FAILED); null before
 */
public record CheckpointRow(long id, long size, byte[] root, long prevSize, String note, CheckpointState state, int chainId,
        String txHash, String txBody, Instant txExpiresAt, int txSignings, long blockNumber, long confirmedThrough,
        Instant createdAt, Instant sentAt, Instant finalAt) {

    public boolean fullyConfirmed() {
        return confirmedThrough >= size;
    }
}
