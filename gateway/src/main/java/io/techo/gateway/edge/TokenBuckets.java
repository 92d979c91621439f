package io.techo.gateway.edge;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * In-memory token buckets, one per key: each holds up to {@code burst} requests and refills at {@code perSecond}.
 * Per gateway instance (ADR 0010). Full (idle) buckets are dropped when the table grows large, so a stream of
 * distinct keys cannot exhaust memory.
 */
public final class TokenBuckets {

    private static final int MAX_KEYS = 100_000;

    private final double perSecond;
    private final int burst;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(double perSecond, int burst, LongSupplier nanoClock) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoClock = nanoClock;
    }

    /** Takes one token for {@code key}: {@link Duration#ZERO} if granted, else how long until one is available. */
    public Duration take(String key) {
        long now = nanoClock.getAsLong();
        if (buckets.size() >= MAX_KEYS) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(burst, now)).take(now);
    }

    private final class Bucket {

        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized Duration take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) ((1 - tokens) / perSecond * 1e9));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
        }
    }
}
