package io.techo.verify;

import io.techo.iost.rpc.TxReceipt;
import io.techo.iost.rpc.TxResponse;

/**
 * What an IOST node says about the anchoring transaction.
 *
 * @param tx the node's {@code getTxByHash} answer
 * @param receipt the node's {@code getTxReceiptByTxHash} answer; null when the node has none (not yet irreversible)
 * @param source where the data came from, for the report (a node URL or a bundle file)
 */
public record ChainData(TxResponse tx, TxReceipt receipt, String source) {
}
