package io.techo.bench;

import io.techo.iost.IostClient;
import io.techo.iost.rpc.BlockResponse;
import io.techo.iost.rpc.TxInfo;

/** Counts a log's anchor transactions in a range of the chain's blocks: the chain cost of anchoring. */
final class ChainTxs {

    private ChainTxs() {
    }

    static long head(IostClient node) {
        return node.getChainInfo().headBlock();
    }

    /** Anchor transactions of the log {@code origin} in blocks {@code fromBlock..toBlock}, both included. */
    static long anchorTxs(IostClient node, long fromBlock, long toBlock, String origin) {
        long count = 0;
        for (long n = Math.max(1, fromBlock); n <= toBlock; n++) {
            BlockResponse block = node.getBlockByNumber(n, true);
            if (block.block().transactions() == null) {
                continue;
            }
            for (TxInfo tx : block.block().transactions()) {
                if (tx.actions().stream().anyMatch(a -> "anchor".equals(a.actionName()) && a.data().startsWith("[\"" + origin + "\","))) {
                    count++;
                }
            }
        }
        return count;
    }
}
