package io.techo.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.techo.common.crypto.Hex;
import io.techo.common.events.AnchorRef;
import io.techo.common.log.Checkpoint;
import io.techo.iost.Action;
import io.techo.iost.AnchorContract;
import io.techo.iost.rpc.TxInfo;
import io.techo.iost.rpc.TxReceipt;
import io.techo.iost.rpc.TxResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Check (f): the anchoring transaction is final and successful on chain, calls the anchor contract with exactly this
 * checkpoint's values, and the contract's receipt records exactly them. The tx hash
 * is not recomputed: a node's {@code getTxByHash} answer omits the signatures the hash covers, so a bundle's JSON is
 * trusted as far as the node it came from.
 */
final class AnchorTxCheck {

    static final String NAME = "chain";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AnchorTxCheck() {
    }

    static CheckResult check(AnchorRef anchor, Checkpoint checkpoint, ChainData data) {
        TxResponse response = data.tx();
        TxInfo tx = response == null ? null : response.transaction();
        if (tx == null) {
            return CheckResult.fail(NAME, "the chain data from " + data.source() + " holds no transaction");
        }
        List<String> problems = new ArrayList<>();
        if (!anchor.txHash().equals(tx.hash())) {
            problems.add("the chain data is about tx " + tx.hash() + ", the confirmation names " + anchor.txHash());
        }
        if (response.status() != TxResponse.Status.IRREVERSIBLE) {
            problems.add("the tx is " + response.status() + ", not IRREVERSIBLE");
        } else if (response.blockNumber() != anchor.blockNumber()) {
            problems.add("the tx is in block " + response.blockNumber() + ", the confirmation says " + anchor.blockNumber());
        }
        receiptProblem(anchor, data.receipt()).ifPresent(problems::add);
        if (tx.chainId() != anchor.chainId()) {
            problems.add("the tx is for chain " + tx.chainId() + ", the confirmation says " + anchor.chainId());
        }
        problems.addAll(actionProblems(anchor, checkpoint, tx.actions()));
        if (data.receipt() != null && data.receipt().succeeded()) {
            contractReceiptProblem(anchor, checkpoint, data.receipt()).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            return CheckResult.fail(NAME, String.join("; ", problems) + " (chain data from " + data.source() + ")");
        }
        return CheckResult.pass(NAME, "tx " + tx.hash() + " is IRREVERSIBLE in block " + response.blockNumber()
                + " of chain " + tx.chainId() + " with status SUCCESS; it calls, and its receipt records, anchor(\""
                + checkpoint.origin() + "\", "
                + checkpoint.size() + ", " + Hex.encode(checkpoint.root()) + ", " + anchor.prevSize() + ") on "
                + anchor.contract() + " (chain data from " + data.source() + "; the tx hash itself is not recomputed)");
    }

    private static Optional<String> receiptProblem(AnchorRef anchor, TxReceipt receipt) {
        if (receipt == null) {
            return Optional.of("there is no receipt (a node has one only once the tx is irreversible)");
        }
        if (!receipt.succeeded()) {
            return Optional.of("the tx failed on chain with status " + receipt.statusCode()
                    + (receipt.message() == null || receipt.message().isEmpty() ? "" : " (" + receipt.message() + ")"));
        }
        if (!anchor.txHash().equals(receipt.txHash())) {
            return Optional.of("the receipt is for tx " + receipt.txHash());
        }
        return Optional.empty();
    }

    /** The contract's own receipt, {@code {"origin","size","root","prev_size"}}: what it actually stored. */
    private static Optional<String> contractReceiptProblem(AnchorRef anchor, Checkpoint checkpoint, TxReceipt receipt) {
        String funcName = anchor.contract() + "/" + AnchorContract.ACTION_ANCHOR;
        List<TxReceipt.Receipt> receipts = receipt.receipts() == null ? List.of() : receipt.receipts().stream()
                .filter(r -> funcName.equals(r.funcName())).toList();
        if (receipts.size() != 1) {
            return Optional.of("the receipt has " + receipts.size() + " records by " + funcName + ", expected one");
        }
        JsonNode content = parseJson(receipts.get(0).content());
        boolean matches = content != null && content.isObject() && content.size() == 4
                && isText(content.path("origin"), checkpoint.origin()) && isNumber(content.path("size"), checkpoint.size())
                && isText(content.path("root"), Hex.encode(checkpoint.root()))
                && isNumber(content.path("prev_size"), anchor.prevSize());
        return matches ? Optional.empty()
                : Optional.of("the contract's receipt records " + receipts.get(0).content() + ", not this checkpoint");
    }

    private static List<String> actionProblems(AnchorRef anchor, Checkpoint checkpoint, List<Action> actions) {
        if (actions == null || actions.size() != 1) {
            return List.of("the tx must make exactly one call, it makes " + (actions == null ? 0 : actions.size()));
        }
        Action action = actions.get(0);
        List<String> problems = new ArrayList<>();
        if (!anchor.contract().equals(action.contract())) {
            problems.add("the tx calls contract " + action.contract() + ", the confirmation names " + anchor.contract());
        }
        if (!AnchorContract.ACTION_ANCHOR.equals(action.actionName())) {
            problems.add("the tx calls " + action.actionName() + ", not anchor");
        }
        JsonNode args = parseJson(action.data());
        String rootHex = Hex.encode(checkpoint.root());
        if (args == null || !args.isArray() || args.size() != 4) {
            problems.add("the call's arguments are not [origin, size, rootHex, prevSize]: " + action.data());
        } else if (!isText(args.get(0), checkpoint.origin()) || !isNumber(args.get(1), checkpoint.size())
                || !isText(args.get(2), rootHex) || !isNumber(args.get(3), anchor.prevSize())) {
            problems.add("the call anchors " + action.data() + ", the checkpoint and confirmation say [\""
                    + checkpoint.origin() + "\"," + checkpoint.size() + ",\"" + rootHex + "\"," + anchor.prevSize() + "]");
        }
        return problems;
    }

    private static JsonNode parseJson(String json) {
        try {
            return json == null ? null : JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isText(JsonNode node, String expected) {
        return node.isTextual() && node.textValue().equals(expected);
    }

    private static boolean isNumber(JsonNode node, long expected) {
        return node.isIntegralNumber() && node.canConvertToLong() && node.longValue() == expected;
    }
}
