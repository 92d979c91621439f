package io.techo.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.techo.iost.rpc.RpcJson;
import io.techo.iost.rpc.TxReceipt;
import io.techo.iost.rpc.TxResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file holding an IOST node's answers about one transaction, {@code {"tx": <getTxByHash>, "receipt":
 * <getTxReceiptByTxHash>}}, in the node's JSON shapes, so an auditor can verify later without a node. A bundle is only
 * as trustworthy as the node it came from: the verifier cannot recompute the tx hash from it (see README).
 */
public final class ChainBundle {

    private static final ObjectMapper JSON = RpcJson.mapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ChainBundle() {
    }

    /** Writes the bundle file. */
    public static void write(ChainData data, Path file) {
        ObjectNode bundle = JSON.createObjectNode();
        bundle.set("tx", JSON.valueToTree(data.tx()));
        bundle.set("receipt", data.receipt() == null ? null : JSON.valueToTree(data.receipt()));
        try {
            Files.writeString(file, bundle.toPrettyString() + "\n");
        } catch (IOException e) {
            throw new ChainDataException("cannot write the chain data to " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a bundle file.
     *
     * @throws ChainDataException when it is unreadable or not a bundle
     */
    public static ChainData read(Path file) {
        JsonNode bundle;
        try {
            bundle = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new ChainDataException("cannot read the chain data file " + file + ": " + e.getMessage(), e);
        }
        if (bundle == null || !bundle.isObject() || !bundle.path("tx").isObject()) {
            throw new ChainDataException("the chain data file " + file + " is not {\"tx\": …, \"receipt\": …}", null);
        }
        try {
            TxResponse tx = JSON.treeToValue(bundle.get("tx"), TxResponse.class);
            JsonNode receipt = bundle.get("receipt");
            return new ChainData(tx, receipt == null || receipt.isNull() ? null : JSON.treeToValue(receipt, TxReceipt.class),
                    file.toString());
        } catch (IOException e) {
            throw new ChainDataException("the chain data file " + file + " does not hold a node's answers: " + e.getMessage(), e);
        }
    }
}
