package io.techo.verify;

import io.techo.iost.IostClient;
import io.techo.iost.IostRejectedException;
import io.techo.iost.rpc.TxReceipt;
import io.techo.iost.rpc.TxResponse;
import java.nio.file.Path;

/** Where the verifier gets the anchoring transaction from: any IOST node, or a bundle exported earlier. */
@FunctionalInterface
public interface ChainSource {

    /**
     * The node's data about a transaction.
     *
     * @throws ChainDataException when it cannot be had (node unreachable, unknown tx, unreadable bundle)
     */
    ChainData load(String txHash);

    /** Asks a node (any node of the chain: the auditor need not trust Techo's). */
    static ChainSource node(IostClient client) {
        return txHash -> {
            TxResponse tx;
            try {
                tx = client.getTxByHash(txHash);
            } catch (RuntimeException e) {
                throw new ChainDataException("the node at " + client.endpoint() + " gave no transaction " + txHash + ": "
                        + e.getMessage(), e);
            }
            TxReceipt receipt = null;
            try {
                receipt = client.getTxReceiptByTxHash(txHash);
            } catch (IostRejectedException e) {
                if (e.reason() != IostRejectedException.Reason.NOT_FOUND) {
                    throw new ChainDataException("the node refused the receipt of " + txHash + ": " + e.getMessage(), e);
                }
            } catch (RuntimeException e) {
                throw new ChainDataException("the node gave no receipt for " + txHash + ": " + e.getMessage(), e);
            }
            return new ChainData(tx, receipt, client.endpoint().toString());
        };
    }

    /** Reads a bundle written by {@link ChainBundle#write}; the tx hash must be the bundle's. */
    static ChainSource bundle(Path file) {
        return txHash -> ChainBundle.read(file);
    }
}
