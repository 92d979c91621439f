package io.techo.iost.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.techo.iost.AnchorContract;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The devnet's Java execution of the anchor contract gives what anchor.js gives: iost/contract/test/conformance.json. */
class AnchorConformanceTest {

    /** A host like the node's: storage as {@code key} / {@code key-field}, receipts, auth from the step. */
    static final class MapHost implements ContractHost {
        final Map<String, String> data = new HashMap<>();
        final List<String> receipts = new ArrayList<>();
        Set<String> auth = Set.of();
        String txHash = "FakeTxHash";
        long block = 1;
        final String owner;

        MapHost(String owner) {
            this.owner = owner;
        }

        public String get(String key) {
            return data.get(key);
        }

        public void put(String key, String value) {
            data.put(key, value);
        }

        public String mapGet(String key, String field) {
            return data.get(key + "-" + field);
        }

        public void mapPut(String key, String field, String value) {
            data.put(key + "-" + field, value);
        }

        public boolean requireAuth(String account, String permission) {
            return "active".equals(permission) && auth.contains(account);
        }

        public String contractOwner() {
            return owner;
        }

        public void receipt(String content) {
            receipts.add(content);
        }

        public String txHash() {
            return txHash;
        }

        public long blockNumber() {
            return block;
        }
    }

    @Test
    void everyConformanceStepGivesTheSameResultAsTheJavaScriptContract() throws Exception {
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream("/contract/conformance.json")) {
            cases = new ObjectMapper().readTree(in);
        }
        AnchorContractVm vm = new AnchorContractVm();
        MapHost host = new MapHost(cases.get("owner").asText());
        int i = 0;
        for (JsonNode step : cases.get("steps")) {
            String label = "step " + i++ + ": " + step.get("action").asText() + step.get("args");
            Set<String> auth = new HashSet<>();
            step.get("auth").forEach(a -> auth.add(a.asText()));
            host.auth = auth;
            host.txHash = step.path("tx_hash").asText("FakeTxHash");
            host.block = step.path("block").asLong(1);
            List<JsonNode> args = new ArrayList<>();
            step.get("args").forEach(args::add);
            Map<String, String> before = new HashMap<>(host.data);
            int receiptsBefore = host.receipts.size();
            JsonNode expect = step.get("expect");
            if (expect.has("error")) {
                ContractError e = catchThrowableOfType(ContractError.class,
                        () -> vm.call(host, step.get("action").asText(), args));
                assertThat(e).as(label).isNotNull();
                assertThat(e.getMessage()).as(label).isEqualTo(expect.get("error").asText());
                host.data.clear();
                host.data.putAll(before);
                assertThat(host.receipts).as(label).hasSize(receiptsBefore);
            } else {
                JsonNode ret = vm.call(host, step.get("action").asText(), args);
                List<String> expected = new ArrayList<>();
                expect.path("receipts").forEach(r -> expected.add(r.asText()));
                assertThat(host.receipts.subList(receiptsBefore, host.receipts.size())).as(label).isEqualTo(expected);
                if (expect.has("return")) {
                    assertThat(String.valueOf(ret)).as(label).isEqualTo(expect.get("return").toString());
                }
            }
        }
        for (JsonNode r : cases.get("stored_records")) {
            assertThat(host.data.get(AnchorContract.originKey(r.get("origin").asText()) + "-" + r.get("size").asLong()))
                    .isEqualTo(r.get("value").asText());
        }
    }
}
