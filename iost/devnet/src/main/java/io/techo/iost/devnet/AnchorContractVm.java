package io.techo.iost.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.techo.iost.AnchorContract;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The devnet's execution of {@code iost/contract/anchor.js}: the same checks in the same order, the same messages,
 * storage layout and receipts. Both are held to {@code iost/contract/test/conformance.json}.
 */
final class AnchorContractVm {
    private static final Pattern ROOT_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern ORIGIN = Pattern.compile("[\\x20-\\x7e]{1,256}");
    private static final Pattern ACCOUNT = Pattern.compile("[a-z0-9_]{5,11}");
    private static final long MAX_SIZE = 9007199254740991L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Runs one ABI call; args are already checked against the ABI types. Returns the method's return value or null. */
    JsonNode call(ContractHost h, String action, List<JsonNode> args) {
        return switch (action) {
            case "init" -> null;
            case "can_update" -> F.booleanNode(h.requireAuth(h.contractOwner(), "active"));
            case "set_writer" -> setWriter(h, args.get(0));
            case "anchor" -> anchor(h, args.get(0), args.get(1), args.get(2), args.get(3));
            case "last_size" -> {
                String origin = requireOrigin(args.get(0));
                yield F.numberNode(lastSize(h, AnchorContract.originKey(origin)));
            }
            case "root_at" -> rootAt(h, args.get(0), args.get(1));
            default -> throw new ContractError("anchor: unknown action " + action);
        };
    }

    private JsonNode setWriter(ContractHost h, JsonNode account) {
        if (!h.requireAuth(h.contractOwner(), "active")) {
            throw new ContractError("anchor: only the contract owner may set the writer");
        }
        if (!account.isTextual() || !ACCOUNT.matcher(account.textValue()).matches()) {
            throw new ContractError("anchor: invalid account name " + account);
        }
        h.put("writer", account.textValue());
        h.receipt(F.objectNode().put("writer", account.textValue()).toString());
        return null;
    }

    private JsonNode anchor(ContractHost h, JsonNode originArg, JsonNode sizeArg, JsonNode rootArg, JsonNode prevArg) {
        String writer = h.get("writer");
        if (writer == null || writer.isEmpty()) {
            throw new ContractError("anchor: no anchoring account is configured");
        }
        if (!h.requireAuth(writer, "active")) {
            throw new ContractError("anchor: only " + writer + "@active may anchor");
        }
        String origin = requireOrigin(originArg);
        long size = requireSize("size", sizeArg, 1);
        if (!rootArg.isTextual() || !ROOT_HEX.matcher(rootArg.textValue()).matches()) {
            throw new ContractError("anchor: rootHex must be 64 lowercase hex characters");
        }
        String root = rootArg.textValue();
        long prevSize = requireSize("prevSize", prevArg, 0);
        String key = AnchorContract.originKey(origin);
        long last = lastSize(h, key);
        if (prevSize != last) {
            throw new ContractError("anchor: prevSize " + prevSize + " is not the last anchored size " + last);
        }
        if (size <= last) {
            throw new ContractError("anchor: size " + size + " does not grow past the last anchored size " + last);
        }
        if (last == 0) {
            h.mapPut(AnchorContract.ORIGIN_KEY, key, origin);
        }
        ObjectNode record = F.objectNode().put("root", root).put("prev", prevSize).put("tx", h.txHash())
                .put("block", h.blockNumber());
        h.mapPut(key, Long.toString(size), record.toString());
        h.mapPut(AnchorContract.LAST_SIZE_KEY, key, Long.toString(size));
        h.receipt(F.objectNode().put("origin", origin).put("size", size).put("root", root).put("prev_size", prevSize)
                .toString());
        return null;
    }

    private JsonNode rootAt(ContractHost h, JsonNode originArg, JsonNode sizeArg) {
        String origin = requireOrigin(originArg);
        long size = requireSize("size", sizeArg, 1);
        String v = h.mapGet(AnchorContract.originKey(origin), Long.toString(size));
        if (v == null || v.isEmpty()) {
            throw new ContractError("anchor: no root anchored at size " + size);
        }
        try {
            return JSON.readTree(v).get("root");
        } catch (IOException e) {
            throw new ContractError("anchor: corrupt record at size " + size);
        }
    }

    private static String requireOrigin(JsonNode origin) {
        if (!origin.isTextual() || !ORIGIN.matcher(origin.textValue()).matches()) {
            throw new ContractError("anchor: origin must be 1 to 256 printable ASCII characters");
        }
        return origin.textValue();
    }

    private static long requireSize(String name, JsonNode value, long min) {
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min || value.longValue() > MAX_SIZE) {
            throw new ContractError("anchor: " + name + " must be an integer from " + min + " to 2^53-1, got " + value);
        }
        return value.longValue();
    }

    private static long lastSize(ContractHost h, String key) {
        String v = h.mapGet(AnchorContract.LAST_SIZE_KEY, key);
        return v == null || v.isEmpty() ? 0 : Long.parseLong(v);
    }
}
