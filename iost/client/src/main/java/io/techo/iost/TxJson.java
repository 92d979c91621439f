package io.techo.iost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@code /sendTx} body ({@code rpc.proto TransactionRequest}). Writing uses the proto (snake_case) names in the
 * node's field order; reading accepts what protojson accepts: proto or lowerCamel names, int64 as number or string,
 * enums as name or number, standard or URL-safe base64 with or without padding, unknown fields ignored.
 */
public final class TxJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private TxJson() {
    }

    public static ObjectNode toRequest(Transaction tx) {
        ObjectNode o = F.objectNode();
        o.put("time", tx.time());
        o.put("expiration", tx.expiration());
        o.set("gas_ratio", gasNode(tx.gasRatio()));
        o.set("gas_limit", gasNode(tx.gasLimit()));
        o.put("delay", tx.delay());
        o.put("chain_id", tx.chainId());
        ArrayNode actions = o.putArray("actions");
        tx.actions().forEach(a -> actions.addObject()
                .put("contract", a.contract()).put("action_name", a.actionName()).put("data", a.data()));
        ArrayNode limits = o.putArray("amount_limit");
        tx.amountLimits().forEach(l -> limits.addObject().put("token", l.token()).put("value", l.value()));
        ArrayNode signers = o.putArray("signers");
        tx.signers().forEach(signers::add);
        o.set("signatures", signaturesNode(tx.signatures()));
        o.put("publisher", tx.publisher());
        o.set("publisher_sigs", signaturesNode(tx.publisherSigs()));
        return o;
    }

    /** Integral gas values print as integers, as iost.js and the node's own examples send them. */
    private static JsonNode gasNode(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? F.numberNode((long) v) : F.numberNode(v);
    }

    private static ArrayNode signaturesNode(Iterable<Signature> sigs) {
        ArrayNode arr = F.arrayNode();
        Base64.Encoder b64 = Base64.getEncoder();
        for (Signature s : sigs) {
            arr.addObject()
                    .put("algorithm", s.algorithm().name())
                    .put("public_key", b64.encodeToString(s.publicKey()))
                    .put("signature", b64.encodeToString(s.signature()));
        }
        return arr;
    }

    /**
     * Reads a TransactionRequest.
     *
     * @throws IllegalArgumentException with a protojson-like message when a field has the wrong type or encoding
     */
    public static Transaction fromRequest(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("TransactionRequest must be a JSON object");
        }
        Transaction.Builder b = Transaction.builder();
        b.gasRatio(0).gasLimit(0);
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode v = f.getValue();
            if (v.isNull()) {
                continue;
            }
            switch (f.getKey()) {
                case "time" -> b.time(int64(v, "time"));
                case "expiration" -> b.expiration(int64(v, "expiration"));
                case "gas_ratio", "gasRatio" -> b.gasRatio(dbl(v, "gas_ratio"));
                case "gas_limit", "gasLimit" -> b.gasLimit(dbl(v, "gas_limit"));
                case "delay" -> b.delay(int64(v, "delay"));
                case "chain_id", "chainId" -> b.chainId(uint32(v, "chain_id"));
                case "actions" -> each(v, "actions", a -> b.action(new Action(
                        str(a, "contract"), str(a, "action_name", "actionName"), str(a, "data"))));
                case "amount_limit", "amountLimit" -> each(v, "amount_limit", a -> b.amountLimit(
                        new AmountLimit(str(a, "token"), str(a, "value"))));
                case "signers" -> each(v, "signers", s -> b.signer(text(s, "signers")));
                case "signatures" -> each(v, "signatures", s -> b.signature(signature(s)));
                case "publisher" -> b.publisher(text(v, "publisher"));
                case "publisher_sigs", "publisherSigs" -> each(v, "publisher_sigs", s -> b.publisherSig(signature(s)));
                default -> {
                    // protojson with DiscardUnknown: unknown fields (iost.js sends "reserved") are ignored
                }
            }
        }
        return b.build();
    }

    private static void each(JsonNode v, String name, Consumer<JsonNode> item) {
        if (!v.isArray()) {
            throw new IllegalArgumentException("invalid value for repeated field " + name + ": " + abbreviate(v));
        }
        v.forEach(element -> {
            if (element.isNull()) {
                throw new IllegalArgumentException("null element in repeated field " + name);
            }
            item.accept(element);
        });
    }

    private static Signature signature(JsonNode s) {
        if (!s.isObject()) {
            throw new IllegalArgumentException("invalid value for message Signature: " + abbreviate(s));
        }
        JsonNode alg = s.get("algorithm");
        if (alg == null || alg.isNull()) {
            throw new IllegalArgumentException("signature algorithm is required");
        }
        Algorithm algorithm;
        if (alg.isTextual() || alg.isIntegralNumber()) {
            algorithm = Algorithm.fromJson(alg.asText());
        } else {
            throw new IllegalArgumentException("invalid value for enum Signature.Algorithm: " + abbreviate(alg));
        }
        return new Signature(algorithm, base64(s, "signature", "signature"), base64(s, "public_key", "publicKey"));
    }

    private static byte[] base64(JsonNode parent, String protoName, String jsonName) {
        JsonNode v = parent.has(protoName) ? parent.get(protoName) : parent.get(jsonName);
        if (v == null || v.isNull()) {
            return new byte[0];
        }
        String text = text(v, protoName);
        try {
            return (text.indexOf('-') >= 0 || text.indexOf('_') >= 0 ? Base64.getUrlDecoder() : Base64.getDecoder())
                    .decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid value for bytes field " + protoName + ": bad base64");
        }
    }

    private static String str(JsonNode parent, String protoName) {
        return str(parent, protoName, protoName);
    }

    private static String str(JsonNode parent, String protoName, String jsonName) {
        if (!parent.isObject()) {
            throw new IllegalArgumentException("expected an object, got " + abbreviate(parent));
        }
        JsonNode v = parent.has(protoName) ? parent.get(protoName) : parent.get(jsonName);
        return v == null || v.isNull() ? "" : text(v, protoName);
    }

    private static String text(JsonNode v, String name) {
        if (!v.isTextual()) {
            throw new IllegalArgumentException("invalid value for string field " + name + ": " + abbreviate(v));
        }
        return v.textValue();
    }

    private static long int64(JsonNode v, String name) {
        try {
            if (v.isIntegralNumber() && v.canConvertToLong()) {
                return v.longValue();
            }
            if (v.isTextual()) {
                return Long.parseLong(v.textValue().trim());
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new IllegalArgumentException("invalid value for int64 field " + name + ": " + abbreviate(v));
    }

    private static int uint32(JsonNode v, String name) {
        long n = int64(v, name);
        if (n < 0 || n > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("invalid value for uint32 field " + name + ": " + abbreviate(v));
        }
        return (int) n;
    }

    private static double dbl(JsonNode v, String name) {
        double d;
        if (v.isNumber()) {
            d = v.doubleValue();
        } else if (v.isTextual()) {
            try {
                d = Double.parseDouble(v.textValue().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid value for double field " + name + ": " + abbreviate(v));
            }
        } else {
            throw new IllegalArgumentException("invalid value for double field " + name + ": " + abbreviate(v));
        }
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("invalid value for double field " + name + ": " + abbreviate(v));
        }
        return d;
    }

    private static String abbreviate(JsonNode v) {
        String s = v.toString();
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
