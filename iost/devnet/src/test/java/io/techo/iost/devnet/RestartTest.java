package io.techo.iost.devnet;

import static io.techo.iost.devnet.DevnetFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.techo.iost.AnchorContract;
import io.techo.iost.IostClient;
import io.techo.iost.Transaction;
import io.techo.iost.rpc.TxResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chain, its txs and the contract storage survive a restart; a torn last write is cut off. */
class RestartTest {
    @TempDir
    Path dir;

    @Test
    void txsAndStorageSurviveARestartAndTheChainContinues() throws Exception {
        Transaction first = anchor("restart.log", 3, ROOT_A, 0);
        long headBefore;
        String blockHash;
        try (Devnet devnet = start(dir)) {
            IostClient client = client(devnet);
            client.sendTx(first);
            TxResponse r = await(client, first.hashBase58(), TxResponse.Status.IRREVERSIBLE);
            blockHash = client.getBlockByNumber(r.blockNumber(), false).block().hash();
            headBefore = devnet.headBlock();
        }
        // a crash in the middle of writing a block leaves a torn line; it is cut off on the next start
        Files.writeString(dir.resolve("chain.jsonl"), "{\"number\":", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        try (Devnet devnet = start(dir)) {
            IostClient client = client(devnet);
            TxResponse r = client.getTxByHash(first.hashBase58());
            assertThat(r.status()).isEqualTo(TxResponse.Status.IRREVERSIBLE);
            assertThat(client.getBlockByNumber(r.blockNumber(), false).block().hash()).isEqualTo(blockHash);
            assertThat(client.getTxReceiptByTxHash(first.hashBase58()).succeeded()).isTrue();
            String key = AnchorContract.originKey("restart.log");
            assertThat(client.getContractStorage(CONTRACT, "last", key, false).valueOrNull()).isEqualTo("3");
            assertThat(devnet.headBlock()).isGreaterThanOrEqualTo(headBefore);

            // the restored state is the one the contract checks against, and the old hash is still a duplicate
            Transaction next = anchor("restart.log", 7, ROOT_B, 3);
            client.sendTx(next);
            await(client, next.hashBase58(), TxResponse.Status.IRREVERSIBLE);
            assertThat(client.getTxReceiptByTxHash(next.hashBase58()).succeeded()).isTrue();
            assertThat(client.getContractStorage(CONTRACT, "last", key, true).valueOrNull()).isEqualTo("7");
            assertThatThrownBy(() -> client.sendTx(first)).hasMessageContaining("tx exists in chain");
        }
    }

    @Test
    void aDataDirectoryOfAnotherGenesisIsRefused() throws Exception {
        try (Devnet ignored = start(dir)) {
            // creates the chain
        }
        Path genesis = dir.resolveSibling(dir.getFileName() + "-genesis.json");
        String other = new String(Devnet.class.getResourceAsStream("/genesis.json").readAllBytes(), StandardCharsets.UTF_8)
                .replace("\"chain_id\": 1020", "\"chain_id\": 1021");
        Files.writeString(genesis, other);
        assertThatThrownBy(() -> Devnet.start(config(dir).withGenesis(genesis)))
                .hasMessageContaining("holds a chain of another genesis");
        Files.delete(genesis);
    }
}
