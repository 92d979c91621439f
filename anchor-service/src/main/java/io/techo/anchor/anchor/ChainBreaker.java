package io.techo.anchor.anchor;

import io.techo.anchor.config.AnchorConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter between chain calls after errors, and a circuit breaker: after
 * {@code breakerThreshold} consecutive errors the chain is left alone for {@code breakerOpen}, then tried again.
 * Used by the single anchoring thread only.
 */
final class ChainBreaker {

    private final AnchorConfig.Iost settings;
    private int consecutiveErrors;
    private Instant quietUntil = Instant.MIN;

    ChainBreaker(AnchorConfig.Iost settings) {
        this.settings = settings;
    }

    boolean allows(Instant now) {
        return !now.isBefore(quietUntil);
    }

    boolean open() {
        return consecutiveErrors >= settings.breakerThreshold();
    }

    void succeeded() {
        consecutiveErrors = 0;
        quietUntil = Instant.MIN;
    }

    /** Records an error; returns how long the chain is left alone. */
    Duration failed(Instant now) {
        consecutiveErrors++;
        Duration wait;
        if (open()) {
            wait = settings.breakerOpen();
        } else {
            long ceiling = Math.min(settings.backoffMax().toMillis(),
                    settings.backoffMin().toMillis() << Math.min(consecutiveErrors - 1, 20));
            wait = Duration.ofMillis(ThreadLocalRandom.current().nextLong(settings.backoffMin().toMillis(), ceiling + 1));
        }
        quietUntil = now.plus(wait);
        return wait;
    }
}
