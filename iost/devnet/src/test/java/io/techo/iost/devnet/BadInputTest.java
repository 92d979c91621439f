package io.techo.iost.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** Malformed requests get HTTP 400 with the node's {code, message}; never a 5xx, never a crash. */
class BadInputTest {
    @TempDir
    static Path dir;
    static Devnet devnet;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String SIG = "{\"algorithm\":\"ED25519\",\"signature\":\"AAAA\",\"public_key\":\"AAAA\"}";

    @BeforeAll
    static void startDevnet() {
        devnet = DevnetFixture.start(dir);
    }

    @AfterAll
    static void stop() {
        devnet.close();
    }

    @ParameterizedTest(name = "{0} {1} -> code {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "POST|sendTx|{not json|3|invalid JSON",
            "POST|sendTx|[1,2]|3|must be a JSON object",
            "POST|sendTx|{\"time\":\"soon\"}|3|int64 field time",
            "POST|sendTx|{\"time\":1.5}|3|int64 field time",
            "POST|sendTx|{\"chain_id\":-1}|3|uint32 field chain_id",
            "POST|sendTx|{\"gas_limit\":\"lots\"}|3|double field gas_limit",
            "POST|sendTx|{\"actions\":{}}|3|repeated field actions",
            "POST|sendTx|{\"actions\":[{\"contract\":5}]}|3|string field contract",
            "POST|sendTx|{\"publisher_sigs\":[{\"algorithm\":\"RSA\",\"signature\":\"AAAA\"}]}|3|unknown signature algorithm",
            "POST|sendTx|{\"publisher_sigs\":[{\"algorithm\":2,\"signature\":\"!!!not base64\"}]}|3|bad base64",
            "POST|sendTx|{\"publisher\":\"techoanchor\",\"gas_limit\":100000,\"gas_ratio\":1,\"publisher_sigs\":[" + SIG + "]}|2|TimeError: tx.time is expired",
            "POST|sendTx||2|TimeError: tx.time is expired",
            "GET|getTxByHash/0OIl0OIl|~~|2|tx not found",
            "GET|getTxReceiptByTxHash/%20|~~|2|not found",
            "GET|getBlockByNumber/abc/true|~~|3|type mismatch, parameter: number",
            "GET|getBlockByNumber/1/maybe|~~|3|type mismatch, parameter: complete",
            "GET|getBlockByHash/xyz/true|~~|2|block not found",
            "GET|getAccount/nobody1/true|~~|2|account not found",
            "GET|getContract/ContractNope/true|~~|2|contract not found",
            "POST|getContractStorage|{\"id\":5}|3|string field id",
            "POST|getContractStorage|{\"id\":\"x\",\"by_longest_chain\":\"yes\"}|3|bool field by_longest_chain",
            "POST|getContractStorage|nope|3|invalid JSON",
            "GET|noSuchMethod|~~|12|Not Implemented",
            "GET|sendTx|~~|12|Not Implemented",
            "DELETE|getChainInfo|~~|12|Not Implemented",
    })
    void answers400WithTheNodesErrorShape(String method, String path, String body, int code, String messagePart) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(devnet.uri().resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode error = new ObjectMapper().readTree(r.body());
        assertThat(error.get("code").asInt()).as(r.body()).isEqualTo(code);
        assertThat(error.get("message").asText()).contains(messagePart);
        assertThat(error.size()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({"2000000"})
    void oversizedBodiesAreRefusedNotCrashed(int size) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(devnet.uri().resolve("sendTx"))
                .POST(HttpRequest.BodyPublishers.ofString("[" + "1,".repeat(size / 2) + "1]")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(r.body()).get("code").asInt()).isEqualTo(3);
        assertThat(HTTP.send(HttpRequest.newBuilder(devnet.uri().resolve("getChainInfo")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }
}
