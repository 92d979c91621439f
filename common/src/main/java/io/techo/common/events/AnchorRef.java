package io.techo.common.events;

/**
 * Where a checkpoint was anchored: one IOST transaction calling {@code anchor(origin, size, rootHex, prevSize)} on the
 * anchor contract.
 *
 * @param chainId the IOST chain id (1020 on the local devnet, 1024 on mainnet)
 * @param contract the anchor contract id
 * @param txHash base58 hash of the IOST transaction
 * @param blockNumber the block that holds it; -1 while PACKED (an IOST node names the block only once it is irreversible)
 * @param status {@code PACKED} or {@code IRREVERSIBLE}
 * @param origin the log's origin line, as anchored
 * @param size the anchored tree size
 * @param rootHex the anchored root, lowercase hex
 * @param prevSize the size anchored before this one (0 for the first anchor)
 */
public record AnchorRef(int chainId, String contract, String txHash, long blockNumber, String status, String origin,
        long size, String rootHex, long prevSize) {

    public static final String PACKED = "PACKED";
    public static final String IRREVERSIBLE = "IRREVERSIBLE";
}
