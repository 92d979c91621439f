package io.techo.anchor.anchor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.techo.anchor.config.AnchorConfig;
import io.techo.iost.Algorithm;
import io.techo.iost.AnchorContract;
import io.techo.iost.KeyPair;
import io.techo.iost.Transaction;
import io.techo.iost.TxJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/** Builds and signs the one IOST transaction that anchors a checkpoint: {@code anchor(origin, size, rootHex, prevSize)}. */
@ApplicationScoped
public class AnchorTransactions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AnchorConfig.Iost iost;
    private final KeyPair key;
    private final Clock clock;

    public AnchorTransactions(AnchorConfig config, Clock clock) {
        this.iost = config.iost();
        this.key = KeyPair.fromSecretKey(Algorithm.valueOf(iost.algorithm()), iost.secretKey());
        this.clock = clock;
    }

    public SignedAnchorTx sign(int chainId, String origin, long size, String rootHex, long prevSize) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(iost.txLifetime());
        Transaction tx = Transaction.builder()
                .time(nanos(now))
                .expiration(nanos(expiresAt))
                .gasRatio(1)
                .gasLimit(iost.gasLimit())
                .chainId(chainId)
                .action(AnchorContract.anchor(iost.contract(), origin, size, rootHex, prevSize))
                .build()
                .publishedBy(iost.account(), key);
        try {
            return new SignedAnchorTx(tx.hashBase58(), JSON.writeValueAsString(TxJson.toRequest(tx)), expiresAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The persisted transaction, byte for byte as signed. */
    public static Transaction parse(SignedAnchorTx signed) {
        try {
            return TxJson.fromRequest(JSON.readTree(signed.body()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("persisted anchor tx " + signed.hash() + " is not JSON", e);
        }
    }

    private static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
}
