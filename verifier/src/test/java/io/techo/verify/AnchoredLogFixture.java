package io.techo.verify;

import io.techo.common.canonical.RecordHeader;
import io.techo.common.crypto.Digests;
import io.techo.common.crypto.Hex;
import io.techo.common.events.AnchorConfirmed;
import io.techo.common.events.AnchorRef;
import io.techo.common.events.EventTypes;
import io.techo.common.log.Checkpoint;
import io.techo.common.log.LeafData;
import io.techo.common.log.MerkleLog;
import io.techo.common.log.NoteSigner;
import io.techo.iost.Algorithm;
import io.techo.iost.AnchorContract;
import io.techo.iost.IostClient;
import io.techo.iost.IostRejectedException;
import io.techo.iost.KeyPair;
import io.techo.iost.Transaction;
import io.techo.iost.rpc.TxResponse;
import io.techo.iost.devnet.Devnet;
import io.techo.iost.devnet.DevnetConfig;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A small log in memory whose checkpoint is signed with a test key and anchored on an in-process devnet, and the
 * confirmation of one of its leaves: what the anchor-service will publish.
 */
final class AnchoredLogFixture {

    /** The devnet genesis' anchor contract and writer (development-only keys from iost/devnet's genesis.json). */
    static final String CONTRACT = "ContractD398vPsQkELp62MxtWHRs3p8fPn9jgnbGdA6wrZdiQQg";
    static final String WRITER = "techoanchor";
    static final KeyPair WRITER_KEY = KeyPair.fromSecretKey(Algorithm.ED25519,
            "3aBPLp4BiAiFnpLAUffcNSKRbhRGFDDySX3t1Lw3s8L6mb5UQS33pN2gM6UvuTzBqTTSLJYZi3Riq8u1KnLsx3tJ");
    static final NoteSigner LOG_KEY = NoteSigner.fromSeed("techo.test/log", new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
    static final int LEAVES = 7;
    static final int TARGET = 4;

    private AnchoredLogFixture() {
    }

    static Devnet startDevnet(Path dataDir) {
        return Devnet.start(DevnetConfig.defaults().withPort(0).withDataDir(dataDir).withBlockInterval(Duration.ofMillis(50), 2));
    }

    /** The ciphertext of the target record (its bytes do not matter, only their hash). */
    static final byte[] TARGET_CIPHERTEXT = "sealed payload of the target record".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** A log of {@link #LEAVES} events under {@code origin}, anchored, and the confirmation of leaf {@link #TARGET}. */
    static AnchorConfirmed anchorAndConfirm(IostClient node, String origin) {
        SecureRandom random = new SecureRandom();
        MerkleLog log = new MerkleLog();
        List<LeafData> leaves = new ArrayList<>();
        byte[] targetObject = null;
        for (int i = 0; i < LEAVES; i++) {
            byte[] object = new RecordHeader(UUID.randomUUID(), 1, "pat-0001", "blood-pressure",
                    Digests.sha256Hex(i == TARGET ? TARGET_CIPHERTEXT : new byte[] {(byte) i}), "key-" + i).canonicalBytes();
            LeafData leaf = LeafData.create(UUID.randomUUID().toString(), EventTypes.RECORD_STORED, "record-" + i,
                    Digests.sha256Hex(object), Instant.parse("2026-11-24T10:00:00Z").plusSeconds(i), random);
            leaves.add(leaf);
            log.append(leaf.leafHash());
            if (i == TARGET) {
                targetObject = object;
            }
        }
        Checkpoint checkpoint = new Checkpoint(origin, log.size(), log.root(log.size()));
        String note = LOG_KEY.sign(checkpoint);
        String rootHex = Hex.encode(checkpoint.root());
        TxResponse anchored = anchor(node, origin, checkpoint.size(), rootHex, 0);
        LeafData target = leaves.get(TARGET);
        return new AnchorConfirmed(target.eventId(), target.type(), target.subject(), "pat-0001", TARGET,
                b64(target.bytes()), b64(targetObject),
                log.inclusionProof(TARGET, log.size()).stream().map(AnchoredLogFixture::b64).toList(), note,
                new AnchorRef(anchored.transaction().chainId(), CONTRACT, anchored.transaction().hash(),
                        anchored.blockNumber(), AnchorRef.IRREVERSIBLE, origin, checkpoint.size(), rootHex, 0));
    }

    /** Sends {@code anchor(origin, size, rootHex, prevSize)} and waits until the tx is IRREVERSIBLE. */
    static TxResponse anchor(IostClient node, String origin, long size, String rootHex, long prevSize) {
        long now = Instant.now().toEpochMilli() * 1_000_000L;
        Transaction tx = Transaction.builder().time(now).expiration(now + 90_000_000_000L).gasRatio(1).gasLimit(100_000)
                .chainId(node.getChainInfo().chainId())
                .action(AnchorContract.anchor(CONTRACT, origin, size, rootHex, prevSize))
                .build().publishedBy(WRITER, WRITER_KEY);
        node.sendTx(tx);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                TxResponse response = node.getTxByHash(tx.hashBase58());
                if (response.status() == TxResponse.Status.IRREVERSIBLE) {
                    return response;
                }
            } catch (IostRejectedException e) {
                if (e.reason() != IostRejectedException.Reason.NOT_FOUND) {
                    throw e;
                }
            }
            sleep(20);
        }
        throw new AssertionError("anchor tx " + tx.hashBase58() + " did not become IRREVERSIBLE");
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
