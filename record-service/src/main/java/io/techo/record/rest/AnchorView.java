package io.techo.record.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How far a record's stored event is anchored on IOST: {@code PENDING}, {@code PACKED} or {@code IRREVERSIBLE} (then
 * {@code GET /api/v1/records/{id}/proof} returns the proof). Fields stay absent while unknown.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnchorView(
        String status,
        Long leafIndex,
        String txHash,
        Long blockNumber,
        Integer chainId,
        String contract) {
}
