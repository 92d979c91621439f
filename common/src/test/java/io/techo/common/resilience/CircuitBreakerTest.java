package io.techo.common.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private Instant now = Instant.parse("2026-11-24T10:00:00Z");
    private final CircuitBreaker breaker = new CircuitBreaker(2, Duration.ofSeconds(10), new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void opensAfterConsecutiveFailuresThenLetsOneTrialThrough() {
        breaker.failed();
        assertThat(breaker.refusal()).isZero();
        breaker.failed();
        assertThat(breaker.refusal()).isEqualTo(Duration.ofSeconds(10));

        now = now.plusSeconds(10);
        assertThat(breaker.refusal()).as("the trial call").isZero();
        assertThat(breaker.refusal()).as("only one trial at a time").isPositive();
        breaker.succeeded();
        assertThat(breaker.refusal()).isZero();
    }

    @Test
    void aFailedTrialOpensItAgain() {
        breaker.failed();
        breaker.failed();
        now = now.plusSeconds(10);
        assertThat(breaker.refusal()).isZero();
        breaker.failed();
        assertThat(breaker.refusal()).isEqualTo(Duration.ofSeconds(10));
    }
}
