package io.techo.iost.rpc;

import java.util.List;

/** {@code GET /getBlockByNumber/{number}/{complete}}. */
public record BlockResponse(Status status, Block block) {
    public enum Status { PENDING, IRREVERSIBLE }

    /** {@code rpc.proto Block}; {@code transactions} is filled only when {@code complete} was asked. */
    public record Block(
            String hash,
            @Int64 long version,
            String parentHash,
            String txMerkleHash,
            String txReceiptMerkleHash,
            @Int64 long number,
            String witness,
            @Int64 long time,
            double gasUsage,
            @Int64 long txCount,
            Info info,
            String origInfo,
            List<TxInfo> transactions) {
    }

    public record Info(int mode, int thread, List<Integer> batchIndex) {
    }
}
