package io.techo.common.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A per-upstream circuit breaker: after {@code failureThreshold} consecutive failures it opens and refuses calls
 * for {@code openFor}; then it lets one trial call through (half-open), which closes it on success or opens it again.
 * Refusing at once is what turns a dead service into a fast 503 instead of a queue of waiting requests.
 */
public final class CircuitBreaker {

    private final int failureThreshold;
    private final Duration openFor;
    private final Clock clock;
    private int consecutiveFailures;
    private Instant openUntil = Instant.MIN;
    private boolean trialInFlight;

    public CircuitBreaker(int failureThreshold, Duration openFor, Clock clock) {
        this.failureThreshold = failureThreshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Empty if the call may go ahead, else how long to wait before retrying. */
    public synchronized Duration refusal() {
        if (consecutiveFailures < failureThreshold) {
            return Duration.ZERO;
        }
        Instant now = clock.instant();
        if (now.isBefore(openUntil)) {
            return Duration.between(now, openUntil);
        }
        if (trialInFlight) {
            return openFor;
        }
        trialInFlight = true;
        return Duration.ZERO;
    }

    public synchronized void succeeded() {
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    public synchronized void failed() {
        consecutiveFailures++;
        trialInFlight = false;
        if (consecutiveFailures >= failureThreshold) {
            openUntil = clock.instant().plus(openFor);
        }
    }
}
