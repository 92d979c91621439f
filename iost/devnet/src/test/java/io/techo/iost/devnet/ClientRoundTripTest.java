package io.techo.iost.devnet;

import static io.techo.iost.devnet.DevnetFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.techo.iost.AnchorContract;
import io.techo.iost.IostClient;
import io.techo.iost.IostRejectedException;
import io.techo.iost.IostRejectedException.Reason;
import io.techo.iost.Signature;
import io.techo.iost.Transaction;
import io.techo.iost.rpc.Account;
import io.techo.iost.rpc.BlockResponse;
import io.techo.iost.rpc.ChainInfo;
import io.techo.iost.rpc.TxReceipt;
import io.techo.iost.rpc.TxResponse;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every client call against a running devnet, and each refusal the node makes, as the client surfaces it. */
class ClientRoundTripTest {
    @TempDir
    static Path dir;
    static Devnet devnet;
    static IostClient client;

    @BeforeAll
    static void startDevnet() {
        devnet = DevnetFixture.start(dir);
        client = client(devnet);
    }

    @AfterAll
    static void stop() {
        devnet.close();
    }

    @Test
    void anchorGoesPendingToIrreversibleWithReceiptBlockAndStorage() {
        Transaction tx = anchor("roundtrip.log", 5, ROOT_A, 0);
        assertThat(client.sendTx(tx).hash()).isEqualTo(tx.hashBase58());

        TxResponse packedOrLater = await(client, tx.hashBase58(), TxResponse.Status.IRREVERSIBLE);
        assertThat(packedOrLater.blockNumber()).isPositive();
        assertThat(packedOrLater.transaction().publisher()).isEqualTo(ANCHORER);
        assertThat(packedOrLater.transaction().actions()).containsExactlyElementsOf(tx.actions());

        TxReceipt receipt = client.getTxReceiptByTxHash(tx.hashBase58());
        assertThat(receipt.succeeded()).isTrue();
        assertThat(receipt.txHash()).isEqualTo(tx.hashBase58());
        assertThat(receipt.receipts()).singleElement().satisfies(r -> {
            assertThat(r.funcName()).isEqualTo(CONTRACT + "/anchor");
            assertThat(r.content()).isEqualTo("{\"origin\":\"roundtrip.log\",\"size\":5,\"root\":\"" + ROOT_A + "\",\"prev_size\":0}");
        });
        assertThat(receipt.gasUsage()).isGreaterThan(30_000);

        BlockResponse block = client.getBlockByNumber(packedOrLater.blockNumber(), true);
        assertThat(block.status()).isEqualTo(BlockResponse.Status.IRREVERSIBLE);
        assertThat(block.block().number()).isEqualTo(packedOrLater.blockNumber());
        assertThat(block.block().transactions()).extracting(t -> t.hash()).contains(tx.hashBase58());
        assertThat(client.getBlockByNumber(packedOrLater.blockNumber(), false).block().transactions()).isEmpty();
        assertThat(client.getBlockByNumber(block.block().number() - 1, false).block().hash())
                .isEqualTo(block.block().parentHash());

        String key = AnchorContract.originKey("roundtrip.log");
        assertThat(client.getContractStorage(CONTRACT, "last", key, false).valueOrNull()).isEqualTo("5");
        assertThat(client.getContractStorage(CONTRACT, key, "5", true).valueOrNull())
                .isEqualTo("{\"root\":\"" + ROOT_A + "\",\"prev\":0,\"tx\":\"" + tx.hashBase58() + "\",\"block\":"
                        + packedOrLater.blockNumber() + "}");
        assertThat(client.getContractStorage(CONTRACT, "origin", key, true).valueOrNull()).isEqualTo("roundtrip.log");
        assertThat(client.getContractStorage(CONTRACT, "writer", null, true).valueOrNull()).isEqualTo(ANCHORER);
        assertThat(client.getContractStorage(CONTRACT, "last", "nothing", true).data()).isEqualTo("null");

        // the next anchor must name 5 as prevSize: a wrong one is packed but fails, like a contract throw on a node
        Transaction wrongPrev = anchor("roundtrip.log", 9, ROOT_B, 4);
        client.sendTx(wrongPrev);
        await(client, wrongPrev.hashBase58(), TxResponse.Status.IRREVERSIBLE);
        TxReceipt failed = client.getTxReceiptByTxHash(wrongPrev.hashBase58());
        assertThat(failed.statusCode()).isEqualTo(TxReceipt.StatusCode.RUNTIME_ERROR);
        assertThat(failed.message()).startsWith("running action Action{Contract: " + CONTRACT + ", ActionName: anchor")
                .endsWith("error: anchor: prevSize 4 is not the last anchored size 5");
        assertThat(failed.receipts()).isEmpty();
        assertThat(client.getContractStorage(CONTRACT, "last", key, true).valueOrNull()).isEqualTo("5");
    }

