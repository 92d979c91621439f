package io.techo.iost.rpc;

/** {@code POST /sendTx}: the base58 tx hash; {@code pre_tx_receipt} only when the node runs with {@code rpc.trytx}. */
public record SendTxResponse(String hash, TxReceipt preTxReceipt) {
}
