package io.techo.anchor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** Settings of the log and its anchoring, under {@code techo.anchor}. */
@ConfigMapping(prefix = "techo.anchor")
public interface AnchorConfig {

    Log log();

    Checkpoint checkpoint();

    Iost iost();

    interface Log {
        /** The log's origin line: stable for the life of the log, the anchor contract keys its sizes by it. */
        String origin();

        /** The checkpoint key as a C2SP signed-note private key string ({@code PRIVATE+KEY+<name>+<hash>+<key>}). */
        String signingKey();
    }

    interface Checkpoint {
        /** How often a checkpoint is made when the log grew (T). */
        @WithDefault("1s")
        Duration interval();

        /** A checkpoint is also made as soon as this many leaves wait for one. */
        @WithDefault("10000")
        int maxPending();

        /**
         * How often the anchoring loop looks at the log and the chain (a few indexed queries and, with a tx in flight,
         * one node call): short, because every step of a checkpoint's journey waits for the next look.
         */
        @WithDefault("25ms")
        Duration pollInterval();

        /** Most confirmations published before the checkpoint's cursor moves past them. */
        @WithDefault("2000")
        int confirmationBatch();
    }

    interface Iost {
        /** The IOST node's HTTP API, e.g. {@code http://127.0.0.1:30001}. */
        URI url();

        /** The anchor contract id. */
        String contract();

        /** The account that signs anchor transactions (the contract's configured writer). */
        String account();

        /** The account's active key: base58 secret key as iwallet prints it, or 0x+hex. */
        String secretKey();

        /** ED25519 or SECP256K1. */
        @WithDefault("ED25519")
        String algorithm();

        @WithDefault("100000")
        long gasLimit();

        /** Lifetime of a signed transaction; a node keeps a tx at most 90 s after its time. */
        @WithDefault("90s")
        Duration txLifetime();

        /** How long to wait between re-broadcasts of a sent transaction that is not packed yet. */
        @WithDefault("3s")
        Duration rebroadcastInterval();

        /** Shortest and longest wait between retries after a chain error (exponential, full jitter). */
        @WithDefault("200ms")
        Duration backoffMin();

        @WithDefault("30s")
        Duration backoffMax();

        /** Consecutive chain errors that open the circuit, and how long it stays open. */
        @WithDefault("5")
        int breakerThreshold();

        @WithDefault("10s")
        Duration breakerOpen();

        /** How often the anchoring account's balance, gas and RAM are read from the node for the gauges. */
        @WithDefault("60s")
        Duration accountRefresh();
    }
}
