package io.techo.iost.devnet;

import static io.techo.iost.devnet.DevnetFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.techo.iost.IostClient;
import io.techo.iost.IostRejectedException;
import io.techo.iost.IostUnavailableException;
import io.techo.iost.Transaction;
import io.techo.iost.rpc.TxReceipt;
import io.techo.iost.rpc.TxResponse;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each fault, switched through the admin endpoint, and what a client sees. */
class FaultInjectionTest {
    @TempDir
    static Path dir;
    static Devnet devnet;
    static IostClient client;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startDevnet() {
        devnet = DevnetFixture.start(dir);
        client = client(devnet);
    }

    @AfterAll
    static void stop() {
        devnet.close();
    }

    @AfterEach
    void clearFaults() throws Exception {
        assertThat(admin("DELETE", null).statusCode()).isEqualTo(200);
    }

    static HttpResponse<String> admin(String method, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(devnet.uri().resolve("_devnet/faults"));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void refuseAllMakesEveryCallUnavailableButLeavesTheAdminEndpoint() throws Exception {
        admin("PUT", "{\"refuse_all\":true}");
        IostUnavailableException e = catchThrowableOfType(IostUnavailableException.class, client::getChainInfo);
        assertThat(e).isNotNull();
        assertThat(e.retryable()).isTrue();
        JsonNode faults = new ObjectMapper().readTree(admin("GET", null).body());
        assertThat(faults.get("refuse_all").asBoolean()).isTrue();
        admin("PUT", "{\"refuse_all\":false}");
        assertThat(client.getChainInfo().chainId()).isEqualTo(1020);
    }

    @Test
    void droppedTxsAreAcknowledgedButNeverSeen() throws Exception {
        admin("PUT", "{\"drop_txs\":true}");
        Transaction tx = anchor("drop.log", 1, ROOT_A, 0);
        assertThat(client.sendTx(tx).hash()).isEqualTo(tx.hashBase58());
        long head = devnet.headBlock();
        while (devnet.headBlock() < head + 5) {
            sleep(20);
        }
        IostRejectedException e = catchThrowableOfType(IostRejectedException.class, () -> client.getTxByHash(tx.hashBase58()));
        assertThat(e.reason()).isEqualTo(IostRejectedException.Reason.NOT_FOUND);
        // after the fault the same signed tx can be re-broadcast unchanged and goes through
        admin("PUT", "{\"drop_txs\":false}");
        client.sendTx(tx);
        await(client, tx.hashBase58(), TxResponse.Status.IRREVERSIBLE);
    }

    @Test
    void packDelayKeepsTxsPending() throws Exception {
        admin("PUT", "{\"pack_delay_ms\":600000}");
        Transaction tx = anchor("delay.log", 1, ROOT_A, 0);
        client.sendTx(tx);
        long head = devnet.headBlock();
        while (devnet.headBlock() < head + 3) {
            sleep(20);
        }
        TxResponse pending = client.getTxByHash(tx.hashBase58());
        assertThat(pending.status()).isEqualTo(TxResponse.Status.PENDING);
        assertThat(pending.blockNumber()).isEqualTo(-1);
        assertThat(pending.transaction().txReceipt()).isNull();
        admin("PUT", "{\"pack_delay_ms\":0}");
        await(client, tx.hashBase58(), TxResponse.Status.IRREVERSIBLE);
    }

    @Test
    void failedTxsArePackedWithTheInjectedStatusAndChangeNothing() throws Exception {
        admin("PUT", "{\"fail_txs\":\"GAS_RUN_OUT\"}");
        Transaction tx = anchor("fail.log", 1, ROOT_A, 0);
        client.sendTx(tx);
        await(client, tx.hashBase58(), TxResponse.Status.IRREVERSIBLE);
        TxReceipt r = client.getTxReceiptByTxHash(tx.hashBase58());
        assertThat(r.statusCode()).isEqualTo(TxReceipt.StatusCode.GAS_RUN_OUT);
        assertThat(r.succeeded()).isFalse();
        assertThat(client.getContractStorage(CONTRACT, "last", io.techo.iost.AnchorContract.originKey("fail.log"), true)
                .valueOrNull()).isNull();
    }

    @Test
    void heldIrreversibilityKeepsTxsPackedWithoutReceipt() throws Exception {
        admin("PUT", "{\"hold_irreversibility\":true}");
        Transaction tx = anchor("hold.log", 1, ROOT_A, 0);
        client.sendTx(tx);
        TxResponse packed = await(client, tx.hashBase58(), TxResponse.Status.PACKED);
        assertThat(packed.blockNumber()).isEqualTo(-1);
        assertThat(packed.transaction().txReceipt().succeeded()).isTrue();
        long head = devnet.headBlock();
        while (devnet.headBlock() < head + 5) {
            sleep(20);
        }
        assertThat(client.getTxByHash(tx.hashBase58()).status()).isEqualTo(TxResponse.Status.PACKED);
        IostRejectedException e = catchThrowableOfType(IostRejectedException.class,
                () -> client.getTxReceiptByTxHash(tx.hashBase58()));
        assertThat(e.reason()).isEqualTo(IostRejectedException.Reason.NOT_FOUND);
        assertThat(e.retryable()).isTrue();
        // storage read at the last irreversible block does not see it yet, the longest chain does
        String key = io.techo.iost.AnchorContract.originKey("hold.log");
        assertThat(client.getContractStorage(CONTRACT, "last", key, false).valueOrNull()).isNull();
        assertThat(client.getContractStorage(CONTRACT, "last", key, true).valueOrNull()).isEqualTo("1");

        admin("PUT", "{\"hold_irreversibility\":false}");
        assertThat(await(client, tx.hashBase58(), TxResponse.Status.IRREVERSIBLE).blockNumber()).isPositive();
        assertThat(client.getTxReceiptByTxHash(tx.hashBase58()).succeeded()).isTrue();
    }

    @Test
    void badFaultSettingsAreRefusedWithTheErrorShape() throws Exception {
        for (String body : new String[] {"{\"fail_txs\":\"NOPE\"}", "{\"pack_delay_ms\":-1}", "{\"drop_txs\":\"yes\"}",
                "not json", "[]", "{\"fail_txs\":\"SUCCESS\"}"}) {
            HttpResponse<String> r = admin("PUT", body);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            JsonNode error = new ObjectMapper().readTree(r.body());
            assertThat(error.get("code").asInt()).as(body).isEqualTo(3);
            assertThat(error.get("message").asText()).as(body).isNotBlank();
        }
    }
}
