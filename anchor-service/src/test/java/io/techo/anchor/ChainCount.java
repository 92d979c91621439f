package io.techo.anchor;

import io.techo.iost.IostClient;
import io.techo.iost.rpc.BlockResponse;
import io.techo.iost.rpc.TxInfo;

/** Counts anchor transactions on the devnet by reading its blocks, as anyone with the node's API could. */
final class ChainCount {

    private ChainCount() {
    }

    /**
     * Anchor contract calls for this origin in blocks after {@code fromBlock} up to the head; only those that ran
     * with status SUCCESS if {@code successfulOnly}.
     */
    static long anchorTxs(IostClient node, long fromBlock, long toBlock, String origin, boolean successfulOnly) {
        long count = 0;
        for (long n = fromBlock + 1; n <= toBlock; n++) {
            BlockResponse block = node.getBlockByNumber(n, true);
            if (block.block().transactions() == null) {
                continue;
            }
            for (TxInfo tx : block.block().transactions()) {
                boolean anchors = tx.actions().stream().anyMatch(a -> "anchor".equals(a.actionName())
                        && a.data().startsWith("[\"" + origin + "\","));
                if (anchors && (!successfulOnly || node.getTxReceiptByTxHash(tx.hash()).succeeded())) {
                    count++;
                }
            }
        }
        return count;
    }
}
