package io.techo.iost.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.techo.iost.Algorithm;
import io.techo.iost.AnchorContract;
import io.techo.iost.IostClient;
import io.techo.iost.IostRejectedException;
import io.techo.iost.KeyPair;
import io.techo.iost.Transaction;
import io.techo.iost.rpc.TxResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** Starts devnets for tests (fast blocks, temp data dir) and builds signed txs with the genesis' development keys. */
final class DevnetFixture {
    static final String CONTRACT = "ContractD398vPsQkELp62MxtWHRs3p8fPn9jgnbGdA6wrZdiQQg";
    static final String ANCHORER = "techoanchor";
    static final KeyPair ANCHOR_KEY = KeyPair.fromSecretKey(Algorithm.ED25519,
            "3aBPLp4BiAiFnpLAUffcNSKRbhRGFDDySX3t1Lw3s8L6mb5UQS33pN2gM6UvuTzBqTTSLJYZi3Riq8u1KnLsx3tJ");
    static final KeyPair ADMIN_KEY = KeyPair.fromSecretKey(Algorithm.ED25519,
            "46en9Yyd1CF2ryoNJyK76PuCfW79XtrfLs8j811CfT351boScsV9yph12G2WKVCzf8MKhNpeS2av1vJZuKUbCRbz");
    static final String ROOT_A = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
    static final String ROOT_B = "486ea46224d1bb4fb680f34f7c9ad96a8f24ec88be73ea8e5a6c65260e9cb8a7";

    private DevnetFixture() {
    }

    static DevnetConfig config(Path dataDir) {
        return DevnetConfig.defaults().withPort(0).withDataDir(dataDir).withBlockInterval(Duration.ofMillis(50), 2);
    }

    static Devnet start(Path dataDir) {
        return Devnet.start(config(dataDir));
    }

    static IostClient client(Devnet devnet) {
        return new IostClient(devnet.uri());
    }

    static Transaction.Builder unsigned(String contractId, String action, String data) {
        long now = Devnet.nowNanos();
        return Transaction.builder().time(now).expiration(now + 90_000_000_000L).gasRatio(1).gasLimit(100_000)
                .chainId(1020).action(contractId, action, data);
    }

    static Transaction anchor(String origin, long size, String root, long prevSize) {
        return anchor(origin, size, root, prevSize, UnaryOperator.identity());
    }

    static Transaction anchor(String origin, long size, String root, long prevSize, UnaryOperator<Transaction.Builder> change) {
        Transaction.Builder b = Transaction.builder();
        long now = Devnet.nowNanos();
        b.time(now).expiration(now + 90_000_000_000L).gasRatio(1).gasLimit(100_000).chainId(1020)
                .action(AnchorContract.anchor(CONTRACT, origin, size, root, prevSize));
        return change.apply(b).build().publishedBy(ANCHORER, ANCHOR_KEY);
    }

    /** Polls getTxByHash until the tx reaches the status (NOT_FOUND while it is unknown counts as "not yet"). */
    static TxResponse await(IostClient client, String hash, TxResponse.Status status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                TxResponse r = client.getTxByHash(hash);
                if (r.status() == status) {
                    return r;
                }
            } catch (IostRejectedException e) {
                assertThat(e.reason()).isEqualTo(IostRejectedException.Reason.NOT_FOUND);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("tx " + hash + " did not reach " + status);
            }
            sleep(20);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
