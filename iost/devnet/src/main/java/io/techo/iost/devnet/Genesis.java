package io.techo.iost.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.techo.iost.Base58;
import io.techo.iost.Hashes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chain's starting state: chain id, accounts with their keys, deployed contracts. Its hash identifies the chain,
 * so a data directory is never replayed under a different genesis.
 */
record Genesis(int chainId, String netName, String protocolVersion, String witness, Map<String, AccountSpec> accounts,
               Map<String, ContractSpec> contracts, String hash) {

    /** An account as {@code auth.iost signUp} creates it: each key weight 100, threshold 100. */
    /** An account at genesis: its keys, gas, IOST balance and RAM quota (bytes). */
    record AccountSpec(String name, List<String> active, List<String> owner, double gas, double balance, long ram) {
    }

    record ContractSpec(String id, String implementation, String owner, Map<String, String> storage) {
    }

    static Genesis load(Path file) {
        try {
            if (file == null) {
                try (InputStream in = Genesis.class.getResourceAsStream("/genesis.json")) {
                    return parse(new ObjectMapper().readTree(in));
                }
            }
            return parse(new ObjectMapper().readTree(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read genesis " + (file == null ? "(bundled)" : file) + ": " + e.getMessage(), e);
        }
    }

    static Genesis parse(JsonNode g) throws IOException {
        Map<String, AccountSpec> accounts = new LinkedHashMap<>();
        for (JsonNode a : g.path("accounts")) {
            String name = a.path("name").asText();
            if (!name.matches("[a-z0-9_]{5,11}")) {
                throw new IllegalArgumentException("genesis: invalid account name " + name);
            }
            accounts.put(name, new AccountSpec(name, keyIds(a.path("active"), name), keyIds(a.path("owner"), name),
                    a.path("gas").asDouble(100_000_000), a.path("balance").asDouble(0), a.path("ram").asLong(1_000_000)));
        }
        Map<String, ContractSpec> contracts = new LinkedHashMap<>();
        for (JsonNode c : g.path("contracts")) {
            Map<String, String> storage = new LinkedHashMap<>();
            c.path("storage").fields().forEachRemaining(e -> storage.put(e.getKey(), e.getValue().asText()));
            String id = c.path("id").asText();
            if (!id.startsWith("Contract")) {
                throw new IllegalArgumentException("genesis: contract id must start with 'Contract': " + id);
            }
            if (!"techo-anchor".equals(c.path("implementation").asText())) {
                throw new IllegalArgumentException("genesis: unknown contract implementation " + c.path("implementation"));
            }
            contracts.put(id, new ContractSpec(id, c.path("implementation").asText(), c.path("owner").asText(), storage));
        }
        byte[] canonical = new ObjectMapper().writeValueAsBytes(g);
        return new Genesis(g.path("chain_id").asInt(1020), g.path("net_name").asText("techo-devnet"),
                g.path("protocol_version").asText("1.0"), g.path("witness").asText("producer001"), accounts, contracts,
                Base58.encode(Hashes.sha3(canonical)));
    }

    private static List<String> keyIds(JsonNode ids, String account) {
        List<String> out = new ArrayList<>();
        for (JsonNode id : ids) {
            byte[] pub = Base58.decode(id.asText());
            if (pub.length != 32 && pub.length != 33) {
                throw new IllegalArgumentException("genesis: key " + id.asText() + " of " + account + " is not a 32/33-byte public key");
            }
            out.add(id.asText());
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("genesis: account " + account + " needs at least one key per permission");
        }
        return out;
    }
}
