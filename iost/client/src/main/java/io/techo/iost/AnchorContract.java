package io.techo.iost;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The anchor contract's call and storage layout ({@code iost/contract/anchor.js}). Storage: map {@code last} field
 * {@link #originKey(String)} holds the last anchored size; map {@code originKey(origin)} field {@code "<size>"} holds
 * the JSON record {@code {"root","prev","tx","block"}}; map {@code origin} field {@code originKey} holds the origin.
 */
public final class AnchorContract {
    public static final String ACTION_ANCHOR = "anchor";
    public static final String LAST_SIZE_KEY = "last";
    public static final String ORIGIN_KEY = "origin";
    private static final Pattern ROOT_HEX = Pattern.compile("[0-9a-f]{64}");

    private AnchorContract() {
    }

    /** {@code anchor(origin, size, rootHex, prevSize)}: sizes are JSON numbers, the root 64 lowercase hex chars. */
    public static Action anchor(String contractId, String origin, long size, String rootHex, long prevSize) {
        if (!ROOT_HEX.matcher(rootHex).matches()) {
            throw new IllegalArgumentException("root must be 64 lowercase hex characters");
        }
        ArrayNode args = JsonNodeFactory.instance.arrayNode().add(origin).add(size).add(rootHex).add(prevSize);
        return new Action(contractId, ACTION_ANCHOR, args.toString());
    }

    /**
     * The storage key of an origin: {@code IOSTCrypto.sha3(origin)}, base58 of SHA3-256 of its UTF-8 bytes (origins
     * may hold characters storage keys cannot: {@code -}, {@code @}, more than 64 chars).
     */
    public static String originKey(String origin) {
        return Base58.encode(Hashes.sha3(origin.getBytes(StandardCharsets.UTF_8)));
    }
}