    @Test
    void accountsShowTheGasAndRamTheirPackedTransactionsSpent() {
        Account writerBefore = client.getAccount(ANCHORER, true);
        Account ownerBefore = client.getAccount("admin", true);
        Transaction tx = anchor("usage.log", 3, ROOT_A, 0);
        client.sendTx(tx);
        await(client, tx.hashBase58(), TxResponse.Status.IRREVERSIBLE);
        TxReceipt receipt = client.getTxReceiptByTxHash(tx.hashBase58());

        Account writer = client.getAccount(ANCHORER, true);
        Account owner = client.getAccount("admin", true);
        assertThat(writer.gasInfo().currentTotal())
                .isEqualTo(writerBefore.gasInfo().currentTotal() - receipt.gasUsage(), within(1e-6));
        assertThat(owner.ramInfo().used()).isEqualTo(ownerBefore.ramInfo().used() + receipt.ramUsage().get("admin"));
        assertThat(owner.ramInfo().available()).isEqualTo(owner.ramInfo().total() - owner.ramInfo().used());
        assertThat(receipt.ramUsage().get("admin")).isPositive();
        assertThat(writer.balance()).isZero();
    }

    @Test
    void chainInfoAccountAndRawJsonShapes() throws Exception {
        ChainInfo info = client.getChainInfo();
        assertThat(info.chainId()).isEqualTo(1020);
        assertThat(info.headBlock()).isGreaterThanOrEqualTo(info.libBlock());
        assertThat(info.headBlockHash()).isNotBlank();

        Account account = client.getAccount(ANCHORER, true);
        assertThat(account.name()).isEqualTo(ANCHORER);
        assertThat(account.permissions().get("active").items()).extracting(Account.Item::id)
                .containsExactly(ANCHOR_KEY.publicKeyId());
        assertThat(account.permissions().get("active").threshold()).isEqualTo(100);
        assertThat(account.gasInfo().currentTotal()).isGreaterThan(100_000);

        // protojson: int64 as strings, uint32 as numbers, every field present
        JsonNode raw = new ObjectMapper().readTree(HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(devnet.uri().resolve("getChainInfo")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(raw.get("head_block").isTextual()).isTrue();
        assertThat(raw.get("lib_block_time").isTextual()).isTrue();
        assertThat(raw.get("chain_id").isInt()).isTrue();
        assertThat(raw.has("pending_witness_list")).isTrue();
    }

    @Test
    void refusalsAreTheNodesAndTypedForTheCaller() {
        Transaction ok = anchor("refusals.log", 1, ROOT_A, 0);
        client.sendTx(ok);
        assertRejected(() -> client.sendTx(ok), Reason.DUPLICATE, "tx exists in");

        assertRejected(() -> client.sendTx(anchor("r", 1, ROOT_A, 0, b -> b.chainId(1024))), Reason.CHAIN_ID,
                "VerifyError invalid chain_id, should be 1020, yours:1024");
        long now = Devnet.nowNanos();
        assertRejected(() -> client.sendTx(anchor("r", 1, ROOT_A, 0, b -> b.time(now - 100_000_000_000L))),
                Reason.TIME, "TimeError: tx.time is expired");
        assertRejected(() -> client.sendTx(anchor("r", 1, ROOT_A, 0, b -> b.time(now + 60_000_000_000L).expiration(now + 100_000_000_000L))),
                Reason.TIME, "TimeError: tx.time is too large");
        assertRejected(() -> client.sendTx(anchor("r", 1, ROOT_A, 0, b -> b.expiration(now - 1))), Reason.TIME,
                "TimeError: tx.time is expired");
        assertRejected(() -> client.sendTx(anchor("r", 1, ROOT_A, 0, b -> b.delay(5))), Reason.INVALID_TX,
                "VerifyError invalid delay time");
        assertRejected(() -> client.sendTx(anchor("r", 1, ROOT_A, 0, b -> b.gasLimit(5000))), Reason.INVALID_TX,
                "VerifyError gas limit illegal, should in [6000, 4000000]");
        assertRejected(() -> client.sendTx(anchor("r", 1, ROOT_A, 0, b -> b.gasRatio(0.5))), Reason.INVALID_TX,
                "VerifyError gas ratio illegal, should in [1, 100]");
        // the gas check comes before VerifySelf, as in go-iost SendTransaction
        assertRejected(() -> client.sendTx(anchor("r", 1, ROOT_A, 0, b -> b.gasLimit(200_000_000))),
                Reason.GAS, "gas not enough: user techoanchor has 100000000 < 200000000");

        // a signature that does not verify, and one that verifies but by a key the account does not list
        Transaction signed = anchor("r", 1, ROOT_A, 0);
        Signature good = signed.publisherSigs().get(0);
        byte[] bad = good.signature();
        bad[0] ^= 1;
        Transaction tampered = signed.toBuilder().build();
        Transaction forged = rebuildWithPublisherSig(signed, new Signature(good.algorithm(), bad, good.publicKey()));
        assertRejected(() -> client.sendTx(forged), Reason.INVALID_TX, "VerifyError publisher error");
        assertThat(tampered.hashBase58()).isEqualTo(signed.hashBase58());
        Transaction wrongKey = anchor("r", 1, ROOT_A, 0).toBuilder().build().publishedBy(ANCHORER, ADMIN_KEY);
        assertRejected(() -> client.sendTx(wrongKey), Reason.INVALID_TX,
                "VerifyError publisher error: no publisher signature is by a key of techoanchor@active");
        Transaction noSig = rebuildWithPublisherSig(signed, null);
        assertRejected(() -> client.sendTx(noSig), Reason.INVALID_TX, "VerifyError publisher empty error");

        Transaction stranger = anchor("r", 1, ROOT_A, 0).toBuilder().build().publishedBy("nobody1", ANCHOR_KEY);
        assertRejected(() -> client.sendTx(stranger), Reason.GAS, "gas not enough: user nobody1 has 0 < 100000");
        assertRejected(() -> client.sendTx(unsigned(CONTRACT, "anchor", "{\"not\":\"an array\"}").build()
                .publishedBy(ANCHORER, ANCHOR_KEY)), Reason.INVALID_TX, "invalid json array");

        assertRejected(() -> client.getAccount("nobody1", true), Reason.UNKNOWN_ACCOUNT, "account not found");
        assertRejected(() -> client.getTxByHash("5JnHR8sQcUVh9r9ZpC3Rxme3fFmy5Bj8bUSvdGHq2vre"), Reason.NOT_FOUND, "tx not found");
        assertRejected(() -> client.getTxByHash("not-base58-0OIl"), Reason.NOT_FOUND, "tx not found");
        assertRejected(() -> client.getBlockByNumber(1L << 40, false), Reason.NOT_FOUND, "block not found");
    }

    @Test
    void unknownContractIsPackedWithARuntimeErrorAsOnANode() {
        Transaction tx = unsigned("ContractDoesNotExist", "anchor", "[]").build().publishedBy(ANCHORER, ANCHOR_KEY);
        client.sendTx(tx);
        await(client, tx.hashBase58(), TxResponse.Status.IRREVERSIBLE);
        TxReceipt r = client.getTxReceiptByTxHash(tx.hashBase58());
        assertThat(r.statusCode()).isEqualTo(TxReceipt.StatusCode.RUNTIME_ERROR);
        assertThat(r.message()).endsWith("error: prepare contract: contract ContractDoesNotExist not found");

        Transaction arity = unsigned(CONTRACT, "anchor", "[\"x\", 1]").build().publishedBy(ANCHORER, ANCHOR_KEY);
        client.sendTx(arity);
        await(client, arity.hashBase58(), TxResponse.Status.IRREVERSIBLE);
        assertThat(client.getTxReceiptByTxHash(arity.hashBase58()).message())
                .endsWith("error: prepare contract: args length unmatched to abi anchor. need 4, got 2");
    }

    @Test
    void onlyTheAnchoringAccountMayAnchor() {
        long now = Devnet.nowNanos();
        Transaction byAdmin = Transaction.builder().time(now).expiration(now + 60_000_000_000L).gasLimit(100_000)
                .chainId(1020).action(AnchorContract.anchor(CONTRACT, "admin.log", 1, ROOT_A, 0)).build()
                .publishedBy("admin", ADMIN_KEY);
        client.sendTx(byAdmin);
        await(client, byAdmin.hashBase58(), TxResponse.Status.IRREVERSIBLE);
        TxReceipt r = client.getTxReceiptByTxHash(byAdmin.hashBase58());
        assertThat(r.statusCode()).isEqualTo(TxReceipt.StatusCode.RUNTIME_ERROR);
        assertThat(r.message()).endsWith("anchor: only techoanchor@active may anchor");
    }

    private static Transaction rebuildWithPublisherSig(Transaction signed, Signature sig) {
        Transaction.Builder b = Transaction.builder().time(signed.time()).expiration(signed.expiration())
                .gasRatio(signed.gasRatio()).gasLimit(signed.gasLimit()).chainId(signed.chainId())
                .publisher(signed.publisher());
        signed.actions().forEach(b::action);
        if (sig != null) {
            b.publisherSig(sig);
        }
        return b.build();
    }

    static void assertRejected(Supplier<?> call, Reason reason, String messagePart) {
        IostRejectedException e = catchThrowableOfType(IostRejectedException.class, call::get);
        assertThat(e).as("expected a rejection containing " + messagePart).isNotNull();
        assertThat(e.nodeMessage()).contains(messagePart);
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.retryable()).isEqualTo(reason == Reason.GAS || reason == Reason.NOT_FOUND
                || reason == Reason.POOL_FULL);
    }
}
