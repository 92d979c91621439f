package io.techo.iost.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The contracts deployed at genesis: their ABI and source (served by /getContract) and their Java execution. */
final class Contracts {
    /** Every JS contract call costs a flat 30 000 gas (go-iost {@code JSCost}). */
    static final double JS_CALL_GAS = 30_000;

    record Deployed(String id, String owner, JsonNode abi, String code, AnchorContractVm vm) {
        /** go-iost {@code UnmarshalArgs}: the data must match the ABI entry's arity and types. */
        List<JsonNode> unmarshalArgs(String action, String data, ObjectMapper json) {
            JsonNode entry = null;
            for (JsonNode e : abi.path("abi")) {
                if (e.path("name").asText().equals(action)) {
                    entry = e;
                }
            }
            if (entry == null) {
                throw new ContractError("prepare contract: abi " + action + " not found");
            }
            JsonNode args;
            try {
                args = json.readTree(data);
            } catch (IOException e) {
                throw new ContractError("prepare contract: error in data: " + "invalid JSON" + ", " + data);
            }
            JsonNode types = entry.path("args");
            if (args.size() != types.size()) {
                throw new ContractError("prepare contract: args length unmatched to abi " + action + ". need "
                        + types.size() + ", got " + args.size());
            }
            List<JsonNode> out = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                JsonNode a = args.get(i);
                String type = types.get(i).asText();
                boolean ok = switch (type) {
                    case "string" -> a.isTextual();
                    case "bool" -> a.isBoolean();
                    case "number" -> a.isIntegralNumber() && a.canConvertToLong();
                    default -> true;
                };
                if (!ok) {
                    throw new ContractError("prepare contract: error parse " + type + " arg " + a + ", wrong type");
                }
                out.add(a);
            }
            return out;
        }
    }

    private final Map<String, Deployed> byId = new LinkedHashMap<>();

    Contracts(Genesis genesis, ObjectMapper json) {
        String code = resource("/contract/anchor.js");
        JsonNode abi;
        try {
            abi = json.readTree(resource("/contract/anchor.abi"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Genesis.ContractSpec c : genesis.contracts().values()) {
            byId.put(c.id(), new Deployed(c.id(), c.owner(), abi, code, new AnchorContractVm()));
        }
    }

    Deployed get(String id) {
        return byId.get(id);
    }

    String owner(String id) {
        Deployed d = byId.get(id);
        return d == null ? id : d.owner();
    }

    private static String resource(String name) {
        try (InputStream in = Contracts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
