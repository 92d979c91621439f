package io.techo.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private final AtomicLong nanos = new AtomicLong();
    private final TokenBuckets buckets = new TokenBuckets(2, 3, nanos::get);

    @Test
    void aBurstPassesThenTheRateHoldsAndTellsWhenToRetry() {
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("a")).isZero();
        }
        assertThat(buckets.take("a")).isEqualTo(Duration.ofMillis(500));
        assertThat(buckets.take("b")).as("another key has its own bucket").isZero();
        nanos.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isPositive();
    }
}
