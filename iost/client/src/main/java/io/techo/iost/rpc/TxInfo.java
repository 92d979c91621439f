package io.techo.iost.rpc;

import io.techo.iost.Action;
import io.techo.iost.AmountLimit;
import java.util.List;

/** {@code rpc.proto Transaction}: a tx as the node returns it (no signatures), with its receipt once packed. */
public record TxInfo(
        String hash,
        @Int64 long time,
        @Int64 long expiration,
        double gasRatio,
        double gasLimit,
        @Int64 long delay,
        int chainId,
        List<Action> actions,
        List<String> signers,
        String publisher,
        String referredTx,
        List<AmountLimit> amountLimit,
        TxReceipt txReceipt) {
}
