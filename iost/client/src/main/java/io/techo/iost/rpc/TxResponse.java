package io.techo.iost.rpc;

/** {@code GET /getTxByHash/{hash}}; {@code block_number} is -1 unless the tx is IRREVERSIBLE. */
public record TxResponse(Status status, TxInfo transaction, @Int64 long blockNumber) {
    public enum Status { PENDING, PACKED, IRREVERSIBLE }
}
