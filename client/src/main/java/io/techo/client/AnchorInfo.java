package io.techo.client;

/**
 * How far a record's stored event is anchored on IOST.
 *
 * @param status {@code PENDING}, {@code PACKED} or {@code IRREVERSIBLE}
 */
public record AnchorInfo(String status, Long leafIndex, String txHash, Long blockNumber, Integer chainId, String contract) {

    public static final String IRREVERSIBLE = "IRREVERSIBLE";

    public boolean irreversible() {
        return IRREVERSIBLE.equals(status);
    }
}
