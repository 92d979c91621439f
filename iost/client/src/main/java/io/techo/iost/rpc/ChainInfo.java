package io.techo.iost.rpc;

import java.util.List;

/** {@code GET /getChainInfo}. */
public record ChainInfo(
        String netName,
        String protocolVersion,
        int chainId,
        @Int64 long headBlock,
        String headBlockHash,
        @Int64 long libBlock,
        String libBlockHash,
        List<String> witnessList,
        List<String> libWitnessList,
        List<String> pendingWitnessList,
        @Int64 long headBlockTime,
        @Int64 long libBlockTime) {
}
